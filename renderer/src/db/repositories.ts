// The only code that touches Dexie. Stores call these; multi-table writes are one transaction each,
// so a crash can never leave evidence without its timeline event or the other way round.
import { Dexie } from 'dexie';
import type { CaseRecord } from '../../../shared/domain/case';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { CaseEvent } from '../../../shared/domain/events';
import type { ExistingEvidence } from '../../../shared/domain/importPlan';
import type { LiuZhengDb } from './db';

export type EvidencePatch = Partial<Pick<EvidenceRecord, 'kind' | 'title' | 'note' | 'capturedAt' | 'captureSource' | 'frames'>>;

export function createRepositories(db: LiuZhengDb) {
  return {
    async listCases(): Promise<CaseRecord[]> {
      return db.cases.orderBy('updatedAt').reverse().toArray();
    },

    async getCase(id: string): Promise<CaseRecord | undefined> {
      return db.cases.get(id);
    },

    async evidenceCounts(caseIds: string[]): Promise<Record<string, number>> {
      const counts = await Promise.all(caseIds.map((id) => db.evidence.where('caseId').equals(id).count()));
      return Object.fromEntries(caseIds.map((id, i) => [id, counts[i] ?? 0]));
    },

    async saveCase(record: CaseRecord, event: CaseEvent): Promise<void> {
      await db.transaction('rw', db.cases, db.events, async () => {
        await db.cases.put(record);
        await db.events.add(event);
      });
    },

    async getEvidence(id: string): Promise<EvidenceRecord | undefined> {
      return db.evidence.get(id);
    },

    async listEvidence(caseId: string): Promise<EvidenceRecord[]> {
      return db.evidence.where('[caseId+importedAt]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).reverse().toArray();
    },

    async listEvents(caseId: string): Promise<CaseEvent[]> {
      return db.events.where('[caseId+at]').between([caseId, Dexie.minKey], [caseId, Dexie.maxKey]).toArray();
    },

    async findBySha(shas: string[]): Promise<Map<string, ExistingEvidence>> {
      const rows = await db.evidence.where('sha256').anyOf(shas).toArray();
      const titles = new Map((await db.cases.bulkGet([...new Set(rows.map((r) => r.caseId))])).flatMap((c) => (c ? [[c.id, c.title]] : [])));
      return new Map(rows.map((r) => [r.sha256, { evidenceId: r.id, caseId: r.caseId, caseTitle: titles.get(r.caseId) ?? '' }]));
    },

    async allEvidence(): Promise<EvidenceRecord[]> {
      return db.evidence.toArray();
    },

    async allShas(): Promise<string[]> {
      return (await db.evidence.orderBy('sha256').uniqueKeys()).map(String);
    },

    async addEvidence(records: EvidenceRecord[], events: CaseEvent[], touchedCaseIds: string[], now: string): Promise<void> {
      await db.transaction('rw', db.evidence, db.events, db.cases, async () => {
        await db.evidence.bulkAdd(records);
        await db.events.bulkAdd(events);
        await db.cases.where('id').anyOf(touchedCaseIds).modify({ updatedAt: now });
      });
    },

    async updateEvidence(id: string, patch: EvidencePatch): Promise<void> {
      await db.evidence.update(id, patch);
    },

    async moveEvidence(id: string, toCaseId: string, events: CaseEvent[], now: string): Promise<void> {
      await db.transaction('rw', db.evidence, db.events, db.cases, async () => {
        const row = await db.evidence.get(id);
        if (!row) throw new Error(`evidence ${id} not found`);
        await db.evidence.update(id, { caseId: toCaseId });
        await db.events.bulkAdd(events);
        await db.cases.where('id').anyOf([row.caseId, toCaseId]).modify({ updatedAt: now });
      });
    },

    async removeEvidence(id: string, event: CaseEvent): Promise<void> {
      await db.transaction('rw', db.evidence, db.events, async () => {
        await db.evidence.delete(id);
        await db.events.add(event);
      });
    },
  };
}

export type Repositories = ReturnType<typeof createRepositories>;

// Extracted fields per evidence item. A new OCR result replaces the extraction but keeps the
// buyer's corrections, which are keyed by what OCR read.
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { ExtractionRecord, FieldCorrection } from '../../../shared/domain/review';
import type { LiuZhengDb } from './db';

export function createExtractionRepository(db: LiuZhengDb) {
  return {
    async forCase(caseId: string): Promise<ExtractionRecord[]> {
      return db.extractions.where('caseId').equals(caseId).toArray();
    },

    async evidenceWithSha(sha256: string): Promise<EvidenceRecord[]> {
      return db.evidence.where('sha256').equals(sha256).toArray();
    },

    /**
     * The buyer set an item's capture time: the record and its fields, read again by main against
     * it, change together (the corrections stay, keyed by what was read).
     */
    async setCapture(evidenceId: string, capturedAt: string, fields: Omit<ExtractionRecord, 'corrections'> | null): Promise<void> {
      await db.transaction('rw', db.evidence, db.extractions, async () => {
        await db.evidence.update(evidenceId, { capturedAt, captureSource: 'user' });
        if (fields === null) return;
        const previous = await db.extractions.get(evidenceId);
        await db.extractions.put({ ...fields, corrections: previous?.corrections ?? {} });
      });
    },

    async save(record: Omit<ExtractionRecord, 'corrections'>): Promise<ExtractionRecord> {
      return db.transaction('rw', db.extractions, async () => {
        const previous = await db.extractions.get(record.evidenceId);
        const next: ExtractionRecord = { ...record, corrections: previous?.corrections ?? {} };
        await db.extractions.put(next);
        return next;
      });
    },

    async correct(evidenceId: string, key: string, correction: FieldCorrection | null): Promise<void> {
      await db.transaction('rw', db.extractions, async () => {
        const row = await db.extractions.get(evidenceId);
        if (!row) return;
        const corrections = { ...row.corrections };
        if (correction) corrections[key] = correction;
        else delete corrections[key];
        await db.extractions.update(evidenceId, { corrections });
      });
    },

    async moveCase(evidenceId: string, caseId: string): Promise<void> {
      await db.extractions.update(evidenceId, { caseId });
    },

    async get(evidenceId: string): Promise<ExtractionRecord | undefined> {
      return db.extractions.get(evidenceId);
    },

    /** Puts a row back as it was (an undone trash keeps the buyer's corrections). */
    async restore(row: ExtractionRecord): Promise<void> {
      await db.extractions.put(row);
    },

    async remove(evidenceId: string): Promise<void> {
      await db.extractions.delete(evidenceId);
    },

    /** Items whose fields were not read by main at this version (older builds, or an older reading). */
    async outdated(version: number): Promise<EvidenceRecord[]> {
      const stale = new Set((await db.extractions.filter((x) => x.fieldsVersion !== version).primaryKeys()).map(String));
      return stale.size === 0 ? [] : db.evidence.filter((e) => stale.has(e.id)).toArray();
    },

    /** Items of these media types that have nothing extracted yet: work left from a closed session. */
    async missing(mediaTypes: EvidenceRecord['mediaType'][]): Promise<EvidenceRecord[]> {
      const done = new Set((await db.extractions.toCollection().primaryKeys()).map(String));
      return db.evidence.filter((e) => mediaTypes.includes(e.mediaType) && !done.has(e.id)).toArray();
    },
  };
}

export type ExtractionRepository = ReturnType<typeof createExtractionRepository>;

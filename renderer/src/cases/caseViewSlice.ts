import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { CaseEvent } from '../../../shared/domain/events';
import { evidenceEditDetail, moveDetail } from '../../../shared/integrity/describe';
import type { EvidencePatch } from '../db/repositories';
import { searchInput } from '../../../shared/search/document';
import { applyDelete, applyMove, withIntent } from '../store/intentActions';
import type { Slice } from '../store/types';

export interface CaseViewSlice {
  evidence: EvidenceRecord[];
  events: CaseEvent[];
  caseLoaded: boolean;
  refreshCase: () => Promise<void>;
  updateEvidence: (id: string, patch: EvidencePatch) => Promise<void>;
  /** `undo` marks the move that takes back an earlier one, in the timeline's and the audit log's words. */
  moveEvidence: (id: string, toCaseId: string, opts?: { undo?: boolean }) => Promise<void>;
  /** Resolves to the trash entry's id, or null when nothing was removed. */
  removeEvidence: (id: string) => Promise<string | null>;
}

export const caseViewSlice: Slice<CaseViewSlice> = (deps) => (set, get) => {
  const currentCaseId = () => {
    const { route } = get();
    return route.name === 'case' ? route.caseId : null;
  };
  const titleOf = (caseId: string) => get().cases.find((c) => c.id === caseId)?.title ?? '';

  return {
    evidence: [],
    events: [],
    caseLoaded: false,

    async refreshCase() {
      const caseId = currentCaseId();
      if (!caseId) return;
      const [evidence, events] = await Promise.all([deps.repo.listEvidence(caseId), deps.repo.listEvents(caseId)]);
      // A slow read for a case the user already left must not overwrite the new one.
      if (currentCaseId() === caseId) set({ evidence, events, caseLoaded: true });
      await get().loadExtractions();
    },

    async updateEvidence(id, patch) {
      const before = get().evidence.find((e) => e.id === id);
      await deps.repo.updateEvidence(id, patch);
      const detail = before ? evidenceEditDetail(before, patch) : null;
      if (before && detail) await get().reportAudit({ action: 'edit', caseId: before.caseId, evidenceId: id, sha256: before.sha256, detail });
      set({ evidence: get().evidence.map((e) => (e.id === id ? { ...e, ...patch } : e)) });
      const item = get().evidence.find((e) => e.id === id);
      if (item) await deps.search.upsert(searchInput(item, get().extractions[id]));
    },

    async moveEvidence(id, toCaseId, opts = {}) {
      // An undo moves an item the open case no longer lists.
      const item = get().evidence.find((e) => e.id === id) ?? (await deps.repo.getEvidence(id));
      if (!item || item.caseId === toCaseId) return;
      const now = deps.now();
      const event = (caseId: string, type: 'evidence-moved-in' | 'evidence-moved-out', other: string) => ({
        id: deps.newId(),
        caseId,
        at: now,
        type,
        evidenceId: id,
        detail: `${item.title} · ${titleOf(other)}`,
      });
      const detail = `${opts.undo ? '撤销 · ' : ''}${moveDetail(item.title, titleOf(item.caseId), titleOf(toCaseId))}`.slice(0, 500);
      const intent = {
        kind: 'move' as const,
        evidenceId: id,
        sha256: item.sha256,
        fromCaseId: item.caseId,
        toCaseId,
        events: [event(item.caseId, 'evidence-moved-out', toCaseId), event(toCaseId, 'evidence-moved-in', item.caseId)],
        // Main logs these when the intent is finished, so a crash after the records cannot lose them.
        audit: [item.caseId, toCaseId].map((caseId) => ({ action: 'move' as const, caseId, evidenceId: id, sha256: item.sha256, detail })),
      };
      // One intent in main, then every record change in one Dexie transaction.
      await withIntent(deps, intent, () => applyMove(deps, intent, now));
      set({ viewerId: null });
      await Promise.all([get().refreshCase(), get().loadCases()]);
    },

    async removeEvidence(id) {
      const item = get().evidence.find((e) => e.id === id);
      if (!item) return null;
      let trashId: string | null = null;
      const event = { id: deps.newId(), caseId: item.caseId, at: deps.now(), type: 'evidence-removed' as const, evidenceId: id, detail: item.title };
      const intent = { kind: 'delete' as const, evidenceId: id, sha256: item.sha256, event };
      // Main moves the original to the trash (kept 30 days, logged) first; only then does the record go.
      await withIntent(deps, intent, async () => {
        const res = await deps.api.trashEvidence({ record: item, caseTitle: titleOf(item.caseId) });
        if (!res.ok) throw new Error(res.error.message);
        trashId = res.value.id;
        await applyDelete(deps, intent);
      });
      set({ viewerId: null });
      await Promise.all([get().refreshCase(), get().loadCases()]);
      return trashId;
    },
  };
};

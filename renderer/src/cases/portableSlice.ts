// "导出案件文件夹" and "导入案件": the case travels as case.json + its originals. Main writes and reads
// the folder; this slice gathers the case for it and stores an imported one in one transaction.
import type { CaseEvent } from '../../../shared/domain/events';
import { exhibitOrder, importedCase, portableCaseOf, portableEvidenceOf } from '../../../shared/portable/mapping';
import type { CaseDetails } from '../../../shared/portable/mapping';
import { searchInput } from '../../../shared/search/document';
import { withIntent } from '../store/intentActions';
import type { Slice } from '../store/types';

export type PortableNotice =
  | { kind: 'exported'; dir: string; files: number }
  | { kind: 'imported'; caseId: string; title: string; count: number }
  | { kind: 'error'; action: 'export' | 'import'; message: string };

export interface PortableSlice {
  portableBusy: boolean;
  portableNotice: PortableNotice | null;
  exportCaseFolder: (caseId: string, eventText: (e: CaseEvent) => string) => Promise<void>;
  importCaseFolder: () => Promise<void>;
  dismissPortableNotice: () => void;
  /** The export form's parties, target and 事实与理由 last used for (or imported with) a case. */
  caseDetails: (caseId: string) => Promise<CaseDetails | undefined>;
  saveCaseDetails: (details: CaseDetails) => Promise<void>;
}

export const portableSlice: Slice<PortableSlice> = (deps) => (set, get) => ({
  portableBusy: false,
  portableNotice: null,

  async exportCaseFolder(caseId, eventText) {
    const record = get().cases.find((c) => c.id === caseId);
    if (!record) return;
    set({ portableBusy: true, portableNotice: null });
    try {
      const [evidence, events, details] = await Promise.all([deps.repo.listEvidence(caseId), deps.repo.listEvents(caseId), deps.portable.details(caseId)]);
      if (evidence.length === 0) {
        set({ portableNotice: { kind: 'error', action: 'export', message: 'noEvidence' } });
        return;
      }
      const res = await deps.api.exportCaseFolder({ case: portableCaseOf(record, details, events, eventText), evidence: exhibitOrder(evidence).map(portableEvidenceOf) });
      if (!res.ok) set({ portableNotice: { kind: 'error', action: 'export', message: res.error.message } });
      else if (res.value) set({ portableNotice: { kind: 'exported', dir: res.value.dir, files: res.value.files.length } });
    } finally {
      set({ portableBusy: false });
    }
  },

  async importCaseFolder() {
    const caseId = deps.newId();
    set({ portableBusy: true, portableNotice: null });
    try {
      const imported = await withIntent(deps, { kind: 'import-case', caseId }, async () => {
        const res = await deps.api.importCaseFolder({ caseId });
        if (!res.ok) {
          set({ portableNotice: { kind: 'error', action: 'import', message: res.error.message } });
          return null;
        }
        if (res.value === null) return null;
        const made = importedCase(res.value, { caseId, now: deps.now(), newId: deps.newId });
        // The case and its search rows together: searchable by title at once; fields (read by main,
        // screenshots after OCR) add their text later.
        await deps.transact(async () => {
          await deps.portable.importCase(made);
          await deps.search.upsertMany(made.evidence.map((r) => searchInput(r, undefined)));
        });
        return made;
      });
      if (imported === null) return;
      void get().ingestEvidence(imported.evidence);
      await get().loadCases();
      await get().navigate({ name: 'case', caseId });
      set({ portableNotice: { kind: 'imported', caseId, title: imported.record.title, count: imported.evidence.length } });
    } finally {
      set({ portableBusy: false });
    }
  },

  dismissPortableNotice: () => set({ portableNotice: null }),
  caseDetails: (caseId) => deps.portable.details(caseId),
  saveCaseDetails: (details) => deps.portable.saveDetails(details),
});

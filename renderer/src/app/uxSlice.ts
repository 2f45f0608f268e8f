// The 撤销 toast and the shortcuts dialog. Trashing, moving and a status change each offer an undo for
// a few seconds; the undo reverses the action whole (records, original, deadlines it added) and both
// the action and its undo are in the audit log.
import type { CaseStatus } from '../../../shared/domain/case';
import { toCaseInput, type CaseInput } from '../../../shared/domain/caseForm';
import { firstDeadline } from '../../../shared/domain/outlook';
import { searchInput } from '../../../shared/search/document';
import { zh } from '../i18n/zh';
import { applyRestore, withIntent } from '../store/intentActions';
import type { Slice } from '../store/types';

export interface UndoMessage {
  key: 'ux.undo.trashed' | 'ux.undo.moved' | 'ux.undo.status';
  params: Record<string, string>;
}

export interface UndoToast {
  /** Changes with every offer, so the toast's timer restarts. */
  id: number;
  message: UndoMessage;
  state: 'offered' | 'undoing' | 'undone' | 'failed';
  error: string | null;
}

export interface UxSlice {
  shortcutsOpen: boolean;
  setShortcutsOpen: (open: boolean) => void;
  undoToast: UndoToast | null;
  /** Shows the toast; `undo` runs at most once. */
  offerUndo: (message: UndoMessage, undo: () => Promise<void>) => void;
  runUndo: () => Promise<void>;
  dismissUndo: (id: number) => void;
  trashWithUndo: (evidenceId: string) => Promise<void>;
  moveWithUndo: (evidenceId: string, toCaseId: string) => Promise<void>;
  /** Called once a status change is saved, with the deadlines it added. */
  offerStatusUndo: (caseId: string, from: CaseStatus, to: CaseStatus, deadlineIds: string[]) => void;
  /** The new-case flow's end: saves the case and adds its first deadline when the facts give one. Resolves to its id. */
  createCaseGuided: (input: CaseInput) => Promise<string>;
}

export const uxSlice: Slice<UxSlice> = (deps) => (set, get) => {
  let pending: (() => Promise<void>) | null = null;
  let nextId = 1;
  const titleOf = (caseId: string) => get().cases.find((c) => c.id === caseId)?.title ?? '';

  return {
    shortcutsOpen: false,
    setShortcutsOpen: (shortcutsOpen) => set({ shortcutsOpen }),
    undoToast: null,

    offerUndo(message, undo) {
      pending = undo;
      set({ undoToast: { id: nextId++, message, state: 'offered', error: null } });
    },

    async runUndo() {
      const toast = get().undoToast;
      const undo = pending;
      if (!toast || !undo || toast.state !== 'offered') return;
      pending = null;
      set({ undoToast: { ...toast, state: 'undoing' } });
      try {
        await undo();
        set({ undoToast: { ...toast, state: 'undone' } });
      } catch (err) {
        set({ undoToast: { ...toast, state: 'failed', error: err instanceof Error ? err.message : String(err) } });
      }
    },

    dismissUndo(id) {
      if (get().undoToast?.id !== id) return;
      pending = null;
      set({ undoToast: null });
    },

    async trashWithUndo(evidenceId) {
      const item = get().evidence.find((e) => e.id === evidenceId);
      if (!item) return;
      // The fields and the buyer's corrections go with the record; the undo puts them back too.
      const extraction = await deps.extractions.get(evidenceId);
      const caseTitle = titleOf(item.caseId);
      const trashId = await get().removeEvidence(evidenceId);
      if (!trashId) return;
      get().offerUndo({ key: 'ux.undo.trashed', params: { title: item.title } }, async () => {
        await withIntent(deps, { kind: 'restore', trashId, record: item }, async () => {
          const res = await deps.api.restoreTrash({ id: trashId });
          if (!res.ok) throw new Error(res.error.message);
          const placed = await applyRestore(deps, res.value.record, () => Promise.resolve(item.caseId));
          if ('duplicateOf' in placed) throw new Error(`「${item.title}」已在案件「${placed.duplicateOf}」中`);
          if (extraction) {
            await deps.transact(async () => {
              await deps.extractions.restore({ ...extraction, caseId: placed.caseId });
              await deps.search.upsert(searchInput(res.value.record, extraction));
            });
          }
        });
        await get().reportAudit({ action: 'undo', caseId: item.caseId, evidenceId, sha256: item.sha256, detail: `撤销移到回收站「${item.title}」(案件「${caseTitle}」)`.slice(0, 500) });
        await Promise.all([get().refreshCase(), get().loadCases()]);
      });
    },

    async moveWithUndo(evidenceId, toCaseId) {
      const item = get().evidence.find((e) => e.id === evidenceId);
      if (!item || item.caseId === toCaseId) return;
      const fromCaseId = item.caseId;
      await get().moveEvidence(evidenceId, toCaseId);
      get().offerUndo({ key: 'ux.undo.moved', params: { title: item.title, caseTitle: titleOf(toCaseId) } }, async () => {
        await get().moveEvidence(evidenceId, fromCaseId, { undo: true });
        await get().reportAudit({
          action: 'undo',
          caseId: fromCaseId,
          evidenceId,
          sha256: item.sha256,
          detail: `撤销移动「${item.title}」：放回案件「${titleOf(fromCaseId)}」`.slice(0, 500),
        });
      });
    },

    async createCaseGuided(input) {
      const id = await get().saveCase(input);
      const record = get().cases.find((c) => c.id === id);
      const { presetOverrides } = await get().ensureDeadlineSettings();
      const first = record ? firstDeadline(record, deps.now(), presetOverrides) : null;
      if (first) await get().addPresetDeadline(id, first);
      return id;
    },

    offerStatusUndo(caseId, from, to, deadlineIds) {
      get().offerUndo({ key: 'ux.undo.status', params: { status: to } }, async () => {
        const record = get().cases.find((c) => c.id === caseId);
        if (!record) throw new Error('case not found');
        // The deadlines the change proposed and the buyer accepted go with it.
        for (const id of deadlineIds) await deps.deadlines.remove(id);
        await get().saveCase({ ...toCaseInput(record), status: from }, caseId);
        await get().reportAudit({ action: 'undo', caseId, evidenceId: null, sha256: null, detail: `撤销状态变更：${zh.status[from]} → ${zh.status[to]}` });
        await get().loadDeadlines();
      });
    },
  };
};

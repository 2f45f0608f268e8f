import { RECOVERED_CASE_TITLE } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import type { AuditReport, BundleVerifyReport, CaseHistory, TrashEntry, VaultCheckProgress, VaultCheckReport } from '../../../shared/integrity/contract';
import type { AppError, Result } from '../../../shared/ipc/result';
import { applyRestore, withIntent } from '../store/intentActions';
import type { Slice } from '../store/types';

export type IntegrityTab = 'trash' | 'check' | 'verify';

export interface IntegrityNotice {
  key: 'trash.restored' | 'trash.restoredDuplicate' | 'check.repaired';
  params: Record<string, string>;
}

export interface VaultCheckState {
  running: boolean;
  runId: string | null;
  done: number;
  total: number;
  report: VaultCheckReport | null;
}

export interface IntegritySlice {
  history: CaseHistory | null;
  trashItems: TrashEntry[];
  vaultCheck: VaultCheckState;
  bundleReport: BundleVerifyReport | null;
  /** True while main hashes an export's files (a large folder takes a while). */
  verifyingExport: boolean;
  integrityError: AppError | null;
  integrityNotice: IntegrityNotice | null;
  /** Reports a renderer-side change to main's audit log. Never blocks or fails the change itself. */
  reportAudit: (entry: AuditReport) => Promise<void>;
  loadHistory: (caseId: string) => Promise<void>;
  /** Hands main the audit head kept in IndexedDB and keeps the one it returns (at start and with each history). */
  anchorAudit: () => Promise<void>;
  loadTrash: () => Promise<void>;
  restoreFromTrash: (id: string) => Promise<void>;
  purgeFromTrash: (id: string) => Promise<void>;
  purgeExpiredTrash: () => Promise<void>;
  startVaultCheck: () => Promise<void>;
  cancelVaultCheck: () => Promise<void>;
  onVaultCheckProgress: (p: VaultCheckProgress) => void;
  quarantineOriginal: (sha256: string) => Promise<void>;
  repairVault: () => Promise<void>;
  verifyExport: (kind: 'pdf' | 'folder') => Promise<void>;
  cancelVerifyExport: () => Promise<void>;
}

const IDLE: VaultCheckState = { running: false, runId: null, done: 0, total: 0, report: null };

export const integritySlice: Slice<IntegritySlice> = (deps) => (set, get) => {
  /** The value, or null after putting the error where the integrity views show it. */
  const unwrap = <T>(res: Result<T>): T | null => {
    if (res.ok) return res.value;
    set({ integrityError: res.error });
    return null;
  };

  const recoveryCaseId = async (): Promise<string> =>
    get().cases.find((c) => c.title === RECOVERED_CASE_TITLE)?.id ?? (await get().saveCase({ ...EMPTY_CASE_INPUT, title: RECOVERED_CASE_TITLE, platform: 'other', issueType: 'other' }));

  const runCheck = async (): Promise<void> => {
    const rows = await deps.repo.allEvidence();
    const records = rows.map((r) => ({ sha256: r.sha256, evidenceId: r.id, caseId: r.caseId, title: r.title }));
    set({ vaultCheck: { ...IDLE, running: true, total: new Set(records.map((r) => r.sha256)).size }, integrityError: null, integrityNotice: null });
    const report = unwrap(await deps.api.checkVault({ records }));
    set({ vaultCheck: { running: false, runId: null, done: report?.checked ?? 0, total: report?.total ?? 0, report } });
  };

  return {
    history: null,
    trashItems: [],
    vaultCheck: IDLE,
    bundleReport: null,
    verifyingExport: false,
    integrityError: null,
    integrityNotice: null,

    async reportAudit(entry) {
      const res = await deps.api.auditRecord(entry);
      if (!res.ok) console.error('[audit] not recorded', res.error);
    },

    async anchorAudit() {
      const seen = await deps.settings.getAuditHead();
      const anchored = await deps.api.auditAnchor({ seen });
      if (anchored.ok) await deps.settings.putAuditHead(anchored.value.head);
      else console.error('[audit] anchor not checked', anchored.error);
    },

    async loadHistory(caseId) {
      // The head kept in IndexedDB goes to main first, so a log cut short since reads as 记录被截断.
      await get().anchorAudit();
      const history = unwrap(await deps.api.caseHistory({ caseId }));
      if (history) set({ history });
    },

    async loadTrash() {
      const items = unwrap(await deps.api.listTrash({}));
      if (items) set({ trashItems: items });
    },

    async restoreFromTrash(id) {
      set({ integrityError: null, integrityNotice: null });
      const listed = get().trashItems.find((t) => t.id === id);
      const restore = async (): Promise<void> => {
        const entry = unwrap(await deps.api.restoreTrash({ id }));
        if (!entry) return;
        const { record } = entry;
        const placed = await applyRestore(deps, record, recoveryCaseId);
        if ('duplicateOf' in placed) {
          set({ integrityNotice: { key: 'trash.restoredDuplicate', params: { title: record.title, caseTitle: placed.duplicateOf } } });
        } else {
          const caseTitle = get().cases.find((c) => c.id === placed.caseId)?.title ?? entry.caseTitle;
          set({ integrityNotice: { key: 'trash.restored', params: { title: record.title, caseTitle } } });
        }
      };
      // The intent needs the record; an item not listed yet is restored the plain way (main refuses unknown ids).
      if (listed) await withIntent(deps, { kind: 'restore', trashId: id, record: listed.record }, restore);
      else await restore();
      await Promise.all([get().loadTrash(), get().loadCases()]);
    },

    async purgeFromTrash(id) {
      set({ integrityError: null, integrityNotice: null });
      const res = await deps.api.purgeTrash({ id, liveSha256: await deps.repo.allShas() });
      unwrap(res);
      if (res.ok) await get().loadTrash();
    },

    async purgeExpiredTrash() {
      const res = await deps.api.purgeExpiredTrash({ liveSha256: await deps.repo.allShas() });
      if (!res.ok) console.error('[trash] purge failed', res.error);
    },

    startVaultCheck: () => (get().vaultCheck.running ? Promise.resolve() : runCheck()),

    async cancelVaultCheck() {
      const { runId } = get().vaultCheck;
      if (runId) unwrap(await deps.api.cancelVaultCheck({ runId }));
    },

    onVaultCheckProgress(p) {
      const current = get().vaultCheck;
      if (current.running) set({ vaultCheck: { ...current, runId: p.runId, done: p.done, total: p.total } });
    },

    async quarantineOriginal(sha256) {
      set({ integrityError: null });
      // A void result crosses IPC as undefined or null alike, so success is read from `ok`.
      const res = await deps.api.quarantineBlob({ sha256 });
      unwrap(res);
      if (res.ok) await runCheck();
    },

    async repairVault() {
      // Re-adopting orphans and rebuilding thumbnails is exactly what the start-up reconcile does.
      await get().reconcileVault();
      await runCheck();
      if (get().integrityError === null) set({ integrityNotice: { key: 'check.repaired', params: {} } });
    },

    async verifyExport(kind) {
      set({ integrityError: null, integrityNotice: null, verifyingExport: true });
      try {
        const res = await deps.api.verifyBundle({ kind });
        const report = unwrap(res);
        if (res.ok && report !== null) set({ bundleReport: report });
      } finally {
        set({ verifyingExport: false });
      }
    },

    async cancelVerifyExport() {
      await deps.api.cancelVerifyBundle({});
    },
  };
};

import { RECOVERED_CASE_TITLE } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { planImport } from '../../../shared/domain/importPlan';
import type { OrphanBlob } from '../../../shared/ipc/contract';
import type { AppError } from '../../../shared/ipc/result';
import { finishPendingIntents } from '../store/intentActions';
import type { Slice } from '../store/types';

export interface VaultNotice {
  recovered: number;
  removedTemp: number;
  rebuilt: number;
  missing: number;
  /** Moves, deletions and restores a crash interrupted: finished, or undone because they had not begun. */
  finishedActions: number;
  undoneActions: number;
  error: AppError | null;
}

export interface VaultSlice {
  vaultNotice: VaultNotice | null;
  missingShas: ReadonlySet<string>;
  reconcileVault: () => Promise<void>;
  dismissVaultNotice: () => void;
}

export const vaultSlice: Slice<VaultSlice> = (deps) => (set, get) => {
  const recoveryCase = async (): Promise<string> =>
    get().cases.find((c) => c.title === RECOVERED_CASE_TITLE)?.id ?? (await get().saveCase({ ...EMPTY_CASE_INPUT, title: RECOVERED_CASE_TITLE, platform: 'other', issueType: 'other' }));

  /** Orphans go back to the case their import was for; if that case is gone, to one recovery case. */
  async function adopt(orphans: OrphanBlob[]): Promise<number> {
    const byCase = new Map<string, OrphanBlob[]>();
    let recoveryCaseId: string | null = null;
    for (const orphan of orphans) {
      let target = orphan.intendedCaseId && (await deps.repo.getCase(orphan.intendedCaseId)) ? orphan.intendedCaseId : null;
      if (!target) {
        recoveryCaseId ??= await recoveryCase();
        target = recoveryCaseId;
      }
      byCase.set(target, [...(byCase.get(target) ?? []), orphan]);
    }
    let adopted = 0;
    for (const [caseId, list] of byCase) {
      const now = deps.now();
      const batch = { batchId: 'reconcile', cancelled: false, failures: [], items: list.map((o) => ({ blob: o.blob, source: 'recovered' as const, alreadyStored: true })) };
      const existing = await deps.repo.findBySha(list.map((o) => o.blob.sha256));
      const caseTitle = get().cases.find((c) => c.id === caseId)?.title ?? '';
      const plan = planImport(batch, caseId, existing, { now, newId: deps.newId, caseTitle });
      await deps.repo.addEvidence(plan.records, plan.events, [caseId], now);
      adopted += plan.records.length;
    }
    return adopted;
  }

  async function reconcile(): Promise<void> {
      await get().loadCases();
      // Interrupted actions first: until they are settled, an original in mid-move would look like an orphan.
      let actions = { finished: 0, undone: 0 };
      try {
        actions = await finishPendingIntents(deps, recoveryCase);
      } catch (err) {
        console.error('[intent] could not finish interrupted actions', err);
      }
      const res = await deps.api.reconcileVault({ knownSha256: await deps.repo.allShas() });
      if (!res.ok) {
        set({ vaultNotice: { recovered: 0, removedTemp: 0, rebuilt: 0, missing: 0, finishedActions: actions.finished, undoneActions: actions.undone, error: res.error } });
        return;
      }
      const report = res.value;
      const recovered = report.orphans.length > 0 ? await adopt(report.orphans) : 0;
      const notice: VaultNotice = {
        recovered,
        removedTemp: report.removedTempFiles,
        rebuilt: report.rebuiltDerived,
        missing: report.missing.length,
        finishedActions: actions.finished,
        undoneActions: actions.undone,
        error: null,
      };
      const anything = notice.recovered + notice.removedTemp + notice.rebuilt + notice.missing + notice.finishedActions + notice.undoneActions > 0;
      set({ vaultNotice: anything ? notice : null, missingShas: new Set(report.missing) });
      if (recovered + actions.finished > 0) await get().loadCases();
  }

  // Two overlapping runs would both see the same orphans and adopt them twice.
  let running: Promise<void> | null = null;

  return {
    vaultNotice: null,
    missingShas: new Set(),

    reconcileVault() {
      running ??= reconcile().finally(() => {
        running = null;
      });
      return running;
    },

    dismissVaultNotice: () => set({ vaultNotice: null }),
  };
};

import type { CaseRecord } from '../../../shared/domain/case';
import { toCaseRecord, type CaseInput } from '../../../shared/domain/caseForm';
import { zh } from '../i18n/zh';
import type { Slice } from '../store/types';

export interface CasesSlice {
  cases: CaseRecord[];
  evidenceCounts: Record<string, number>;
  casesLoaded: boolean;
  loadCases: () => Promise<void>;
  /** Creates or updates a case; resolves to its id. */
  saveCase: (input: CaseInput, id?: string) => Promise<string>;
}

export const casesSlice: Slice<CasesSlice> = (deps) => (set, get) => ({
  cases: [],
  evidenceCounts: {},
  casesLoaded: false,

  async loadCases() {
    const cases = await deps.repo.listCases();
    const evidenceCounts = await deps.repo.evidenceCounts(cases.map((c) => c.id));
    set({ cases, evidenceCounts, casesLoaded: true });
  },

  async saveCase(input, id) {
    const now = deps.now();
    const previous = id ? get().cases.find((c) => c.id === id) : undefined;
    const record = toCaseRecord(input, { id: id ?? deps.newId(), now, ...(previous ? { createdAt: previous.createdAt } : {}) });
    const statusChanged = previous !== undefined && previous.status !== record.status;
    await deps.repo.saveCase(record, {
      id: deps.newId(),
      caseId: record.id,
      at: now,
      type: previous ? (statusChanged ? 'status-changed' : 'case-updated') : 'case-created',
      evidenceId: null,
      detail: record.title,
      ...(statusChanged || !previous ? { status: record.status } : {}),
    });
    await get().reportAudit({
      action: statusChanged ? 'status' : 'case',
      caseId: record.id,
      evidenceId: null,
      sha256: null,
      detail: statusChanged ? `${zh.status[previous.status]} → ${zh.status[record.status]}` : `${previous ? '修改案件' : '新建案件'}「${record.title}」`.slice(0, 500),
    });
    await get().loadCases();
    if (get().route.name === 'case') await get().refreshCase();
    // A renamed case renames its reminders too.
    if (previous && previous.title !== record.title) await get().syncReminders();
    // A card shop's same-day window: the first reminder cannot wait for a status change.
    if (record.platform === 'kameng' && (previous?.platform !== record.platform || previous.purchasedAt !== record.purchasedAt)) await get().ensureCardShopAlert(record.id);
    return record.id;
  },
});

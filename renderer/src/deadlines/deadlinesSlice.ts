import type { CaseStatus } from '../../../shared/domain/case';
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import type { CaseEvent } from '../../../shared/domain/events';
import { computeCustomDue, type CustomDeadline } from '../../../shared/deadlines/due';
import { normalizeOffsets } from '../../../shared/deadlines/offsets';
import { getPreset, type PresetId } from '../../../shared/deadlines/presets';
import { planTransition, type ComputedProposal, type TransitionPlan } from '../../../shared/deadlines/workflow';
import { cardShopAlert } from '../../../shared/deadlines/cardShop';
import { fromShanghaiLocal } from '../../../shared/time/shanghai';
import { toCaseInput } from '../../../shared/domain/caseForm';
import type { Slice, StoreDeps } from '../store/types';

export interface PendingTransition {
  caseId: string;
  plan: TransitionPlan;
}

export interface DeadlinesSlice {
  deadlines: DeadlineRecord[];
  /** Epoch ms, ticking, so every countdown on screen agrees. */
  now: number;
  pendingTransition: PendingTransition | null;
  loadDeadlines: () => Promise<void>;
  tick: (now: number) => void;
  requestStatusChange: (caseId: string, to: CaseStatus) => Promise<void>;
  confirmTransition: (presetIds: PresetId[]) => Promise<void>;
  cancelTransition: () => void;
  /** Adds one preset deadline computed elsewhere (the new-case flow's first deadline). */
  addPresetDeadline: (caseId: string, computed: ComputedProposal) => Promise<void>;
  addCustomDeadline: (caseId: string, label: string, spec: CustomDeadline) => Promise<void>;
  markDeadlineDone: (id: string) => Promise<void>;
  /**
   * A 卡盟 case with a purchase time gets its 当天投诉 deadline as soon as it is saved, with a reminder
   * due at once: the window closes at midnight. Nothing when one for that day already exists.
   */
  ensureCardShopAlert: (caseId: string) => Promise<void>;
  /** Replaces a deadline's reminder offsets; main's schedule follows on the sync that reload triggers. */
  setDeadlineOffsets: (id: string, offsetsMin: number[]) => Promise<void>;
}

type Computed = { presetId: PresetId | null; label: string; start: string; due: string; dueAt: number; provisional: boolean };

function recordFor(deps: StoreDeps, caseId: string, p: Computed, offsetsMin: readonly number[]): DeadlineRecord {
  return { id: deps.newId(), caseId, ...p, offsetsMin: [...offsetsMin], done: false, snoozedUntil: null, createdAt: Date.now() };
}

function addedEvent(deps: StoreDeps, d: DeadlineRecord): CaseEvent {
  return { id: deps.newId(), caseId: d.caseId, at: deps.now(), type: 'deadline-added', evidenceId: null, detail: `${d.label} · ${d.due.replace('T', ' ').slice(0, 16)}` };
}

export const deadlinesSlice: Slice<DeadlinesSlice> = (deps) => (set, get) => {
  async function addDeadlines(records: DeadlineRecord[]): Promise<string[]> {
    if (records.length === 0) return [];
    await deps.deadlines.add(records, records.map((d) => addedEvent(deps, d)));
    await get().loadDeadlines();
    return records.map((d) => d.id);
  }

  const fromProposal = (caseId: string, p: ComputedProposal, offsetsMin: readonly number[]) =>
    recordFor(deps, caseId, { presetId: p.presetId, label: getPreset(p.presetId).label.zh, start: p.start, due: p.due, dueAt: p.dueAt, provisional: p.provisional }, offsetsMin);

  return {
    deadlines: [],
    now: Date.now(),
    pendingTransition: null,

    async loadDeadlines() {
      set({ deadlines: await deps.deadlines.listAll() });
      await get().syncReminders();
    },

    tick: (now) => set({ now }),

    async requestStatusChange(caseId, to) {
      const record = get().cases.find((c) => c.id === caseId);
      if (!record || record.status === to) return;
      const { presetOverrides } = await get().ensureDeadlineSettings();
      const plan = planTransition(record.status, to, deps.now(), presetOverrides);
      if (plan.deadlines.length > 0) set({ pendingTransition: { caseId, plan } });
      else {
        await get().saveCase({ ...toCaseInput(record), status: to }, caseId);
        get().offerStatusUndo(caseId, record.status, to, []);
      }
    },

    async confirmTransition(presetIds) {
      const pending = get().pendingTransition;
      if (!pending) return;
      set({ pendingTransition: null });
      const record = get().cases.find((c) => c.id === pending.caseId);
      if (!record) return;
      await get().saveCase({ ...toCaseInput(record), status: pending.plan.to }, record.id);
      const { defaultOffsetsMin } = await get().ensureDeadlineSettings();
      const added = await addDeadlines(pending.plan.deadlines.filter((p) => presetIds.includes(p.presetId)).map((p) => fromProposal(record.id, p, defaultOffsetsMin)));
      get().offerStatusUndo(record.id, record.status, pending.plan.to, added);
      await get().refreshCase();
    },

    cancelTransition: () => set({ pendingTransition: null }),

    async addPresetDeadline(caseId, computed) {
      const { defaultOffsetsMin } = await get().ensureDeadlineSettings();
      await addDeadlines([fromProposal(caseId, computed, defaultOffsetsMin)]);
    },

    async addCustomDeadline(caseId, label, spec) {
      const due = computeCustomDue(spec);
      const { defaultOffsetsMin } = await get().ensureDeadlineSettings();
      await addDeadlines([recordFor(deps, caseId, { presetId: null, label, start: spec.kind === 'after' ? spec.from : '', ...due }, defaultOffsetsMin)]);
      await get().refreshCase();
    },

    async markDeadlineDone(id) {
      const d = get().deadlines.find((x) => x.id === id);
      if (!d) return;
      await deps.deadlines.update(id, { done: true }, { id: deps.newId(), caseId: d.caseId, at: deps.now(), type: 'deadline-done', evidenceId: null, detail: d.label });
      await get().loadDeadlines();
      await get().refreshCase();
    },

    async ensureCardShopAlert(caseId) {
      const record = get().cases.find((c) => c.id === caseId);
      if (!record || record.purchasedAt === '') return;
      const { presetOverrides } = await get().ensureDeadlineSettings();
      // The store's one clock (deps.now, Shanghai wall time) decides how many hours are left.
      const now = fromShanghaiLocal(deps.now()) ?? Date.now();
      const alert = cardShopAlert(record.platform, record.purchasedAt, now, presetOverrides);
      if (!alert) return;
      const existing = await deps.deadlines.listAll();
      if (existing.some((d) => d.caseId === caseId && d.presetId === 'card-shop-same-day' && d.dueAt === alert.proposal.dueAt)) return;
      await addDeadlines([{ ...fromProposal(caseId, alert.proposal, alert.offsetsMin), createdAt: alert.createdAt }]);
      if (get().route.name === 'case') await get().refreshCase();
    },

    async setDeadlineOffsets(id, offsetsMin) {
      await deps.deadlines.update(id, { offsetsMin: normalizeOffsets(offsetsMin), offsetsEditedAt: Date.now() });
      await get().loadDeadlines();
    },
  };
};

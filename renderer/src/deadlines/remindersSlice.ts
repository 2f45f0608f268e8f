import type { DeadlineRecord } from '../../../shared/domain/deadline';
import type { ExportIcsResult, ReminderAction, ReminderDeadlineInput, ReminderState } from '../../../shared/reminders/contract';
import { remindersFrom } from '../../../shared/deadlines/offsets';
import type { Slice, StoreDeps } from '../store/types';

export interface RemindersSlice {
  reminderState: ReminderState | null;
  /** Deadlines main has already reminded the buyer of. */
  remindedIds: ReadonlySet<string>;
  icsResult: ExportIcsResult | null;
  syncReminders: () => Promise<void>;
  snoozeDeadline: (id: string, minutes: number) => Promise<void>;
  exportIcs: (caseId?: string) => Promise<void>;
  dismissIcsResult: () => void;
  /** Listens for main's pushes; returns the unsubscribe. */
  subscribeReminders: () => () => void;
}

function toInput(d: DeadlineRecord, caseTitle: string): ReminderDeadlineInput {
  return { id: d.id, caseId: d.caseId, caseTitle, label: d.label, dueAt: d.dueAt, offsetsMin: d.offsetsMin, done: d.done, snoozedUntil: d.snoozedUntil, createdAt: remindersFrom(d) };
}

const remindedFrom = (state: ReminderState) => new Set(state.shownKeys.map((k) => k.split('|')[0] ?? ''));

/** A snooze or done the buyer chose on a notification becomes part of the case's own record. */
async function applyAction(deps: StoreDeps, action: ReminderAction, deadlines: DeadlineRecord[]): Promise<boolean> {
  const d = deadlines.find((x) => x.id === action.id);
  if (!d) return false;
  if (action.action === 'done') {
    if (d.done) return false;
    await deps.deadlines.update(d.id, { done: true }, { id: deps.newId(), caseId: d.caseId, at: deps.now(), type: 'deadline-done', evidenceId: null, detail: d.label });
  } else {
    await deps.deadlines.update(d.id, { snoozedUntil: action.snoozedUntil });
  }
  return true;
}

export const remindersSlice: Slice<RemindersSlice> = (deps) => (set, get) => ({
  reminderState: null,
  remindedIds: new Set(),
  icsResult: null,

  async syncReminders() {
    // Notifications and calendar exports show the case title, so the cases must be known first.
    if (!get().casesLoaded) await get().loadCases();
    const titles = new Map(get().cases.map((c) => [c.id, c.title]));
    const open = get().deadlines.filter((d) => !d.done);
    const res = await deps.api.syncReminders({ deadlines: open.map((d) => toInput(d, titles.get(d.caseId) ?? '')) });
    if (!res.ok) return;
    set({ reminderState: res.value, remindedIds: remindedFrom(res.value) });
    let changed = false;
    for (const action of res.value.pendingActions) changed = (await applyAction(deps, action, get().deadlines)) || changed;
    if (changed) await get().loadDeadlines();
  },

  async snoozeDeadline(id, minutes) {
    const res = await deps.api.snoozeDeadline({ id, minutes });
    if (res.ok && (await applyAction(deps, res.value, get().deadlines))) await get().loadDeadlines();
  },

  async exportIcs(caseId) {
    const res = await deps.api.exportIcs(caseId ? { caseId } : {});
    set({ icsResult: res.ok ? res.value : null });
  },

  dismissIcsResult: () => set({ icsResult: null }),

  subscribeReminders() {
    const offFired = deps.api.onRemindersFired(() => {
      void deps.api.reminderState({}).then((res) => res.ok && set({ reminderState: res.value, remindedIds: remindedFrom(res.value) }));
    });
    const offAction = deps.api.onReminderAction((action) => {
      void applyAction(deps, action, get().deadlines).then(async (changed) => {
        if (changed) await get().loadDeadlines();
        await get().refreshCase();
      });
    });
    return () => {
      offFired();
      offAction();
    };
  },
});

// Main's reminder scheduler. Plain Node: the clock, the timer and the notification are injected, so
// tests drive it with a fake clock, and the Electron glue stays a few lines. The decisions (what is
// due, what a missed reminder collapses to, when to wake) all come from the pure planReminders.
import { planReminders, pruneShownKeys } from '../../../shared/deadlines/reminders';
import type { ErrorCode } from '../../../shared/ipc/result';
import type {
  FiredReminder,
  ReminderAction,
  ReminderDeadlineInput,
  ReminderSettings,
  ReminderState,
} from '../../../shared/reminders/contract';
import { createSerial } from '../../../shared/async/serial';
import { loadRemindersFile, saveRemindersFile, type RemindersFile } from './store';

/** setTimeout overflows past 2^31-1 ms (~24.8 days) and fires at once, so no timer waits longer than a day. */
export const MAX_TIMER_DELAY_MS = 24 * 60 * 60 * 1000;
/**
 * Shown keys of a deadline that left the synced list are kept this long after its due time, so a
 * renderer that briefly syncs a partial list cannot make old reminders fire again.
 */
export const SHOWN_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

const MIN = 60_000;

export class ReminderError extends Error {
  override readonly name = 'ReminderError';
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ReminderServiceDeps<H> {
  /** Where reminders.json lives (the app's userData). */
  dataDir: string;
  now: () => number;
  setTimer: (fire: () => void, delayMs: number) => H;
  clearTimer: (handle: H) => void;
  /** Shows one reminder (an OS notification). A throw is reported to onError, never retried. */
  notify: (reminder: FiredReminder) => void;
  /** Every batch that was shown, for the renderer. */
  onFired?: (reminders: FiredReminder[]) => void;
  /** The mirrored deadlines or their reminders changed (the tray refreshes). */
  onChange?: () => void;
  /** Failures of timer-driven work, which has no caller to throw to. */
  onError?: (err: unknown) => void;
  /** Whether this OS and build can register a login item; only reported, never enforced here. */
  launchAtLoginSupported?: boolean;
}

export interface ReminderService {
  /** Start, and wake from sleep: show what was missed (once per deadline) and re-arm the timer. */
  resume(): Promise<FiredReminder[]>;
  sync(deadlines: readonly ReminderDeadlineInput[]): Promise<ReminderState>;
  snooze(id: string, minutes: number): Promise<ReminderAction>;
  done(id: string): Promise<ReminderAction>;
  state(): Promise<ReminderState>;
  /** Open deadlines (snoozes and dones applied), soonest first; optionally of one case. */
  openDeadlines(caseId?: string): Promise<ReminderDeadlineInput[]>;
  settings(): Promise<ReminderSettings>;
  /** Stores the choice; applying it to the OS is the caller's job (see handlers). */
  setLaunchAtLogin(enabled: boolean): Promise<ReminderSettings>;
  /** Synchronous, from memory, for the tray and the window-close decision. */
  snapshot(): { upcoming: ReminderDeadlineInput[]; nextWakeAt: number | null };
  /** Resolves once every queued operation (including a timer's wake) has finished. */
  whenIdle(): Promise<void>;
  /** Stops the timer and waits for the last write. */
  close(): Promise<void>;
}

/** The key's middle field is the deadline's dueAt (see reminderKey / snoozeKey). */
function keyDueAt(key: string): number {
  return Number(key.split('|')[1]);
}

function applyActions(d: ReminderDeadlineInput, actions: readonly ReminderAction[]): ReminderDeadlineInput {
  let out = d;
  for (const a of actions) {
    if (a.id !== d.id || a.dueAt !== d.dueAt) continue;
    out = a.action === 'done' ? { ...out, done: true } : { ...out, snoozedUntil: a.snoozedUntil };
  }
  return out;
}

/** True while the renderer's copy does not reflect the action yet (it was closed, or missed the push). */
function stillPending(a: ReminderAction, incoming: ReadonlyMap<string, ReminderDeadlineInput>, now: number): boolean {
  const d = incoming.get(a.id);
  if (!d || d.dueAt !== a.dueAt || d.done) return false;
  if (a.action === 'done') return true;
  // A snooze that has run out was shown and marked its held reminders shown; it no longer matters.
  return d.snoozedUntil !== a.snoozedUntil && a.snoozedUntil > now;
}

export function createReminderService<H>(deps: ReminderServiceDeps<H>): ReminderService {
  let file: RemindersFile | undefined;
  let shown = new Set<string>();
  let timer: { handle: H; at: number } | undefined;
  let nextWakeAt: number | null = null;
  let lastResumeAt: number | null = null;
  let missed: FiredReminder[] = [];
  let closed = false;
  const queue = createSerial();

  const report = (err: unknown) => deps.onError?.(err);

  /** Every operation runs alone and in order: each reads and rewrites the whole file. */
  function serial<T>(op: (data: RemindersFile) => Promise<T> | T): Promise<T> {
    return queue(async () => {
      if (!file) {
        const loaded = await loadRemindersFile(deps.dataDir, deps.now());
        file = loaded.data;
        shown = new Set(file.shown);
        if (loaded.quarantined) report(new Error(`Unreadable reminder schedule moved to ${loaded.quarantined}`));
      }
      return op(file);
    });
  }

  function persist(data: RemindersFile): Promise<void> {
    data.shown = [...shown];
    return saveRemindersFile(deps.dataDir, data);
  }

  const effective = (data: RemindersFile) => data.deadlines.map((d) => applyActions(d, data.actions));

  function arm(wakeAt: number | null, now: number): void {
    if (timer) deps.clearTimer(timer.handle);
    timer = undefined;
    nextWakeAt = wakeAt;
    if (wakeAt === null || closed) return;
    const delay = Math.min(Math.max(wakeAt - now, 0), MAX_TIMER_DELAY_MS);
    const handle = deps.setTimer(() => {
      timer = undefined;
      // An early wake (the day cap, a coarse clock) just finds nothing due and re-arms.
      serial(async (data) => {
        if (closed) return;
        if (evaluate(data).length > 0) await persist(data);
      }).catch(report);
    }, delay);
    timer = { handle, at: now + delay };
  }

  /** Shows what is due now, marks it shown, and arms the timer for what comes next. */
  function evaluate(data: RemindersFile): FiredReminder[] {
    const now = deps.now();
    const deadlines = effective(data);
    const plan = planReminders(deadlines, shown, now);
    for (const key of plan.markShown) shown.add(key);
    const byId = new Map(deadlines.map((d) => [d.id, d]));
    const fired = plan.due.flatMap((r): FiredReminder[] => {
      const d = byId.get(r.deadlineId);
      if (!d) return [];
      const { coveredKeys: _covered, ...rest } = r;
      return [{ ...rest, caseId: d.caseId, caseTitle: d.caseTitle, label: d.label, shownAt: now }];
    });
    // Notify before the write: if the write then fails, the buyer saw the reminder and it may repeat
    // after a restart. The other order could lose it, and a lost deadline costs more than a repeat.
    for (const r of fired) {
      try {
        deps.notify(r);
      } catch (err) {
        report(err);
      }
    }
    arm(plan.nextWakeAt, now);
    if (fired.length > 0) deps.onFired?.(fired);
    return fired;
  }

  function stateOf(data: RemindersFile): ReminderState {
    return {
      openCount: effective(data).filter((d) => !d.done).length,
      nextWakeAt,
      timerAt: timer?.at ?? null,
      shownKeys: [...shown],
      lastResumeAt,
      missed,
      pendingActions: [...data.actions],
      settings: settingsOf(data),
    };
  }

  function settingsOf(data: RemindersFile): ReminderSettings {
    return { launchAtLogin: data.settings.launchAtLogin, launchAtLoginSupported: deps.launchAtLoginSupported ?? false };
  }

  function findDeadline(data: RemindersFile, id: string): ReminderDeadlineInput {
    const d = effective(data).find((x) => x.id === id);
    if (!d) throw new ReminderError('not-found', 'This deadline is not in the reminder schedule; reopen 留证 to refresh it.');
    return d;
  }

  async function record(data: RemindersFile, action: ReminderAction): Promise<ReminderAction> {
    // A newer snooze or a done replaces an older snooze of the same deadline rather than stacking with it.
    data.actions = [...data.actions.filter((a) => !(a.id === action.id && a.action === 'snooze')), action];
    evaluate(data);
    await persist(data);
    deps.onChange?.();
    return action;
  }

  function upcoming(data: RemindersFile | undefined, caseId?: string): ReminderDeadlineInput[] {
    if (!data) return [];
    return effective(data)
      .filter((d) => !d.done && (caseId === undefined || d.caseId === caseId))
      .sort((a, b) => a.dueAt - b.dueAt || a.id.localeCompare(b.id));
  }

  return {
    resume: () =>
      serial(async (data) => {
        lastResumeAt = deps.now();
        const fired = evaluate(data);
        missed = fired.filter((r) => r.missed);
        if (fired.length > 0) await persist(data);
        deps.onChange?.();
        return fired;
      }),

    sync: (list) =>
      serial(async (data) => {
        const now = deps.now();
        const incoming = new Map(list.map((d) => [d.id, d]));
        data.deadlines = [...incoming.values()];
        data.actions = data.actions.filter((a) => stillPending(a, incoming, now));
        const kept = new Set(pruneShownKeys(effective(data), shown));
        for (const key of shown) if (keyDueAt(key) > now - SHOWN_RETENTION_MS) kept.add(key);
        shown = kept;
        evaluate(data);
        await persist(data);
        deps.onChange?.();
        return stateOf(data);
      }),

    snooze: (id, minutes) =>
      serial((data) => {
        const d = findDeadline(data, id);
        const now = deps.now();
        let until = now + minutes * MIN;
        // A snooze never hides the moment the deadline passes: the at-deadline reminder still fires.
        if (now < d.dueAt) until = Math.min(until, d.dueAt);
        return record(data, { action: 'snooze', id, dueAt: d.dueAt, at: now, snoozedUntil: until });
      }),

    done: (id) =>
      serial((data) => {
        const d = findDeadline(data, id);
        return record(data, { action: 'done', id, dueAt: d.dueAt, at: deps.now() });
      }),

    state: () => serial((data) => stateOf(data)),
    openDeadlines: (caseId) => serial((data) => upcoming(data, caseId)),
    settings: () => serial(settingsOf),
    setLaunchAtLogin: (enabled) =>
      serial(async (data) => {
        data.settings = { launchAtLogin: enabled };
        await persist(data);
        return settingsOf(data);
      }),

    snapshot: () => ({ upcoming: upcoming(file), nextWakeAt }),
    // A wake queued while waiting extends the queue; idle() waits until it stops growing.
    whenIdle: () => queue.idle(),
    close: async () => {
      closed = true;
      if (timer) deps.clearTimer(timer.handle);
      timer = undefined;
      await queue.idle();
    },
  };
}

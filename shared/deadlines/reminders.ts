// Pure reminder scheduling. Main owns timers, notifications and persistence; this decides
// what to show, given the deadlines, what was already shown, and the clock. Keeping the
// clock an argument makes sleep, restart and snooze testable without waiting.

/** Default offsets in minutes before the deadline: 1 day, 2 hours, and at the deadline. */
export const DEFAULT_OFFSETS_MIN: readonly number[] = [1440, 120, 0];

/** A reminder shown later than this after its time is reported as missed (sleep, app closed). */
export const MISSED_AFTER_MS = 60_000;

const MINUTE_MS = 60_000;

export interface ReminderDeadline {
  id: string;
  /** Epoch ms. */
  dueAt: number;
  /** Minutes before dueAt; negative means after it. Defaults to DEFAULT_OFFSETS_MIN. */
  offsetsMin?: readonly number[];
  done: boolean;
  /** Epoch ms: hold every reminder of this deadline until then, then remind once. */
  snoozedUntil?: number | null;
  /**
   * Epoch ms the deadline was created. Offsets whose time was already past then are
   * skipped: they were never missed, they never existed.
   */
  createdAt?: number;
}

export interface DueReminder {
  /** The key to persist as shown; it is also in coveredKeys. */
  key: string;
  deadlineId: string;
  dueAt: number;
  kind: 'offset' | 'snooze';
  /** The offset shown, or null for the reminder at the end of a snooze. */
  offsetMin: number | null;
  /** When this reminder was meant to appear. */
  fireAt: number;
  overdue: boolean;
  /** Something for this deadline should have been shown more than MISSED_AFTER_MS ago. */
  missed: boolean;
  /** Every reminder key this one stands for; mark all as shown so none fires later. */
  coveredKeys: readonly string[];
}

export interface ReminderPlan {
  /** At most one per deadline, soonest deadline first. */
  due: DueReminder[];
  /** Union of the due reminders' coveredKeys. */
  markShown: string[];
  /** Epoch ms when the next reminder becomes due, or null when none is pending. */
  nextWakeAt: number | null;
}

/** Keys embed dueAt, so moving a deadline re-arms its reminders. */
export function reminderKey(deadlineId: string, dueAt: number, offsetMin: number): string {
  return `${deadlineId}|${dueAt}|${offsetMin}`;
}

export function snoozeKey(deadlineId: string, dueAt: number, snoozedUntil: number): string {
  return `${deadlineId}|${dueAt}|snooze@${snoozedUntil}`;
}

interface Slot {
  key: string;
  kind: 'offset' | 'snooze';
  offsetMin: number | null;
  fireAt: number;
  /** fireAt, or the snooze end when a snooze holds it back. */
  effectiveAt: number;
}

function slotsOf(d: ReminderDeadline): Slot[] {
  const offsets = [...new Set((d.offsetsMin ?? DEFAULT_OFFSETS_MIN).filter(Number.isFinite))];
  const snooze = d.snoozedUntil ?? null;
  const slots: Slot[] = [];
  for (const offsetMin of offsets) {
    const fireAt = d.dueAt - offsetMin * MINUTE_MS;
    if (d.createdAt !== undefined && fireAt < d.createdAt) continue;
    const effectiveAt = snooze === null ? fireAt : Math.max(fireAt, snooze);
    slots.push({ key: reminderKey(d.id, d.dueAt, offsetMin), kind: 'offset', offsetMin, fireAt, effectiveAt });
  }
  if (snooze !== null) {
    slots.push({ key: snoozeKey(d.id, d.dueAt, snooze), kind: 'snooze', offsetMin: null, fireAt: snooze, effectiveAt: snooze });
  }
  return slots;
}

function latest(pending: readonly Slot[]): Slot | undefined {
  // The latest pending reminder is the most accurate one ("due in 2 hours" beats a stale
  // "due tomorrow"); on a tie an offset wins because its text says how close the deadline is.
  let best: Slot | undefined;
  for (const slot of pending) {
    if (!best || slot.fireAt > best.fireAt || (slot.fireAt === best.fireAt && slot.kind === 'offset')) best = slot;
  }
  return best;
}

/** What to show at `now`, and when to look again. */
export function planReminders(
  deadlines: readonly ReminderDeadline[],
  shown: ReadonlySet<string> | readonly string[],
  now: number,
): ReminderPlan {
  const seen: ReadonlySet<string> = shown instanceof Set ? shown : new Set(shown);
  const due: DueReminder[] = [];
  let nextWakeAt: number | null = null;

  for (const d of deadlines) {
    if (d.done || !Number.isFinite(d.dueAt)) continue;
    const unshown = slotsOf(d).filter((s) => !seen.has(s.key));
    const pending = unshown.filter((s) => s.effectiveAt <= now);
    for (const s of unshown) {
      if (s.effectiveAt > now && (nextWakeAt === null || s.effectiveAt < nextWakeAt)) nextWakeAt = s.effectiveAt;
    }
    const pick = latest(pending);
    if (!pick) continue;
    const oldest = Math.min(...pending.map((s) => s.effectiveAt));
    due.push({
      key: pick.key,
      deadlineId: d.id,
      dueAt: d.dueAt,
      kind: pick.kind,
      offsetMin: pick.offsetMin,
      fireAt: pick.fireAt,
      overdue: now > d.dueAt,
      missed: now - oldest > MISSED_AFTER_MS,
      coveredKeys: pending.map((s) => s.key),
    });
  }

  due.sort((a, b) => a.dueAt - b.dueAt || a.deadlineId.localeCompare(b.deadlineId));
  return { due, markShown: due.flatMap((r) => r.coveredKeys), nextWakeAt };
}

/** Drops shown keys of deadlines that were deleted or moved, so the persisted set stays small. */
export function pruneShownKeys(deadlines: readonly ReminderDeadline[], shown: Iterable<string>): string[] {
  const prefixes = deadlines.map((d) => `${d.id}|${d.dueAt}|`);
  return [...shown].filter((key) => prefixes.some((p) => key.startsWith(p)));
}

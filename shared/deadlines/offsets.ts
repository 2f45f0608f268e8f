// Reminder offsets as the buyer edits them: 提前1天, 提前2小时, 到期时, or any whole number of
// minutes, hours or days. Stored as minutes before the deadline, the unit reminders.ts plans with.
import { MAX_OFFSETS, MAX_OFFSET_MIN } from '../reminders/contract';
import { DEFAULT_OFFSETS_MIN, reminderKey, type ReminderDeadline } from './reminders';

export { MAX_OFFSETS, MAX_OFFSET_MIN };

export const OFFSET_UNITS = ['minutes', 'hours', 'days'] as const;
export type OffsetUnit = (typeof OFFSET_UNITS)[number];

const UNIT_MIN: Readonly<Record<OffsetUnit, number>> = { minutes: 1, hours: 60, days: 24 * 60 };

/** Quick choices offered next to the custom input, earliest first. */
export const OFFSET_SUGGESTIONS: readonly number[] = [7 * 1440, 3 * 1440, 1440, 240, 120, 60, 30, 0];

export type OffsetParts = { kind: 'at' } | { kind: 'before' | 'after'; amount: number; unit: OffsetUnit };

/** How an offset reads: the largest unit that divides it evenly (1440 → 1 day, 90 → 90 minutes). */
export function describeOffset(offsetMin: number): OffsetParts {
  if (offsetMin === 0) return { kind: 'at' };
  const abs = Math.abs(offsetMin);
  const unit: OffsetUnit = abs % UNIT_MIN.days === 0 ? 'days' : abs % UNIT_MIN.hours === 0 ? 'hours' : 'minutes';
  return { kind: offsetMin > 0 ? 'before' : 'after', amount: abs / UNIT_MIN[unit], unit };
}

const isValidOffset = (o: number) => Number.isInteger(o) && Math.abs(o) <= MAX_OFFSET_MIN;

/** Unique, in range, earliest reminder first, at most MAX_OFFSETS (the earliest ones are dropped). */
export function normalizeOffsets(offsets: readonly number[]): number[] {
  const unique = [...new Set(offsets.filter(isValidOffset))].sort((a, b) => b - a);
  return unique.slice(Math.max(0, unique.length - MAX_OFFSETS));
}

export type OffsetProblem = 'empty' | 'not-whole' | 'too-large' | 'duplicate' | 'too-many';

export type OffsetCheck = { ok: true; offsetMin: number } | { ok: false; problem: OffsetProblem };

/** Parses a custom "N units before" the buyer typed; 0 means at the deadline. */
export function checkNewOffset(current: readonly number[], amountText: string, unit: OffsetUnit): OffsetCheck {
  const trimmed = amountText.trim();
  if (trimmed === '') return { ok: false, problem: 'empty' };
  if (!/^\d+$/.test(trimmed)) return { ok: false, problem: 'not-whole' };
  const offsetMin = Number(trimmed) * UNIT_MIN[unit];
  if (offsetMin > MAX_OFFSET_MIN) return { ok: false, problem: 'too-large' };
  return checkAddable(current, offsetMin);
}

/** Whether `offsetMin` can join `current`. */
export function checkAddable(current: readonly number[], offsetMin: number): OffsetCheck {
  if (current.includes(offsetMin)) return { ok: false, problem: 'duplicate' };
  if (current.length >= MAX_OFFSETS) return { ok: false, problem: 'too-many' };
  return { ok: true, offsetMin };
}

export function withOffset(current: readonly number[], offsetMin: number): number[] {
  return normalizeOffsets([...current, offsetMin]);
}

export function withoutOffset(current: readonly number[], offsetMin: number): number[] {
  return current.filter((o) => o !== offsetMin);
}

/** The same set of offsets, in any order. */
export function sameOffsets(a: readonly number[], b: readonly number[]): boolean {
  const x = normalizeOffsets(a);
  const y = normalizeOffsets(b);
  return x.length === y.length && x.every((o, i) => o === y[i]);
}

export const isDefaultOffsets = (offsets: readonly number[]) => sameOffsets(offsets, DEFAULT_OFFSETS_MIN);

/**
 * When reminders of a deadline start to count: its creation, or the buyer's last edit of its offsets.
 * An offset added after its time has passed was never missed, so it must not fire as "missed".
 */
export function remindersFrom(d: { createdAt: number; offsetsEditedAt?: number | undefined }): number {
  return Math.max(d.createdAt, d.offsetsEditedAt ?? 0);
}

/**
 * shown: main showed it (or a later reminder that stood for it); upcoming: still to come;
 * skipped: its time was already past when the deadline or the offset was set, so it never fires;
 * passed: its time is past but main has not reported it yet; off: the deadline is done.
 */
export type OffsetStatus = 'shown' | 'upcoming' | 'skipped' | 'passed' | 'off';

export interface OffsetState {
  offsetMin: number;
  /** Epoch ms. */
  fireAt: number;
  status: OffsetStatus;
}

/** Each offset of a deadline with when it fires and whether it has, earliest first. */
export function offsetStates(d: ReminderDeadline, shownKeys: ReadonlySet<string>, now: number): OffsetState[] {
  return normalizeOffsets(d.offsetsMin ?? DEFAULT_OFFSETS_MIN).map((offsetMin) => {
    const fireAt = d.dueAt - offsetMin * 60_000;
    const status: OffsetStatus = shownKeys.has(reminderKey(d.id, d.dueAt, offsetMin))
      ? 'shown'
      : d.done
        ? 'off'
        : d.createdAt !== undefined && fireAt < d.createdAt
          ? 'skipped'
          : fireAt > now
            ? 'upcoming'
            : 'passed';
    return { offsetMin, fireAt, status };
  });
}

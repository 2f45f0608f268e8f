// Due-date arithmetic for the four counting rules (民法典 §201–§203 where they apply).
import { classifyDay } from './calendar';
import {
  DeadlineInputError,
  addDays,
  daysInMonth,
  endOfDay,
  formatEpochAsLocal,
  formatLocalDateTime,
  localToEpochMs,
  requireLocalDateTime,
  requireYmd,
  ymdOf,
  type LocalDateTime,
} from './localtime';
import { checkRule, type DeadlineRule, type DeadlineUnit } from './presets';

export interface DueResult {
  /** Asia/Shanghai local "YYYY-MM-DDTHH:mm:ss". */
  due: string;
  /** The same instant as epoch milliseconds, for countdowns and reminders. */
  dueAt: number;
  /** True when the working-day count crossed a year with no published holiday notice. */
  provisional: boolean;
}

function result(t: LocalDateTime, provisional: boolean): DueResult {
  return { due: formatLocalDateTime(t), dueAt: localToEpochMs(t), provisional };
}

function workingDaysDue(start: LocalDateTime, n: number): DueResult {
  // §201: the start day is not counted. Only working days are counted, so the last
  // day is always a working day and §203's holiday extension can never apply.
  let day = ymdOf(start);
  let counted = 0;
  let provisional = false;
  while (counted < n) {
    day = addDays(day, 1);
    const info = classifyDay(day);
    if (!info.official) provisional = true;
    if (info.working) counted += 1;
  }
  return result(endOfDay(day), provisional);
}

function calendarDaysDue(start: LocalDateTime, n: number): DueResult {
  // Deliberately no §203 extension: platforms count 七日无理由 strictly, and a deadline
  // shown too early costs the buyer nothing while one shown too late loses the claim.
  // The calendar is not consulted, so the result is never provisional.
  return result(endOfDay(addDays(ymdOf(start), n)), false);
}

function hoursDue(start: LocalDateTime, n: number): DueResult {
  const dueAt = localToEpochMs(start) + n * 60 * 60 * 1000;
  const due = formatEpochAsLocal(dueAt);
  return { due, dueAt, provisional: false };
}

function yearsDue(start: LocalDateTime, n: number): DueResult {
  // §202: the period ends on the corresponding day of the final month, or on the
  // month's last day when there is none (29 Feb → 28 Feb). No §203 extension, for the
  // same reason as calendar days: never show a limit later than the law's.
  const year = start.year + n;
  const day = Math.min(start.day, daysInMonth(year, start.month));
  return result({ year, month: start.month, day, hour: 23, minute: 59, second: 59 }, false);
}

const COUNTERS: Readonly<Record<DeadlineUnit, (start: LocalDateTime, n: number) => DueResult>> = {
  'working-days': workingDaysDue,
  'calendar-days': calendarDaysDue,
  hours: hoursDue,
  years: yearsDue,
};

/**
 * When a period that starts at `start` (local "YYYY-MM-DDTHH:mm[:ss]" or parsed fields) ends.
 * Throws DeadlineInputError, with a message fit for the user, on a malformed start or rule.
 */
export function computeDue(rule: DeadlineRule, start: string | LocalDateTime): DueResult {
  const problem = checkRule(rule);
  if (problem !== null) throw new DeadlineInputError(problem);
  // Re-parsing hand-built fields rejects impossible ones (30 February) with the same messages.
  const fields = requireLocalDateTime(typeof start === 'string' ? start : formatLocalDateTime(start));
  return COUNTERS[rule.unit](fields, rule.length);
}

/** A deadline the user types in: a fixed date-time, or a duration from an event. */
export type CustomDeadline =
  | { kind: 'at'; at: string }
  | { kind: 'after'; from: string; length: number; unit: DeadlineUnit };

/**
 * A custom deadline's due time. `at` may be a bare date ("YYYY-MM-DD"), meaning the end
 * of that day, as platforms print 申诉截止日期 without a time.
 */
export function computeCustomDue(spec: CustomDeadline): DueResult {
  if (spec.kind === 'after') return computeDue({ length: spec.length, unit: spec.unit }, spec.from);
  const fields = /^\d{4}-\d{2}-\d{2}$/.test(spec.at) ? endOfDay(requireYmd(spec.at)) : requireLocalDateTime(spec.at);
  return result(fields, false);
}

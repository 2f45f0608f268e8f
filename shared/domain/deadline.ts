// Deadline records and the small rules the UI needs about them: which is next, how urgent it is,
// and how the case list is ordered by it.
import type { CaseRecord } from './case';
import type { PresetId } from '../deadlines/presets';

export interface DeadlineRecord {
  id: string;
  caseId: string;
  /** null for a deadline the buyer typed in (a platform's own 申诉截止日期, say). */
  presetId: PresetId | null;
  label: string;
  /** Local Asia/Shanghai start the period was counted from ("" for an absolute date-time). */
  start: string;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  due: string;
  /** The same instant in epoch ms; indexes and countdowns use it. */
  dueAt: number;
  provisional: boolean;
  offsetsMin: number[];
  done: boolean;
  snoozedUntil: number | null;
  createdAt: number;
  /** Epoch ms of the buyer's last edit of offsetsMin; reminders whose time had passed by then never fire. */
  offsetsEditedAt?: number;
}

export type Urgency = 'overdue' | 'today' | 'soon' | 'later' | 'done';

export interface Countdown {
  urgency: Urgency;
  /** Whole units left (or overdue, when urgency is 'overdue'). */
  days: number;
  hours: number;
  minutes: number;
}

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

export function countdown(deadline: Pick<DeadlineRecord, 'dueAt' | 'done'>, now: number): Countdown {
  const left = deadline.dueAt - now;
  const abs = Math.abs(left);
  const parts = { days: Math.floor(abs / DAY), hours: Math.floor((abs % DAY) / HOUR), minutes: Math.floor((abs % HOUR) / MIN) };
  if (deadline.done) return { urgency: 'done', ...parts };
  if (left < 0) return { urgency: 'overdue', ...parts };
  if (left < DAY) return { urgency: 'today', ...parts };
  if (left < 3 * DAY) return { urgency: 'soon', ...parts };
  return { urgency: 'later', ...parts };
}

/** The open deadline that matters most: the earliest one not yet done (overdue ones first). */
export function nextOpenDeadline<T extends Pick<DeadlineRecord, 'dueAt' | 'done'>>(deadlines: readonly T[]): T | null {
  let best: T | null = null;
  for (const d of deadlines) if (!d.done && (best === null || d.dueAt < best.dueAt)) best = d;
  return best;
}

/** Cases with an open deadline first, soonest first; the rest by last activity. */
export function sortCasesByDeadline(cases: readonly CaseRecord[], nextDueAt: ReadonlyMap<string, number>): CaseRecord[] {
  return [...cases].sort((a, b) => {
    const da = nextDueAt.get(a.id);
    const db = nextDueAt.get(b.id);
    if (da !== undefined && db !== undefined) return da - db;
    if (da !== undefined) return -1;
    if (db !== undefined) return 1;
    return b.updatedAt.localeCompare(a.updatedAt);
  });
}

export function nextDueByCase(deadlines: readonly Pick<DeadlineRecord, 'caseId' | 'dueAt' | 'done'>[]): Map<string, number> {
  const map = new Map<string, number>();
  for (const d of deadlines) {
    if (d.done) continue;
    const cur = map.get(d.caseId);
    if (cur === undefined || d.dueAt < cur) map.set(d.caseId, d.dueAt);
  }
  return map;
}

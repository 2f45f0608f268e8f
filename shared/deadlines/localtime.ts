// Asia/Shanghai wall-clock arithmetic that never consults the host's time zone.
// China has observed no DST since 1991, so +08:00 is exact for every date this app
// handles. All field math goes through Date.UTC / getUTC*: local-time Date methods
// would silently shift dates on a machine set to, say, America/Los_Angeles.

/** A calendar date in Asia/Shanghai, "YYYY-MM-DD". */
import { toShanghaiLocal } from '../time/shanghai';
export type Ymd = string;

export interface LocalDateTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

// Outside this range Date.UTC maps two-digit years to 19xx and four-digit output breaks.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** Bad user input (a malformed date, an impossible rule). Its message is safe to show as is. */
export class DeadlineInputError extends Error {
  override readonly name = 'DeadlineInputError';
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; error: string };

const DATE_TIME_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad2 = (n: number): string => String(n).padStart(2, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function shapeHint(input: string): string {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(input) && /T\d{2}:\d{2}/.test(input)) {
    return ' (drop the time zone: the time is always Asia/Shanghai local time)';
  }
  if (/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}/.test(input)) return ' (use "T" between date and time, not a space)';
  if (/^\d{4}-\d{1,2}-\d{1,2}T/.test(input)) return ' (month and day need two digits, e.g. 2026-02-05)';
  if (DATE_RE.test(input)) return ' (a time is required, e.g. T00:00)';
  return '';
}

function checkFields(input: string, f: LocalDateTime): string | null {
  if (f.year < MIN_YEAR || f.year > MAX_YEAR) {
    return `year ${f.year} in "${input}" is outside the supported range ${MIN_YEAR}–${MAX_YEAR}`;
  }
  if (f.month < 1 || f.month > 12) return `month ${pad2(f.month)} in "${input}" does not exist (01–12)`;
  const dim = daysInMonth(f.year, f.month);
  if (f.day < 1 || f.day > dim) {
    return `day ${pad2(f.day)} in "${input}" does not exist: ${f.year}-${pad2(f.month)} has ${dim} days`;
  }
  if (f.hour > 23) return `hour ${pad2(f.hour)} in "${input}" is out of range (00–23)`;
  if (f.minute > 59) return `minute ${pad2(f.minute)} in "${input}" is out of range (00–59)`;
  if (f.second > 59) return `second ${pad2(f.second)} in "${input}" is out of range (00–59)`;
  return null;
}

/** Parses a strict Asia/Shanghai "YYYY-MM-DDTHH:mm[:ss]"; the error names what is wrong. */
export function parseLocalDateTime(input: string): ParseResult<LocalDateTime> {
  const m = DATE_TIME_RE.exec(input);
  if (!m) {
    return {
      ok: false,
      error: `"${input}" is not a local date-time: expected YYYY-MM-DDTHH:mm or YYYY-MM-DDTHH:mm:ss${shapeHint(input)}`,
    };
  }
  const [, y, mo, d, h, mi, s] = m;
  const value: LocalDateTime = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h),
    minute: Number(mi),
    second: s === undefined ? 0 : Number(s),
  };
  const error = checkFields(input, value);
  return error === null ? { ok: true, value } : { ok: false, error };
}

/** Parses a strict "YYYY-MM-DD". */
export function parseYmd(input: string): ParseResult<Ymd> {
  const m = DATE_RE.exec(input);
  if (!m) return { ok: false, error: `"${input}" is not a date: expected YYYY-MM-DD` };
  const parsed = parseLocalDateTime(`${input}T00:00`);
  return parsed.ok ? { ok: true, value: input } : parsed;
}

export function requireLocalDateTime(input: string): LocalDateTime {
  const parsed = parseLocalDateTime(input);
  if (!parsed.ok) throw new DeadlineInputError(parsed.error);
  return parsed.value;
}

export function requireYmd(input: string): Ymd {
  const parsed = parseYmd(input);
  if (!parsed.ok) throw new DeadlineInputError(parsed.error);
  return parsed.value;
}

export function formatLocalDateTime(t: LocalDateTime): string {
  const date = `${String(t.year).padStart(4, '0')}-${pad2(t.month)}-${pad2(t.day)}`;
  return `${date}T${pad2(t.hour)}:${pad2(t.minute)}:${pad2(t.second)}`;
}

export function ymdOf(t: LocalDateTime): Ymd {
  return formatLocalDateTime(t).slice(0, 10);
}

export function localToEpochMs(t: LocalDateTime): number {
  return Date.UTC(t.year, t.month - 1, t.day, t.hour, t.minute, t.second) - SHANGHAI_OFFSET_MS;
}

export function epochMsToLocal(ms: number): LocalDateTime {
  // Shifting the instant by +8 h lets the UTC getters read Shanghai wall-clock fields.
  const d = new Date(ms + SHANGHAI_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** Formats an instant as Asia/Shanghai "YYYY-MM-DDTHH:mm:ss" (sub-second part dropped). */
export function formatEpochAsLocal(ms: number): string {
  return toShanghaiLocal(ms);
}

/** Days since 1970-01-01 for a Shanghai calendar date: integer day arithmetic, no clocks. */
export function ymdToDayNumber(ymd: Ymd): number {
  const y = Number(ymd.slice(0, 4));
  const m = Number(ymd.slice(5, 7));
  const d = Number(ymd.slice(8, 10));
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

export function dayNumberToYmd(dayNumber: number): Ymd {
  return new Date(dayNumber * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(ymd: Ymd, days: number): Ymd {
  return dayNumberToYmd(ymdToDayNumber(ymd) + days);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(ymd: Ymd): number {
  // 1970-01-01 was a Thursday (4).
  return (((ymdToDayNumber(ymd) + 4) % 7) + 7) % 7;
}

export function endOfDay(ymd: Ymd): LocalDateTime {
  return {
    year: Number(ymd.slice(0, 4)),
    month: Number(ymd.slice(5, 7)),
    day: Number(ymd.slice(8, 10)),
    hour: 23,
    minute: 59,
    second: 59,
  };
}

// Calendar arithmetic on Asia/Shanghai wall-clock values. Everything goes through Date.UTC so the
// host's own time zone can never shift a day; China has had no DST since 1991, so UTC+8 is exact.

export interface YMD {
  y: number;
  m: number;
  d: number;
}

export interface LocalDateTime extends YMD {
  h: number;
  mi: number;
  s: number | null;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function isValidDate(y: number, m: number, d: number): boolean {
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d)) return false;
  if (y < 1970 || y > 2099 || m < 1 || m > 12 || d < 1) return false;
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function isValidTime(h: number, mi: number, s: number | null = null): boolean {
  const ok = (n: number, max: number): boolean => Number.isInteger(n) && n >= 0 && n <= max;
  return ok(h, 23) && ok(mi, 59) && (s === null || ok(s, 59));
}

export function addDays(date: YMD, days: number): YMD {
  const t = new Date(Date.UTC(date.y, date.m - 1, date.d + days));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: YMD): number {
  return new Date(Date.UTC(date.y, date.m - 1, date.d)).getUTCDay();
}

export function compareYMD(a: YMD, b: YMD): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}

export function formatDate(date: YMD): string {
  return `${pad(date.y, 4)}-${pad(date.m)}-${pad(date.d)}`;
}

export function formatDateTime(v: LocalDateTime): string {
  const base = `${formatDate(v)}T${pad(v.h)}:${pad(v.mi)}`;
  return v.s === null ? base : `${base}:${pad(v.s)}`;
}

/** Parses the app's own local format "YYYY-MM-DDTHH:mm[:ss]" (a space is tolerated for the T). */
export function parseLocalDateTime(text: string): LocalDateTime | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const v: LocalDateTime = {
    y: Number(m[1]),
    m: Number(m[2]),
    d: Number(m[3]),
    h: Number(m[4]),
    mi: Number(m[5]),
    s: m[6] === undefined ? null : Number(m[6]),
  };
  return isValidDate(v.y, v.m, v.d) && isValidTime(v.h, v.mi, v.s) ? v : null;
}

/** Unix seconds to Shanghai wall clock, with seconds. */
export function fromUnixSeconds(seconds: number): LocalDateTime | null {
  if (!Number.isFinite(seconds)) return null;
  const t = new Date((Math.trunc(seconds) + 8 * 3600) * 1000);
  const y = t.getUTCFullYear();
  if (y < 1970 || y > 2099) return null;
  return {
    y,
    m: t.getUTCMonth() + 1,
    d: t.getUTCDate(),
    h: t.getUTCHours(),
    mi: t.getUTCMinutes(),
    s: t.getUTCSeconds(),
  };
}

/** True when `digits` starts with a plausible yyyymmdd (used to recognise date-prefixed ids). */
export function hasDatePrefix(digits: string, offset = 0): boolean {
  const part = digits.slice(offset, offset + 8);
  if (!/^\d{8}$/.test(part)) return false;
  const y = Number(part.slice(0, 4));
  return y >= 2004 && isValidDate(y, Number(part.slice(4, 6)), Number(part.slice(6, 8)));
}

/** True when `digits` starts with a valid yyyymmddHHmm[ss] of `len` digits (12 or 14). */
export function hasDateTimePrefix(digits: string, len: 12 | 14): boolean {
  if (!hasDatePrefix(digits) || digits.length < len) return false;
  const h = Number(digits.slice(8, 10));
  const mi = Number(digits.slice(10, 12));
  const s = len === 14 ? Number(digits.slice(12, 14)) : null;
  return isValidTime(h, mi, s);
}

// Capture time as buyers' phones and PCs encode it in file names. Pure so the renderer, main and the
// CLI agree on one reading. Every time is local Asia/Shanghai wall-clock "YYYY-MM-DDTHH:mm:ss":
// China has one zone and no DST, so a fixed +08:00 shift is exact and independent of the machine's TZ.

import { toShanghaiLocal } from '../time/shanghai';
const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;

/** Outside this range a parsed year is far more likely a misread digit run or a dead camera clock. */
export const MIN_CAPTURE_YEAR = 1990;
export const MAX_CAPTURE_YEAR = 2099;

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one; UTC so the host zone cannot shift it.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Formats wall-clock fields, or null when they do not name a real moment (Feb 30, 25:00…). */
export function localDateTime(year: number, month: number, day: number, hour: number, minute: number, second: number): string | null {
  const fields = [year, month, day, hour, minute, second];
  if (!fields.every(Number.isInteger)) return null;
  if (year < MIN_CAPTURE_YEAR || year > MAX_CAPTURE_YEAR) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59 || hour < 0 || minute < 0 || second < 0) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function shanghaiFields(epochMs: number): [number, number, number, number, number, number] | null {
  if (!Number.isFinite(epochMs)) return null;
  const d = new Date(Math.trunc(epochMs) + SHANGHAI_OFFSET_MS);
  if (Number.isNaN(d.getTime())) return null;
  // The shifted instant's UTC fields are Shanghai's wall clock.
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
}

/** An instant as Shanghai wall-clock time, or null when it is not plausible evidence time. */
export function shanghaiDateTime(epochMs: number): string | null {
  const f = shanghaiFields(epochMs);
  return f === null ? null : localDateTime(...f);
}

/**
 * An instant as Shanghai wall-clock time with no plausibility check, for "now" (import time), which
 * must always produce a value even on a machine whose clock is wrong.
 */
export function formatShanghai(epochMs: number): string {
  return toShanghaiLocal(Number.isFinite(epochMs) ? epochMs : 0);
}

/**
 * Wall-clock fields recorded at a known UTC offset (EXIF OffsetTimeOriginal "+09:00"), re-expressed in
 * Shanghai time. Null when the offset is malformed or the moment invalid.
 */
export function localDateTimeAtOffset(fields: [number, number, number, number, number, number], offset: string): string | null {
  const m = /^([+-])(\d{2}):?(\d{2})$/.exec(offset.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = fields;
  if (localDateTime(y, mo, d, h, mi, s) === null) return null;
  const sign = m[1] === '-' ? -1 : 1;
  const offsetMs = sign * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  if (Math.abs(offsetMs) > 14 * 60 * 60_000) return null;
  return shanghaiDateTime(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMs);
}

// Prefixes seen on Android (MIUI, EMUI, ColorOS, OneUI, Pixel), Windows, macOS, WeChat, QQ and common
// screenshot tools. Anchoring on a known prefix matters: an order number such as 20261115203107xxxx
// also looks like a timestamp, and a wrong capture time is worse than falling back to mtime.
const PREFIX =
  '(?:screen[ _]?shot|screenrecorder|screen[ _]?record(?:ing)?|record|img|vid|pano|mvimg|snipaste|' +
  '截屏|截图|屏幕截图|屏幕录制|录屏|微信图片|微信截图|微信视频|qq图片|qq截图|qq视频|tim图片|tim截图)';
const MERIDIEM = '(上午|下午|凌晨|早上|中午|晚上|AM|PM)';
const DATE = '(\\d{4})[-_.]?(\\d{2})[-_.]?(\\d{2})';
// Two-digit hours may be compact ("120304"); a one-digit hour only appears with separators ("3.14.15").
const TIME = '(?:(\\d{2})[-.:]?(\\d{2})[-.:]?(\\d{2})|(\\d)[-.:](\\d{2})[-.:](\\d{2}))';
// Optional milliseconds, then no further digit: a longer digit run is not a time we understand.
const TAIL = `(?:[-_.]?\\d{1,3})?(?!\\d)(?:\\s*${MERIDIEM})?`;
const NAMED_DATE_TIME = new RegExp(`^${PREFIX}[\\s_-]*${DATE}(?:\\s+at\\s+|[\\s_T-])?\\s*${MERIDIEM}?\\s*${TIME}${TAIL}`, 'iu');

// Google Pixel writes PXL_YYYYMMDD_HHmmssSSS in UTC, unlike everyone else.
const PIXEL_UTC = /^PXL_(\d{4})(\d{2})(\d{2})_(\d{2})(\d{2})(\d{2})\d{3}(?!\d)/iu;

// WeChat saves camera shots and exported images with the epoch in milliseconds.
const EPOCH_MS = /^(?:wx_camera_|mmexport|microMsg\.)(\d{13})(?!\d)/iu;

function applyMeridiem(hour: number, meridiem: string | undefined): number | null {
  if (meridiem === undefined) return hour;
  if (hour > 12) return null;
  const m = meridiem.toUpperCase();
  if (m === 'AM' || m === '上午' || m === '凌晨' || m === '早上') return hour === 12 ? 0 : hour;
  if (m === '中午') return hour >= 11 ? hour : hour + 12;
  return hour === 12 ? 12 : hour + 12;
}

function baseName(name: string): string {
  const parts = name.split(/[\\/]/u);
  return parts[parts.length - 1] ?? name;
}

/** Capture time encoded in a file name, or null when the name carries none we trust. */
export function captureTimeFromFileName(name: string): string | null {
  const base = baseName(name).normalize('NFC');

  const epoch = EPOCH_MS.exec(base);
  if (epoch) return shanghaiDateTime(Number(epoch[1]));

  const pixel = PIXEL_UTC.exec(base);
  if (pixel) {
    const [y = NaN, mo = NaN, d = NaN, h = NaN, mi = NaN, s = NaN] = pixel.slice(1, 7).map(Number);
    if (localDateTime(y, mo, d, h, mi, s) === null) return null;
    return shanghaiDateTime(Date.UTC(y, mo - 1, d, h, mi, s));
  }

  const m = NAMED_DATE_TIME.exec(base);
  if (!m) return null;
  const [, y, mo, d, mer1, h2, mi2, s2, h1, mi1, s1, mer2] = m;
  const hourRaw = Number(h2 ?? h1);
  if (mer1 !== undefined && mer2 !== undefined) return null;
  const hour = applyMeridiem(hourRaw, mer1 ?? mer2);
  if (hour === null) return null;
  return localDateTime(Number(y), Number(mo), Number(d), hour, Number(mi2 ?? mi1), Number(s2 ?? s1));
}

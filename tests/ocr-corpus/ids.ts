// Identifier and distractor generators in the formats of the domain notes. Every id is derived
// from the purchase time, the way the platforms build them, so date-prefix checks pass.
import type { Rng } from './rng';

/** Local Asia/Shanghai wall-clock time, kept as fields so no host time zone can shift it. */
export interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function toWall(ms: number): Wall {
  const t = new Date(ms);
  return { y: t.getUTCFullYear(), mo: t.getUTCMonth() + 1, d: t.getUTCDate(), h: t.getUTCHours(), mi: t.getUTCMinutes(), s: t.getUTCSeconds() };
}

export function wallMs(w: Wall): number {
  return Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
}

export function addMinutes(w: Wall, minutes: number): Wall {
  return toWall(wallMs(w) + minutes * 60_000);
}

/** 0 = Sunday. */
export const weekdayOf = (w: Wall): number => new Date(wallMs(w)).getUTCDay();

export const ymd = (w: Wall, sep = '-'): string => `${w.y}${sep}${pad(w.mo)}${sep}${pad(w.d)}`;
export const hm = (w: Wall): string => `${pad(w.h)}:${pad(w.mi)}`;
export const hms = (w: Wall): string => `${hm(w)}:${pad(w.s)}`;
/** The extraction contract's form: "YYYY-MM-DDTHH:mm[:ss]". */
export const iso = (w: Wall, seconds = true): string => `${ymd(w)}T${seconds ? hms(w) : hm(w)}`;
export const compact = (w: Wall): string => `${ymd(w, '')}${pad(w.h)}${pad(w.mi)}${pad(w.s)}`;

/** Numbers that must not start like a phone, a bank card or a date. */
function safeDigits(rng: Rng, n: number, lead: readonly string[]): string {
  return rng.pick(lead) + rng.digits(n - 1);
}

export const taobaoOrder = (rng: Rng): string => safeDigits(rng, rng.pick([18, 19]), ['2', '3', '4']);
export const douyinOrder = (rng: Rng): string => `69${rng.digits(17)}`;
export const jdOrder = (rng: Rng): string => safeDigits(rng, 12, ['2', '3']);
export const pddOrder = (rng: Rng, at: Wall): string => `${ymd(at, '').slice(2)}-${rng.digits(15)}`;
export const kamengOrder = (rng: Rng, at: Wall): string => `${rng.pick(['', '', 'KM', 'D'])}${compact(at)}${rng.digits(4)}`;
export const alipayTradeNo = (rng: Rng, at: Wall): string => `${ymd(at, '')}22001${rng.digits(15)}`;
export const wechatTransactionId = (rng: Rng, at: Wall): string => `4200${rng.digits(6)}${ymd(at, '')}${rng.digits(10)}`;
export const merchantOrder = (rng: Rng): string => `${rng.pick(['T200P', 'MO', 'SH', 'W'])}${rng.digits(rng.int(14, 20))}`;

export const mobile = (rng: Rng): string => `1${rng.pick(['38', '39', '50', '58', '86', '77'])}${rng.digits(8)}`;
export const spacedMobile = (m: string): string => `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
export const maskedMobile = (m: string): string => `${m.slice(0, 3)}****${m.slice(7)}`;
export const hotline = (rng: Rng): string => `400-${rng.digits(3)}-${rng.digits(4)}`;
export const qqNumber = (rng: Rng): string => safeDigits(rng, rng.int(9, 10), ['2', '3', '8', '9']);
export const trackingNo = (rng: Rng): string => `${rng.pick(['SF', 'YT', 'JT', 'ZTO'])}${rng.digits(13)}`;

const CODE_CHARS = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
export function cardCode(rng: Rng): string {
  return Array.from({ length: 4 }, () => Array.from({ length: 4 }, () => CODE_CHARS[rng.int(0, CODE_CHARS.length - 1)]).join('')).join('-');
}

export function money(rng: Rng, min: number, max: number): string {
  return `${rng.int(min, max)}.${rng.pick(['00', '90', '50', '80', '99', '10'])}`;
}

// Timestamps from cleaned OCR text, normalised to local "YYYY-MM-DDTHH:mm[:ss]" (or "YYYY-MM-DD" when the
// screen shows a date only: inventing 00:00 would put a false time on the case timeline).
//
// Chat-style stamps (HH:mm, 昨天, 星期三, 下午3:05) are only trusted on a line of their own, the way
// WeChat draws its time separators: inside a message "明天10:00发货" is a promise, not a send time, and
// at the top of any screenshot a bare HH:mm is the phone's status-bar clock.

import type { LocalDateTime, YMD } from './dates';
import { addDays, compareYMD, formatDate, formatDateTime, isValidDate, isValidTime, parseLocalDateTime, weekday } from './dates';
import { alternation, lineExtents, lineOf, mapLines } from './text';
import type { TextHit, TimeBasis } from './types';

export interface TimestampOptions {
  /** Local "YYYY-MM-DDTHH:mm:ss" the screenshot was taken; relative stamps are dropped without it. */
  capturedAt: string | null;
  /**
   * Whether that capture time was written at capture (EXIF, file name, status bar) or stated by the
   * buyer. Against a weak one (clipboard, file mtime) a relative or partial stamp is only approximate.
   */
  anchorTrusted: boolean;
  /** Accept chat-style relative stamps on their own line. Default true. */
  chatStamps?: boolean;
}

const PERIOD = '凌晨|早上|上午|中午|下午|傍晚|晚上|夜里';
const TIME = `(?:(${PERIOD})[ ]?)?(\\d{1,2}):(\\d{2})(?::(\\d{2}))?`;
const NUMERIC_RE = new RegExp(`(?<![\\d./-])(\\d{4})([-/.])(\\d{1,2})\\2(\\d{1,2})(?:[ T]?${TIME})?(?![\\d:])`, 'g');
const CHINESE_RE = new RegExp(`(?<!\\d)(?:(\\d{4})[ ]?年[ ]?)?(\\d{1,2})[ ]?月[ ]?(\\d{1,2})[ ]?[日号](?:[ ]?${TIME})?(?![\\d:])`, 'g');
const RELATIVE_RE = new RegExp(
  `(?<![\\d:./~～-])(昨天|前天|今天|(?:星期|周|礼拜)[一二三四五六日天])?[ ]?${TIME}(?![\\d:])`,
  'g',
);
const RANGE_AFTER = /^[ ]?(?:-|~|～|至|到)[ ]?\d{1,2}:\d{2}/;
const RANGE_BEFORE = /\d{1,2}:\d{2}[ ]?(?:-|~|～|至|到)[ ]?$/;
/** Neither range pattern can match more than 8 characters, so a 10-character window decides each. */
const RANGE_WINDOW = 10;
const STATUS_BAR = /\b[45]G\b|LTE|\d{1,3}%|Wi-?Fi|\bHD\b/i;

const TIME_LABELS = [
  '创建时间', '付款时间', '下单时间', '支付时间', '发货时间', '成交时间', '签收时间', '收货时间', '交易时间',
  '退款时间', '申请时间', '到账时间', '完成时间', '关闭时间', '确认收货时间', '更新时间', '提交时间',
];
const LABEL_RE = new RegExp(`(${alternation(TIME_LABELS)})[\\s:]*$`);
const LABEL_END_RE = new RegExp(`(${alternation(TIME_LABELS)})$`);
const LONGEST_LABEL = Math.max(...TIME_LABELS.map((l) => l.length));
const LABEL_GAP = /[\s:]/;
const WEEKDAYS = '日一二三四五六';

function to24(h: number, period: string | undefined): number | null {
  if (period === undefined) return h;
  if (h > 12) return /下午|傍晚|晚上|中午|夜里/.test(period) && h <= 23 ? h : null;
  switch (period) {
    case '凌晨':
    case '早上':
    case '上午':
      return h === 12 ? 0 : h;
    case '中午':
      return h >= 11 ? h : h + 12;
    case '夜里':
      return h === 12 ? 0 : h >= 6 ? h + 12 : h;
    default:
      return h === 12 ? 12 : h + 12;
  }
}

interface TimeParts {
  h: number;
  mi: number;
  s: number | null;
}

function timeParts(period: string | undefined, hh: string | undefined, mm: string | undefined, ss: string | undefined): TimeParts | null | undefined {
  if (hh === undefined || mm === undefined) return undefined;
  const h = to24(Number(hh), period);
  const mi = Number(mm);
  const s = ss === undefined ? null : Number(ss);
  return h !== null && isValidTime(h, mi, s) ? { h, mi, s } : null;
}

function render(date: YMD, time: TimeParts | undefined): string {
  return time ? formatDateTime({ ...date, ...time } satisfies LocalDateTime) : formatDate(date);
}

/** WeChat shows 星期X for the last week, never for today, so it is the latest such day before capture. */
function resolveRelative(word: string | undefined, capture: YMD): YMD {
  if (word === undefined || word === '今天') return capture;
  if (word === '昨天') return addDays(capture, -1);
  if (word === '前天') return addDays(capture, -2);
  const target = WEEKDAYS.indexOf(word.slice(-1) === '天' ? '日' : word.slice(-1));
  const back = (weekday(capture) - target + 7) % 7 || 7;
  return addDays(capture, -back);
}

/**
 * Whether a found time lies after the capture, to the minute (screens show minutes; the capture time
 * has seconds). A date-only value is after only on a later day.
 */
export function isAfter(value: string, capturedAt: string): boolean {
  return value.length <= 10 ? value > capturedAt.slice(0, 10) : value.slice(0, 16) > capturedAt.slice(0, 16);
}

export function extractTimestamps(text: string, opts: TimestampOptions): TextHit[] {
  const capture = opts.capturedAt === null ? null : parseLocalDateTime(opts.capturedAt);
  const chatStamps = opts.chatStamps ?? true;
  const relativeBasis: TimeBasis = opts.anchorTrusted ? 'inferred' : 'approx';
  const map = mapLines(text);
  const lines = text.split('\n');
  const firstLine = lines.findIndex((l) => l.trim() !== '') + 1;
  const extentOf = lineExtents(text, map);
  // Every check below looks at a bounded window or at per-line facts computed once, never at the whole
  // text or line per match: a chat can hold thousands of stamps on one line (issue 19).
  const taken = new Uint8Array(text.length);
  const hits: TextHit[] = [];
  const free = (s: number, e: number): boolean => !taken.subarray(s, e).includes(1);
  const take = (s: number, e: number): void => void taken.fill(1, s, e);
  const nonSpace = new Map<number, number>();
  const nonSpaceOnLine = (line: number): number => {
    let n = nonSpace.get(line);
    if (n === undefined) nonSpace.set(line, (n = (lines[line - 1] ?? '').replace(/\s/g, '').length));
    return n;
  };

  /** A time label right before `start` on its line ("下单时间：" and any spaces or colons after it). */
  const labelBefore = (lineStart: number, start: number): string | undefined => {
    let p = start;
    while (p > lineStart && LABEL_GAP.test(text[p - 1] ?? '')) p--;
    return LABEL_END_RE.exec(text.slice(Math.max(lineStart, p - LONGEST_LABEL), p))?.[1];
  };

  const add = (start: number, end: number, value: string | null, confidence: number, basis: TimeBasis): void => {
    take(start, end);
    if (value === null) return;
    const line = lineOf(map, start);
    const lineStart = map.starts[line - 1] ?? 0;
    let label = labelBefore(lineStart, start);
    const extent = extentOf(line);
    if (label === undefined && (extent === null || extent[0] >= start)) label = LABEL_RE.exec(lines[line - 2] ?? '')?.[1];
    const hit: TextHit = { value, start, end, line, confidence: label ? Math.min(1, confidence + 0.05) : confidence, basis };
    if (label !== undefined) hit.label = label;
    if (opts.capturedAt !== null && isAfter(value, opts.capturedAt)) hit.afterCapture = true;
    hits.push(hit);
  };

  for (const m of text.matchAll(NUMERIC_RE)) {
    const [whole, y, , mo, d, period, hh, mm, ss] = m;
    const date = { y: Number(y), m: Number(mo), d: Number(d) };
    const time = timeParts(period, hh, mm, ss);
    const value = isValidDate(date.y, date.m, date.d) && time !== null ? render(date, time) : null;
    add(m.index, m.index + whole.length, value, time ? 0.9 : 0.8, 'shown');
  }

  for (const m of text.matchAll(CHINESE_RE)) {
    const [whole, y, mo, d, period, hh, mm, ss] = m;
    if (!free(m.index, m.index + whole.length)) continue;
    const time = timeParts(period, hh, mm, ss);
    let year = y === undefined ? null : Number(y);
    if (year === null && time !== undefined && capture) {
      // A yearless date is the latest one not after the capture day.
      year = capture.y - (compareYMD({ y: capture.y, m: Number(mo), d: Number(d) }, capture) > 0 ? 1 : 0);
    }
    const date = { y: year ?? 0, m: Number(mo), d: Number(d) };
    const value = year !== null && isValidDate(date.y, date.m, date.d) && time !== null ? render(date, time) : null;
    // A year the screen did not show is the capture's: as sure as the capture time itself.
    add(m.index, m.index + whole.length, value, y === undefined ? 0.85 : time ? 0.9 : 0.8, y !== undefined ? 'shown' : relativeBasis);
  }

  for (const m of text.matchAll(RELATIVE_RE)) {
    const [whole, word, period, hh, mm, ss] = m;
    const start = m.index;
    const end = start + whole.length;
    if (!free(start, end)) continue;
    const line = lineOf(map, start);
    const lineText = lines[line - 1] ?? '';
    // The line less the stamp holds at most two other visible characters.
    const standalone = nonSpaceOnLine(line) - whole.replace(/\s/g, '').length <= 2;
    const bare = word === undefined && period === undefined;
    const statusBar = bare && (line === firstLine || (standalone && STATUS_BAR.test(lineText)));
    const isRange = RANGE_AFTER.test(text.slice(end, end + RANGE_WINDOW)) || RANGE_BEFORE.test(text.slice(Math.max(0, start - RANGE_WINDOW), start));
    if (!chatStamps || !capture || !standalone || statusBar || isRange) {
      take(start, end);
      continue;
    }
    const time = timeParts(period, hh, mm, ss);
    add(start, end, time ? render(resolveRelative(word, capture), time) : null, bare ? 0.7 : 0.8, relativeBasis);
  }

  const unique = new Map<string, TextHit>();
  for (const h of hits.sort((a, b) => a.start - b.start)) if (!unique.has(h.value)) unique.set(h.value, h);
  return [...unique.values()];
}

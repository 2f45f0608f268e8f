// A video's text: each frame's OCR under a header naming the frame and its offset, so a search hit,
// a field or a scam warning (each carries its line) always points at a frame and a time. Pure.
import type { Extraction, Field, IdField, ScamSignal } from '../extract/types';
import { formatOffset } from './startTime';

/** "【画面3 · 00:12.3 · 12:03:16】" — the wall clock only when the start is known. */
export function frameHeader(no: number, offsetSec: number, wallClock: string | null): string {
  const clock = wallClock === null ? '' : ` · ${wallClock.slice(11, 19)}`;
  return `【画面${no} · ${formatOffset(offsetSec)}${clock}】`;
}

const HEADER = /^【画面(\d+) · ((?:\d+:)?\d{2}:\d{2}\.\d)(?: · [\d:]+)?】$/u;

export interface FrameLink {
  /** 1-based frame number as shown (画面N). */
  no: number;
  offset: string;
}

/** The frame a 1-based line of a video's merged text belongs to, or null outside any frame. */
export function frameAtLine(text: string, line: number): FrameLink | null {
  const lines = text.split('\n');
  for (let i = Math.min(line, lines.length) - 1; i >= 0; i--) {
    const m = HEADER.exec(lines[i] ?? '');
    if (m) return { no: Number(m[1]), offset: m[2] ?? '' };
  }
  return null;
}

export interface FrameReading {
  no: number;
  offsetSec: number;
  wallClock: string | null;
  extraction: Extraction;
}

/** What a failure says on screen: these lines lead the contact sheet. */
const ERROR_WORDS = /失败|错误|异常|无效|已被使用|已使用|不存在|已过期|过期|已兑换|不正确|有误|限制|冻结|封禁|拒绝|未到账/u;
const CONTEXT_WORDS = /卡密|订单|交易|金额|实付|¥|￥|兑换|充值|激活|提示|退款|客服/u;

/**
 * The lines worth printing under a frame on the contact sheet: scam excerpts, then error messages,
 * then lines holding a field, then order and card words; at most `max`, each cut to 60 characters,
 * most telling first (screen order within each rank). A frame with none of these shows its first two lines.
 */
export function keyLines(extraction: Extraction, max = 4): string[] {
  const lines = extraction.text.split('\n').map((l) => l.trim()).filter((l) => l.length >= 2);
  const values = [...extraction.orderNumbers, ...extraction.transactionIds, ...extraction.timestamps, ...(extraction.amount ? [extraction.amount] : [])].map((f) => f.value);
  const excerpts = extraction.scamSignals.map((s) => s.excerpt);
  const rank = (l: string): number =>
    excerpts.some((e) => e.includes(l) || l.includes(e)) ? 0 : ERROR_WORDS.test(l) ? 1 : values.some((v) => l.includes(v)) ? 2 : CONTEXT_WORDS.test(l) ? 3 : 4;
  const ranked = lines.map((l, i) => ({ l, i, r: rank(l) })).filter((x) => x.r < 4);
  const chosen = (ranked.length > 0 ? ranked.sort((a, b) => a.r - b.r || a.i - b.i) : lines.slice(0, 2).map((l, i) => ({ l, i, r: 4 }))).slice(0, max);
  // Most telling first: the sheet and the app print only the first two or three.
  return chosen.map((x) => (x.l.length > 60 ? `${x.l.slice(0, 59)}…` : x.l));
}

/** True when a frame shows a field, a scam signal or an error/order word: worth a place in the bundle. */
export function hasKeyText(extraction: Extraction): boolean {
  const fields = extraction.orderNumbers.length + extraction.transactionIds.length + extraction.timestamps.length + extraction.scamSignals.length;
  return fields > 0 || extraction.amount !== null || ERROR_WORDS.test(extraction.text);
}

/**
 * The frame and offset of each field of a video's merged extraction, keyed like the review's fields
 * (type:value), so the app can say which frame and time a value was read from.
 */
export function fieldFrames(extraction: Extraction): Record<string, FrameLink> {
  const out: Record<string, FrameLink> = {};
  const add = (type: string, f: Field) => {
    const at = f.line === undefined ? null : frameAtLine(extraction.text, f.line);
    if (at) out[`${type}:${f.value}`] = at;
  };
  for (const f of extraction.orderNumbers) add('orderNumber', f);
  for (const f of extraction.transactionIds) add('transactionId', f);
  for (const f of extraction.trackingNumbers) add('trackingNumber', f);
  for (const f of extraction.timestamps) add('timestamp', f);
  if (extraction.amount) add('amount', extraction.amount);
  return out;
}

function shiftField<F extends Field>(f: F, by: number): F {
  // A frame's box is in that frame's pixels, which no one image of the video shows: the line links it.
  return { ...f, box: null, ...(f.line !== undefined ? { line: f.line + by } : {}) };
}

function unique<F extends Field>(lists: F[][]): F[] {
  const seen = new Set<string>();
  const out: F[] = [];
  for (const f of lists.flat()) {
    if (seen.has(f.value)) continue;
    seen.add(f.value);
    out.push(f);
  }
  return out;
}

function mostCommon<T>(values: T[], skip: T): T {
  const counts = new Map<T, number>();
  for (const v of values) if (v !== skip) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = skip;
  let n = 0;
  for (const [v, c] of counts) if (c > n) [best, n] = [v, c];
  return best;
}

/**
 * One extraction for the whole video: frames' texts under their headers, their fields with lines
 * moved into the merged text (the earliest frame wins a repeated value), scam signals likewise.
 */
export function mergeFrameReadings(readings: readonly FrameReading[]): Extraction {
  const text: string[] = [];
  const ids: { orderNumbers: IdField[][]; transactionIds: IdField[][]; trackingNumbers: IdField[][] } = { orderNumbers: [], transactionIds: [], trackingNumbers: [] };
  const timestamps: Field[][] = [];
  const signals: ScamSignal[] = [];
  let amount: Field | null = null;
  for (const r of readings) {
    const body = r.extraction.text.trim();
    if (body === '') continue;
    text.push(frameHeader(r.no, r.offsetSec, r.wallClock));
    // Field lines are 1-based in the frame's text; the header sits just above its first line.
    const by = text.length;
    text.push(...r.extraction.text.split('\n'));
    ids.orderNumbers.push(r.extraction.orderNumbers.map((f) => shiftField(f, by)));
    ids.transactionIds.push(r.extraction.transactionIds.map((f) => shiftField(f, by)));
    ids.trackingNumbers.push(r.extraction.trackingNumbers.map((f) => shiftField(f, by)));
    timestamps.push(r.extraction.timestamps.map((f) => shiftField(f, by)));
    amount ??= r.extraction.amount ? shiftField(r.extraction.amount, by) : null;
    for (const s of r.extraction.scamSignals) {
      if (signals.some((x) => x.id === s.id)) continue;
      signals.push({ ...s, ...(s.line !== undefined ? { line: s.line + by } : {}) });
    }
  }
  return {
    platform: mostCommon(readings.map((r) => r.extraction.platform), 'unknown'),
    kind: mostCommon(readings.map((r) => r.extraction.kind), 'other'),
    orderNumbers: unique(ids.orderNumbers),
    transactionIds: unique(ids.transactionIds),
    trackingNumbers: unique(ids.trackingNumbers),
    timestamps: unique(timestamps),
    amount,
    scam: readings.some((r) => r.extraction.scam),
    scamSignals: signals,
    text: text.join('\n'),
  };
}

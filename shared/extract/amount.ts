// The amount the buyer actually paid. Order pages list several money figures (item price, shipping,
// discounts, the total), so the label decides; bill pages instead show one big "-149.90" line.

import { alternation, lastBefore, lineExtents, lineOf, lineStart, mapLines } from './text';
import type { LineMap } from './text';
import type { ExtractKind, TextHit } from './types';

/** Higher wins. Zero means "a money figure that is not what was paid". */
const LABEL_RANK: ReadonlyArray<readonly [number, readonly string[]]> = [
  [100, ['实付款', '实付金额', '实付', '实际支付', '实际付款']],
  [90, ['应付总额', '应付金额']],
  [85, ['支付金额', '付款金额', '交易金额']],
  [80, ['合计', '总计', '需付款', '支付总额']],
  [60, ['订单金额', '订单总额']],
  [0, ['商品总额', '商品金额', '商品总价', '原价', '单价', '优惠', '红包', '运费', '折扣', '立减', '已省', '共省', '券', '退款金额', '津贴', '补贴', '积分', '余额']],
];
const RANK_OF = new Map(LABEL_RANK.flatMap(([rank, words]) => words.map((w) => [w, rank] as const)));
const LABEL_RE = new RegExp(alternation(LABEL_RANK.flatMap(([, words]) => words)), 'g');

const MONEY_RE = /(?<![\d.,])([-−一]?)[ ]?([¥￥])[ ]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d])|(?<![\d.,¥￥])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?[ ]?元/g;
// Alipay and WeChat bill details: the amount alone on a line, as an expense. OCR may read the minus as 一.
const BILL_LINE_RE = /^[-−一][ ]?[¥￥]?[ ]?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})$/;

export interface AmountOptions {
  /** In chats only a labelled figure counts: "149元的那个" is talk, not a receipt. */
  kind?: ExtractKind;
}

interface Candidate {
  value: string;
  start: number;
  end: number;
  rank: number;
  label?: string;
}

function normalise(integer: string, decimals: string | undefined): string {
  const whole = integer.replace(/,/g, '').replace(/^0+(?=\d)/, '');
  return `${whole}.${(decimals ?? '').padEnd(2, '0')}`;
}

interface LabelSpot {
  text: string;
  end: number;
}

/**
 * What the label look-ups need, computed once per text so that each look-up is constant or log time:
 * the text a buyer's counterparty writes can hold thousands of labels and figures on one line.
 */
interface AmountIndex {
  text: string;
  map: LineMap;
  extentOf: (line: number) => readonly [number, number] | null;
  /** lastDigit[i]: offset of the last ASCII digit before i, or -1. */
  lastDigit: Int32Array;
  /** Opening and closing brackets before each offset, for "is this inside a note in brackets". */
  opens: Int32Array;
  closes: Int32Array;
}

function indexText(text: string): AmountIndex {
  const lastDigit = new Int32Array(text.length + 1);
  const opens = new Int32Array(text.length + 1);
  const closes = new Int32Array(text.length + 1);
  let digit = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    lastDigit[i] = digit;
    if (c >= 48 && c <= 57) digit = i;
    opens[i + 1] = (opens[i] ?? 0) + (c === 0x28 || c === 0xff08 ? 1 : 0);
    closes[i + 1] = (closes[i] ?? 0) + (c === 0x29 || c === 0xff09 ? 1 : 0);
  }
  lastDigit[text.length] = digit;
  const map = mapLines(text);
  return { text, map, extentOf: lineExtents(text, map), lastDigit, opens, closes };
}

/** The nearest label before the amount on its line, or a label that ends the line above. */
function labelBefore(ix: AmountIndex, labels: readonly LabelSpot[], start: number): LabelSpot | null {
  const line = lineOf(ix.map, start);
  const from = lineStart(ix.map, line);
  const sameLine = labels[lastBefore(labels, (l) => l.end <= start)];
  if (sameLine && sameLine.end > from) {
    // Another figure in between means the label belongs to that one.
    return (ix.lastDigit[start] ?? -1) >= sameLine.end ? null : sameLine;
  }
  const extent = ix.extentOf(line);
  if ((extent !== null && extent[0] < start) || from === 0) return null;
  const prevStart = lineStart(ix.map, line - 1);
  const above = labels[lastBefore(labels, (l) => l.end < from)];
  return above && above.end > prevStart && /^[\s:]*$/.test(ix.text.slice(above.end, from - 1)) ? above : null;
}

/** "实付款(含运费) ¥149.90": a label in a note qualifies the figure, it does not name it. */
function insideParentheses(ix: AmountIndex, at: number): boolean {
  const from = lineStart(ix.map, lineOf(ix.map, at));
  return (ix.opens[at] ?? 0) - (ix.opens[from] ?? 0) > (ix.closes[at] ?? 0) - (ix.closes[from] ?? 0);
}

export function extractAmount(text: string, opts: AmountOptions = {}): TextHit | null {
  const ix = indexText(text);
  const labels: LabelSpot[] = [...text.matchAll(LABEL_RE)]
    .filter((m) => !insideParentheses(ix, m.index))
    .map((m) => ({ text: m[0], end: m.index + m[0].length }));
  const candidates: Candidate[] = [];

  for (const m of text.matchAll(MONEY_RE)) {
    const integer = m[3] ?? m[5];
    if (integer === undefined) continue;
    const label = labelBefore(ix, labels, m.index);
    const candidate: Candidate = {
      value: normalise(integer, m[4] ?? m[6]),
      start: m.index,
      end: m.index + m[0].length,
      rank: label ? (RANK_OF.get(label.text) ?? 0) : 10,
    };
    if (label) candidate.label = label.text;
    candidates.push(candidate);
  }

  if (opts.kind !== 'chat') {
    let offset = 0;
    for (const line of text.split('\n')) {
      const m = BILL_LINE_RE.exec(line);
      if (m?.[1] !== undefined) {
        const start = offset + line.indexOf(m[0]);
        candidates.push({ value: normalise(m[1], m[2]), start, end: start + m[0].length, rank: 70 });
      }
      offset += line.length + 1;
    }
  }

  const labelled = candidates.filter((c) => c.rank > 10).sort((a, b) => b.rank - a.rank || a.start - b.start);
  let best = labelled[0];
  let confidence = best ? (best.rank >= 80 ? 0.95 : 0.85) : 0;
  if (!best && opts.kind !== 'chat') {
    // With no label at all, a single distinct figure on the page is probably the price paid.
    const loose = candidates.filter((c) => c.rank === 10);
    if (loose.length > 0 && new Set(loose.map((c) => c.value)).size === 1) {
      best = loose[0];
      confidence = 0.5;
    }
  }
  if (!best) return null;
  const hit: TextHit = { value: best.value, start: best.start, end: best.end, line: lineOf(ix.map, best.start), confidence };
  if (best.label !== undefined) hit.label = best.label;
  return hit;
}

// The amount the buyer actually paid. Order pages list several money figures (item price, shipping,
// discounts, the total), so the label decides; bill pages instead show one big "-149.90" line.

import { alternation, lastBefore, lineExtents, lineOf, lineStart, mapLines } from './text';
import type { LineMap } from './text';
import type { ExtractKind, TextHit } from './types';

/** Higher wins. Zero means "a money figure that is not what was paid". */
const LABEL_RANK: ReadonlyArray<readonly [number, readonly string[]]> = [
  [100, ['实付款', '实付金额', '实付', '实际支付', '实际付款']],
  // An invoice's total with tax, written out and then in figures: "价税合计(大写) 壹佰贰拾叁圆整 (小写)¥123.00".
  [95, ['价税合计', '小写']],
  [90, ['应付总额', '应付金额']],
  [85, ['支付金额', '付款金额', '交易金额', '捐赠金额', '捐款金额']],
  [80, ['合计', '总计', '需付款', '支付总额']],
  [60, ['订单金额', '订单总额']],
  [0, ['商品总额', '商品金额', '商品总价', '原价', '单价', '优惠', '红包', '运费', '折扣', '立减', '已省', '共省', '券', '退款金额', '津贴', '补贴', '积分', '余额', '税额', '找零']],
];
const RANK_OF = new Map(LABEL_RANK.flatMap(([rank, words]) => words.map((w) => [w, rank] as const)));
const LABEL_RE = new RegExp(alternation(LABEL_RANK.flatMap(([, words]) => words)), 'g');
/** Labels that are themselves written in brackets, so a bracket around them is no note. */
const BRACKETED_LABELS = new Set(['小写']);

const MONEY_RE = /(?<![\d.,])([-−一]?)[ ]?([¥￥])[ ]?(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?(?![\d])|(?<![\d.,¥￥])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?[ ]?元/g;
// Alipay and WeChat bill details: the amount alone on a line, as an expense. OCR reads the minus as
// 一, a dash of any width, or (set large and thin) not at all.
const MINUS = '[-−一—–－﹣‐‑]';
const BILL_LINE_RE = new RegExp(`^${MINUS}[ ]?[¥￥]?[ ]?(\\d{1,3}(?:,\\d{3})+|\\d+)\\.(\\d{2})(?:[ ]?元)?$`);
/** On a payment page only: the headline with its minus lost, or run onto the payee's name ("美团 -100.00"). */
const BARE_LINE_RE = /^[¥￥]?[ ]?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})$/;
const PAYEE_LINE_RE = new RegExp(`^([^\\d]{2,30}?)[ ]+${MINUS}[ ]?[¥￥]?[ ]?(\\d{1,3}(?:,\\d{3})+|\\d+)\\.(\\d{2})$`);

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

// Web order tables (卡盟 shops, 发卡网 lookups) put the labels in a header row and the values in
// the row below: "订单号 商品名称 金额 下单时间 状态" over "KM2026… Steam充值卡 50元 ¥315.00 2026-11-08 11:17:19".
const HEADER_AMOUNT_RE = /(实付金额|实付款|支付金额|付款金额|订单金额|订单总额|金额|总价|售价|价格)/;
const HEADER_OTHER_RE = /订单号|订单编号|商品名称|商品|下单时间|创建时间|支付时间|时间|状态|数量/g;
/** A figure in a table cell: with ¥ or 元, or a bare number with exactly two decimals (not a time or date). */
const CELL_MONEY_RE = /(?<![\d.:\-/])(?:[¥￥][ ]?)?(\d{1,3}(?:,\d{3})+|\d+)\.(\d{2})(?![\d.:\-/])/g;

function headerRowAmounts(text: string): Candidate[] {
  const lines = text.split('\n');
  const out: Candidate[] = [];
  let offset = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const start = offset;
    offset += line.length + 1;
    const amount = HEADER_AMOUNT_RE.exec(line);
    // A header row: an amount heading, two other headings, and no figures of its own.
    if (!amount?.[1] || (line.match(HEADER_OTHER_RE)?.length ?? 0) < 2 || /\d/.test(line)) continue;
    const row = lines[i + 1] ?? '';
    const rowStart = start + line.length + 1;
    const cells = [...row.matchAll(CELL_MONEY_RE)];
    const values = new Set(cells.map((m) => normalise(m[1] ?? '', m[2])));
    const first = cells[0];
    // Only an unambiguous row: one distinct figure under the header.
    if (values.size !== 1 || !first?.[1]) continue;
    out.push({ value: normalise(first[1], first[2]), start: rowStart + first.index, end: rowStart + first.index + first[0].length, rank: RANK_OF.get(amount[1]) || 60, label: amount[1] });
  }
  return out;
}

/** A bill's headline (rank 70); on a payment page also a bare or payee-run headline (a weaker read). */
const BILL_RANK = 70;
const BILL_GUESS_RANK = 65;

function billLines(text: string, payment: boolean): Candidate[] {
  const out: Candidate[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    const at = (m: RegExpExecArray, rank: number, integer: string | undefined, decimals: string | undefined) => {
      const start = offset + line.indexOf(m[0]);
      if (integer !== undefined) out.push({ value: normalise(integer, decimals), start, end: start + m[0].length, rank });
    };
    const signed = BILL_LINE_RE.exec(line);
    const bare = payment && !signed ? BARE_LINE_RE.exec(line) : null;
    const payee = payment && !signed && !bare ? PAYEE_LINE_RE.exec(line) : null;
    if (signed) at(signed, BILL_RANK, signed[1], signed[2]);
    else if (bare) at(bare, BILL_GUESS_RANK, bare[1], bare[2]);
    // "优惠 -5.00" names what the figure is; only a label-free name is the payee.
    else if (payee && !new RegExp(LABEL_RE.source).test(payee[1] ?? '')) at(payee, BILL_GUESS_RANK, payee[2], payee[3]);
    offset += line.length + 1;
  }
  return out;
}

export function extractAmount(text: string, opts: AmountOptions = {}): TextHit | null {
  return readAmount(text, opts).amount;
}

export interface AmountReading {
  amount: TextHit | null;
  /**
   * The distinct figures that tied for "paid" when no single one could be taken (a list of orders, a
   * bill list), in page order: shown to the buyer as "several amounts", never picked for them.
   */
  choices: string[];
}

/** How many tied figures are worth listing; a longer list is a page of orders, not a choice. */
const MAX_CHOICES = 8;

export function readAmount(text: string, opts: AmountOptions = {}): AmountReading {
  const ix = indexText(text);
  const labels: LabelSpot[] = [...text.matchAll(LABEL_RE)]
    .filter((m) => BRACKETED_LABELS.has(m[0]) || !insideParentheses(ix, m.index))
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
    candidates.push(...headerRowAmounts(text));
    candidates.push(...billLines(text, opts.kind === 'payment'));
  }

  const labelled = candidates.filter((c) => c.rank > 10).sort((a, b) => b.rank - a.rank || a.start - b.start);
  let best = labelled[0];
  // A list of orders ("我的订单", a bill list) shows one 实付款 per order: no figure is the case's
  // amount, and the first one would be a guess stated as fact.
  if (best && best.rank >= BILL_GUESS_RANK) {
    const tied = labelled.filter((c) => c.rank === best?.rank).sort((a, b) => a.start - b.start);
    const values = [...new Set(tied.map((c) => c.value))];
    if (values.length > 1) return { amount: null, choices: values.slice(0, MAX_CHOICES) };
  }
  let confidence = best ? (best.rank >= 80 ? 0.95 : 0.85) : 0;
  if (!best && opts.kind !== 'chat') {
    // With no label at all, a single distinct figure on the page is probably the price paid.
    const loose = candidates.filter((c) => c.rank === 10);
    if (loose.length > 0 && new Set(loose.map((c) => c.value)).size === 1) {
      best = loose[0];
      confidence = 0.5;
    }
  }
  if (!best) return { amount: null, choices: [] };
  const hit: TextHit = { value: best.value, start: best.start, end: best.end, line: lineOf(ix.map, best.start), confidence };
  if (best.label !== undefined) hit.label = best.label;
  return { amount: hit, choices: [] };
}

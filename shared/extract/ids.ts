// Order numbers, payment transaction ids and (labelled) tracking numbers from cleaned OCR text.
// Precision beats recall here: a wrong order number copied into a complaint does more harm than a
// missing one the user can type in. So an unlabelled number is only taken when its format is
// distinctive, and anything next to a phone/QQ/卡密 label is never taken.

import {
  isAlipayTradeNo,
  isBankCardNumber,
  isCardCode,
  isDigits,
  isIdCardNumber,
  isKamengOrder,
  isPddOrder,
  isPhoneNumber,
  isRefundNumber,
  isWechatTransactionId,
  looksLikeCompactDateTime,
} from './id-formats';
import { alternation, lastBefore, lineExtents, lineOf, lineStart, mapLines } from './text';
import type { LineMap } from './text';
import type { ExtractKind, ExtractPlatform, IdScheme, TextHit } from './types';

type LabelRole = 'order' | 'merchant' | 'transaction' | 'tracking' | 'refund' | 'description' | 'distractor';
type Bucket = 'order' | 'transaction' | 'tracking';

const LABEL_ROLES: ReadonlyArray<readonly [LabelRole, readonly string[]]> = [
  ['order', ['订单编号', '订单号码', '订单号']],
  ['merchant', ['商户单号', '商户订单号', '商家订单号']],
  ['transaction', ['支付宝交易号', '交易单号', '交易号', '微信支付单号']],
  ['tracking', ['运单号', '运单编号', '快递单号', '物流单号', '物流编号']],
  ['refund', ['退款单号', '退款编号', '售后单号', '服务单号']],
  // A bill's or invoice's description of the goods: a number in it is a product code, a card face
  // value or a phone topped up; the page's own order number has its own label.
  ['description', ['商品说明', '商品描述', '商品名称', '项目名称', '货物或应税劳务、服务名称', '货物或应税劳务名称']],
  [
    'distractor',
    [
      '客服电话', '联系电话', '服务热线', '客服热线', '热线', '电话', '手机号码', '手机号', '手机', '联系方式',
      '客服QQ', 'QQ号', 'QQ群', '群号', 'QQ', '微信号', '卡密', '卡号', '密码', '激活码', '兑换码', 'CDK',
      '身份证号', '身份证', '银行卡号', '银行卡', '发票号码', '发票代码', '校验码', '机器编号', '纳税人识别号',
      '统一社会信用代码', '税号', '会员号', '账号',
    ],
  ],
];

const ROLE_OF = new Map<string, LabelRole>(LABEL_ROLES.flatMap(([role, words]) => words.map((w) => [w.toUpperCase(), role] as const)));
const LABEL_RE = new RegExp(alternation(LABEL_ROLES.flatMap(([, words]) => words)), 'gi');
const BLOB_RE = /[0-9A-Za-z](?:[0-9A-Za-z_-]*[0-9A-Za-z])?/g;
const GLUED_WORD_RE = /^([A-Z]{0,4}\d{11,})(?=[A-Z]?[a-z]{2})/;
// What may sit between a label and its value: separators, OCR specks, and 是/为 in chat sentences.
const GAP_RE = /^[\s:#.,，、;；|'"“”‘’()（）[\]【】>_-]{0,6}(?:是|为)?[\s:]{0,3}$/;
/** The longest text GAP_RE can match (6 + 1 + 3): a longer stretch is no gap, and is never sliced. */
const GAP_MAX = 10;
const isGap = (text: string, from: number, to: number): boolean => to - from <= GAP_MAX && GAP_RE.test(text.slice(from, to));

interface Label {
  text: string;
  role: LabelRole;
  start: number;
  end: number;
  line: number;
}

export interface IdHit extends TextHit {
  scheme: IdScheme;
}

export interface IdExtraction {
  orderNumbers: IdHit[];
  transactionIds: IdHit[];
  trackingNumbers: IdHit[];
}

export interface IdOptions {
  platform?: ExtractPlatform;
  kind?: ExtractKind;
}

interface Verdict {
  bucket: Bucket;
  scheme: IdScheme;
  confidence: number;
}

function orderScheme(value: string, platform: ExtractPlatform): IdScheme {
  if (isPddOrder(value)) return 'pdd';
  if (platform === 'taobao' || platform === 'tmall' || platform === 'douyin' || platform === 'jd' || platform === 'pdd') {
    return platform;
  }
  if (isKamengOrder(value)) return 'kameng';
  return 'order';
}

function classifyLabelled(value: string, label: Label, platform: ExtractPlatform): Verdict | null {
  const digitCount = value.replace(/\D/g, '').length;
  if (isCardCode(value) || label.role === 'refund' || label.role === 'distractor' || label.role === 'description') return null;
  const digits = isDigits(value);
  if (label.role === 'tracking') {
    return digitCount >= 8 && value.length <= 30 ? { bucket: 'tracking', scheme: 'tracking', confidence: 0.9 } : null;
  }
  if (label.role === 'merchant') {
    return digitCount >= 3 && value.length >= 6 && value.length <= 40 ? { bucket: 'order', scheme: 'merchant', confidence: 0.9 } : null;
  }
  if (digits && isAlipayTradeNo(value)) return { bucket: 'transaction', scheme: 'alipay', confidence: 0.97 };
  if (digits && isWechatTransactionId(value)) return { bucket: 'transaction', scheme: 'wechatpay', confidence: 0.97 };
  if (digits && isRefundNumber(value)) return null;
  if (label.role === 'transaction') {
    // Both schemes are exactly 28 digits: any other length under this label is a misread, not an id.
    if (!digits || value.length !== 28) return null;
    return { bucket: 'transaction', scheme: label.text === '交易单号' ? 'wechatpay' : 'alipay', confidence: 0.6 };
  }
  // An order label: trust it for anything id-shaped.
  if (digitCount < 5 || value.length > 40) return null;
  const known = isPddOrder(value) || isKamengOrder(value) || (digits && value.length >= 11 && value.length <= 19);
  return { bucket: 'order', scheme: orderScheme(value, platform), confidence: known ? 0.95 : 0.8 };
}


function classifyUnlabelled(value: string, platform: ExtractPlatform, alone: boolean): Verdict | null {
  if (isPddOrder(value)) return { bucket: 'order', scheme: 'pdd', confidence: 0.9 };
  if (!isDigits(value)) {
    // A 卡盟 number (letters + yyyymmddHHmmss + tail) is distinctive enough on a 卡盟 page, or when it
    // is all a line says (pasted into a chat on its own); inside other text it may be any code.
    return (platform === 'kameng' || alone) && isKamengOrder(value) ? { bucket: 'order', scheme: 'kameng', confidence: 0.5 } : null;
  }
  if (value.length === 28) {
    if (isWechatTransactionId(value)) return { bucket: 'transaction', scheme: 'wechatpay', confidence: 0.85 };
    if (isAlipayTradeNo(value)) return { bucket: 'transaction', scheme: 'alipay', confidence: 0.85 };
    return null;
  }
  if (isPhoneNumber(value) || isBankCardNumber(value) || isIdCardNumber(value) || looksLikeCompactDateTime(value)) return null;
  if (value.length === 18 || value.length === 19) return { bucket: 'order', scheme: orderScheme(value, platform), confidence: 0.6 };
  if (value.length >= 16 && value.length <= 24 && isKamengOrder(value)) return { bucket: 'order', scheme: 'kameng', confidence: 0.6 };
  // JD numbers are too short to be distinctive: only on a page already known to be JD.
  if (platform === 'jd' && value.length >= 11 && value.length <= 13 && !/^86/.test(value)) {
    return { bucket: 'order', scheme: 'jd', confidence: 0.35 };
  }
  return null;
}

function findLabels(text: string, map: LineMap): Label[] {
  return [...text.matchAll(LABEL_RE)].map((m) => {
    const start = m.index;
    const role = ROLE_OF.get(m[0].toUpperCase()) ?? 'distractor';
    return { text: m[0], role, start, end: start + m[0].length, line: lineOf(map, start) };
  });
}

/**
 * The label a value belongs to: on its line just before it, or alone at the end of the line above
 * (stacked label/value rows), with any blank lines OCR put between the two skipped.
 */
function labelFor(text: string, labels: readonly Label[], map: LineMap, start: number, line: number): { label: Label; adjacent: boolean } | null {
  // Labels come in text order, so both look-ups are binary searches: linear extraction on any input.
  const before = labels[lastBefore(labels, (l) => l.line < line || (l.line === line && l.end <= start))];
  if (before && before.line === line) return { label: before, adjacent: isGap(text, before.end, start) };
  const from = lineStart(map, line);
  if (!isGap(text, from, start)) return null;
  const above = labels[lastBefore(labels, (l) => l.line < line)];
  if (!above || !isGap(text, above.end, from - 1)) return null;
  // Only blank lines in between: a line with any text on it separates the label from the value.
  return text.slice(above.end, from - 1).split('\n').every((l) => GAP_RE.test(l)) ? { label: above, adjacent: true } : null;
}

function isPartOfNumberOrAmount(text: string, start: number, end: number): boolean {
  const prev = text[start - 1] ?? '';
  const next = text[end] ?? '';
  if (/[¥￥$]/.test(prev) || next === '%' || next === '元') return true;
  if (prev === '.' && /\d/.test(text[start - 2] ?? '')) return true;
  return next === '.' && /\d/.test(text[end + 1] ?? '');
}

/** The digits-and-letters run alone on the next non-blank line after `end`, or null. */
// Sticky, so it reads from an offset instead of copying the rest of the text for every label.
const LONE_BLOB_RE = /(?:[ \t]*\n)*[ \t]*([0-9A-Za-z]+)[ \t]*(?:\n|$)/y;

// A copy button the page draws right of the value ("261029-3405… 复制"), read on the same line.
const COPY_BUTTON_RE = /[ \t]*(?:复制(?:单号|订单号)?|copy)?[ \t]*\n/iy;

function nextLoneBlob(text: string, end: number): { blob: string; end: number } | null {
  COPY_BUTTON_RE.lastIndex = end;
  if (!COPY_BUTTON_RE.exec(text)) return null;
  const lineStart = COPY_BUTTON_RE.lastIndex;
  LONE_BLOB_RE.lastIndex = lineStart;
  const next = LONE_BLOB_RE.exec(text);
  if (!next?.[1]) return null;
  return { blob: next[1], end: lineStart + next[0].trimEnd().length };
}

const isKnownOrder = (v: string): boolean => isPddOrder(v) || isKamengOrder(v) || (isDigits(v) && v.length >= 18 && v.length <= 19);

/**
 * A value the layout wrapped onto the next line (OCR may put a blank line between the halves) is
 * rejoined when the halves make a better id than the first half alone: a valid 28-digit transaction
 * id, or a known order format the first half was not. A merchant number has no format, so its tail
 * is taken when the page is not a chat (where a lone number on the next line is a separate message).
 */
function joinWrapped(text: string, value: string, end: number, role: LabelRole, kind: ExtractKind | undefined): { value: string; end: number } | null {
  const next = nextLoneBlob(text, end);
  if (!next) return null;
  const joined = value + next.blob;
  const isTransaction = (v: string): boolean => isAlipayTradeNo(v) || isWechatTransactionId(v);
  // An Alipay bill puts the trade number under 订单号, so both roles may hold a wrapped 28-digit id.
  if ((role === 'transaction' || role === 'order') && isTransaction(joined)) return { value: joined, end: next.end };
  if (role === 'order') return !isKnownOrder(value) && isKnownOrder(joined) ? { value: joined, end: next.end } : null;
  if (role === 'merchant' && kind !== 'chat' && joined.length <= 32 && next.blob.length < value.length) {
    // The wrapped tail is shorter than the full first line, and a tail that is a whole id by itself is not a tail.
    const whole = isAlipayTradeNo(next.blob) || isWechatTransactionId(next.blob) || isKnownOrder(next.blob) || isPhoneNumber(next.blob);
    return whole ? null : { value: joined, end: next.end };
  }
  return null;
}

/** One hit per value: the most confident one (a labelled copy beats an unlabelled one). */
function keepBest(hits: readonly IdHit[]): IdHit[] {
  const best = new Map<string, IdHit>();
  for (const h of hits) {
    const seen = best.get(h.value);
    if (!seen || h.confidence > seen.confidence) best.set(h.value, h);
  }
  return [...best.values()].sort((a, b) => a.start - b.start);
}

export function extractIds(text: string, opts: IdOptions = {}): IdExtraction {
  const platform = opts.platform ?? 'unknown';
  const map = mapLines(text);
  const labels = findLabels(text, map);
  const extentOf = lineExtents(text, map);
  // A token that is the whole line: a chat bubble holding just a pasted number.
  const aloneOnLine = (start: number, end: number, line: number): boolean => {
    const extent = extentOf(line);
    return extent !== null && extent[0] === start && extent[1] === end - 1;
  };
  // Blank out labels so "QQ2851234567" or "CDK8H3K…" glued to a label is not read as one token. Built
  // in one pass: labels come in text order and never overlap.
  const pieces: string[] = [];
  let copied = 0;
  for (const l of labels) {
    pieces.push(text.slice(copied, l.start), ' '.repeat(l.end - l.start));
    copied = l.end;
  }
  pieces.push(text.slice(copied));
  const masked = pieces.join('');

  const out: Record<Bucket, IdHit[]> = { order: [], transaction: [], tracking: [] };
  let consumedUntil = -1;
  for (const m of masked.matchAll(BLOB_RE)) {
    const start = m.index;
    // An id glued to the Latin word after it (a table cell run into the product name,
    // "202611190737435778Office365"): ids are digits with at most upper-case letters, so a long
    // digit run followed by a lower-case word ends there.
    let value = GLUED_WORD_RE.exec(m[0])?.[1] ?? m[0];
    let end = start + value.length;
    if (start < consumedUntil || value.replace(/\D/g, '').length < 5) continue;
    if (isPartOfNumberOrAmount(text, start, end) || isCardCode(value)) continue;
    const line = lineOf(map, start);
    const found = labelFor(text, labels, map, start, line);
    if (found && !found.adjacent && (found.label.role === 'distractor' || found.label.role === 'description')) continue;
    let verdict: Verdict | null;
    if (found?.adjacent) {
      const wrapped = joinWrapped(text, value, end, found.label.role, opts.kind);
      if (wrapped) ({ value, end } = wrapped);
      verdict = classifyLabelled(value, found.label, platform);
    } else {
      // A dash inside an unlabelled token means a date, phone or code unless it is a PDD order.
      verdict = value.includes('-') && !isPddOrder(value) ? null : classifyUnlabelled(value, platform, aloneOnLine(start, end, line));
    }
    consumedUntil = end;
    if (!verdict) continue;
    const hit: IdHit = { value, start, end, line, confidence: verdict.confidence, scheme: verdict.scheme };
    if (found?.adjacent) hit.label = found.label.text;
    out[verdict.bucket].push(hit);
  }
  return {
    orderNumbers: keepBest(out.order),
    transactionIds: keepBest(out.transaction),
    trackingNumbers: keepBest(out.tracking),
  };
}

// Refund-scam detection over chat text. The rules and the reasoning behind them are in scam-rules.ts;
// this file decides which hits count:
//  - a hit inside a clause that says not to do it (请勿共享屏幕, 平台不会收取保证金) does not count;
//  - a sentence that names the move as fraud (…都是诈骗) is a warning, not a scam;
//  - one strong hit flags the chat; weak hits flag only when two different signals occur close
//    together (within WEAK_WINDOW messages or lines).

import { FRAUD_WARNING, NEGATION, SCAM_RULES } from './scam-rules';
import type { ScamRule } from './scam-rules';
import { excerptAround, lastBefore } from './text';
import type { ScamResult, ScamSignal } from './types';

export interface ScamMessage {
  text: string;
  index?: number;
  line?: number;
}

interface Unit {
  text: string;
  messageIndex?: number;
  line?: number;
}

/** How many messages (or OCR lines) apart two weak signals may be and still count together. */
const WEAK_WINDOW = 6;
const CLAUSE_BREAK = /[，,。！？!?；;\n]/;
const SENTENCE_BREAK = /[。！？!?\n]/;
const CJK = /[\u3400-\u9fff]/;
/** Weak signals that adverts use all the time: as a pair they need refund talk nearby. */
const ADVERT_WORDS: ReadonlySet<ScamSignal['id']> = new Set(['private-contact', 'qr-refund']);
const REFUND_TALK = /退款|理赔|赔付|赔偿|退税|丢件|丢失|破损|订单(?:异常|有问题|出现问题|失效)|质量问题|冻结|激活/;
/** "不满意可以退货", "七天无理由": the seller promising returns, not a refund being arranged. */
const SALES_PROMISE = /不满意|包退|包换|无理由|放心购买|售后无忧/;

const globalCopy = (r: RegExp): RegExp => new RegExp(r.source, r.flags.includes('g') ? r.flags : `${r.flags}g`);
const COMPILED = SCAM_RULES.map((rule) => ({ rule, strong: rule.strong.map(globalCopy), weak: rule.weak.map(globalCopy) }));
// Words a wrapped chat bubble may split across two OCR lines.
const KEYWORDS = new RegExp(
  [...SCAM_RULES.flatMap((r) => r.weak.map((w) => w.source)), '共享屏幕', '屏幕共享', '安全账户', '会议软件'].join('|'),
  'g',
);

/** Offsets of every break character in a unit, computed once per unit and break kind. */
function breakOffsets(text: string, breaks: RegExp): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) if (breaks.test(text[i] ?? '')) out.push(i);
  return out;
}

/** The clause or sentence around [start, end): from after the last break before it to the next break. */
function spanBounds(text: string, offsets: readonly number[], start: number, end: number): [number, number] {
  const before = offsets[lastBefore(offsets, (o) => o < start)];
  const after = offsets[lastBefore(offsets, (o) => o < end) + 1];
  return [before === undefined ? 0 : before + 1, after ?? text.length];
}

/**
 * One unit's text with its clause and sentence breaks, and the verdicts already reached. A hit that
 * fails because its clause says not to (a negation before it, an ignore phrase) fails for every later
 * hit in that clause, and a sentence that names the move as fraud covers every hit in it: so each
 * clause and sentence is judged once, and a message repeating one word thousands of times stays linear.
 */
class UnitText {
  private clauses: number[] | null = null;
  private sentences: number[] | null = null;
  constructor(readonly text: string) {}

  clauseOf(start: number, end: number): [number, number] {
    this.clauses ??= breakOffsets(this.text, CLAUSE_BREAK);
    return spanBounds(this.text, this.clauses, start, end);
  }

  sentenceOf(start: number, end: number): [number, number] {
    this.sentences ??= breakOffsets(this.text, SENTENCE_BREAK);
    return spanBounds(this.text, this.sentences, start, end);
  }
}

function firstHit(unit: UnitText, patterns: readonly RegExp[], ignore: readonly RegExp[]): RegExpMatchArray | null {
  const { text } = unit;
  for (const re of patterns) {
    // Per pattern: its matches come in text order, so a negation found before one hit is before every
    // later hit in the clause. Another pattern may hit earlier in the same clause, before the negation.
    const deadClauses = new Set<number>();
    const warnedSentences = new Set<number>();
    for (const m of text.matchAll(re)) {
      if (m[0] === '') continue;
      const start = m.index;
      const end = start + m[0].length;
      const [cFrom, cTo] = unit.clauseOf(start, end);
      if (deadClauses.has(cFrom)) continue;
      // Only a negation before (or inside) the match: "共享屏幕不会泄露隐私" is still the scam talking.
      if (NEGATION.test(text.slice(cFrom, end)) || ignore.some((r) => r.test(text.slice(cFrom, cTo)))) {
        deadClauses.add(cFrom);
        continue;
      }
      const [sFrom, sTo] = unit.sentenceOf(start, end);
      if (warnedSentences.has(sFrom)) continue;
      if (FRAUD_WARNING.test(text.slice(sFrom, sTo))) {
        warnedSentences.add(sFrom);
        continue;
      }
      return m;
    }
  }
  return null;
}

function scanUnit(unit: Unit, text: UnitText, compiled: { rule: ScamRule; strong: RegExp[]; weak: RegExp[] }): ScamSignal | null {
  const { rule } = compiled;
  const ignore = rule.ignore ?? [];
  let strength: ScamSignal['strength'] = 'strong';
  let m = firstHit(text, compiled.strong, ignore);
  if (!m) {
    strength = 'weak';
    m = firstHit(text, compiled.weak, [...ignore, ...(rule.ignoreWeak ?? [])]);
  }
  if (!m) return null;
  const signal: ScamSignal = {
    id: rule.id,
    label: rule.label,
    strength,
    excerpt: excerptAround(unit.text, m.index ?? 0, (m.index ?? 0) + m[0].length),
  };
  if (unit.messageIndex !== undefined) signal.messageIndex = unit.messageIndex;
  if (unit.line !== undefined) signal.line = unit.line;
  return signal;
}

/**
 * Joins lines of one message: a run of white space holding a line break becomes nothing between two
 * CJK characters and one space otherwise. Whole runs are matched once each (no backtracking over a
 * long run of spaces, which a message may hold on purpose).
 */
function flatten(text: string): string {
  if (!text.includes('\n')) return text;
  return text.replace(/\s+/g, (gap: string, offset: number, all: string) => {
    if (!gap.includes('\n')) return gap;
    const before = all[offset - 1] ?? '';
    const after = all[offset + gap.length] ?? '';
    return CJK.test(before) && CJK.test(after) ? '' : ' ';
  });
}

/** OCR lines; two lines become one unit when a signal word is split across them by bubble wrapping. */
function linesToUnits(text: string): Unit[] {
  const lines = text.split('\n');
  const units: Unit[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const next = lines[i + 1];
    if (next !== undefined && !/[。！？!?]$/.test(line)) {
      const joined = line + next;
      const wrapped = [...joined.matchAll(KEYWORDS)].some((k) => k.index < line.length && k.index + k[0].length > line.length);
      if (wrapped) {
        units.push({ text: joined, line: i + 1 });
        i++;
        continue;
      }
    }
    if (line.trim() !== '') units.push({ text: line, line: i + 1 });
  }
  return units;
}

/**
 * Plain text is scanned line by line (signals carry `line`); chat messages one by one (signals carry
 * `messageIndex`, and `line` when the message has one).
 */
export function detectScam(input: string | readonly ScamMessage[]): ScamResult {
  const units: Unit[] =
    typeof input === 'string'
      ? linesToUnits(input)
      : input.map((msg, i) => {
          const unit: Unit = { text: flatten(msg.text), messageIndex: msg.index ?? i };
          if (msg.line !== undefined) unit.line = msg.line;
          return unit;
        });
  const signals: ScamSignal[] = [];
  const weak: Array<{ id: ScamSignal['id']; unit: number }> = [];
  units.forEach((unit, u) => {
    const text = new UnitText(unit.text);
    for (const compiled of COMPILED) {
      const signal = scanUnit(unit, text, compiled);
      if (!signal) continue;
      signals.push(signal);
      if (signal.strength === 'weak') weak.push({ id: signal.id, unit: u });
    }
  });
  const strong = signals.some((s) => s.strength === 'strong');
  // Units that talk about a refund or claim (not a shop's promise to take goods back), by index.
  const refundTalk = units.flatMap((unit, u) => (REFUND_TALK.test(unit.text) && !SALES_PROMISE.test(unit.text) ? [u] : []));
  const nearRefundTalk = (u: number): boolean => refundTalk.some((r) => Math.abs(r - u) <= WEAK_WINDOW);
  // Two weak words count together only when they are close: a long chat mentions many things. 加微信
  // and 扫二维码 together are also every group-chat advert; they count only next to refund talk.
  const weakPair = weak.some((a) =>
    weak.some((b) => a.id !== b.id && Math.abs(a.unit - b.unit) <= WEAK_WINDOW && (!ADVERT_WORDS.has(a.id) || !ADVERT_WORDS.has(b.id) || nearRefundTalk(a.unit) || nearRefundTalk(b.unit))),
  );
  return { scam: strong || weakPair, signals };
}

// Puts the extractors together for one OCR'd screenshot or one imported chat log, and shapes the
// result for the `scan` CLI contract (issue 3).

import { extractAmount, readAmount } from './amount';
import { indexWords, toField } from './boxes';
import { classifyPage } from './classify';
import { cleanOcrText } from './cleanup';
import { extractIds } from './ids';
import type { IdHit } from './ids';
import { detectScam } from './scam';
import { extractTimestamps } from './timestamps';
import type { WordIndex } from './boxes';
import type { ExtractKind, ExtractPlatform, Extraction, Field, IdField, OcrPage, ParsedChatLog, ScanJson } from './types';

/** What the caller knows from outside the text (e.g. bubble colours in the pixels); it wins over the words. */
export interface ExtractHints {
  kind?: ExtractKind;
  platform?: ExtractPlatform;
}

export interface ExtractOptions {
  /** Local "YYYY-MM-DDTHH:mm:ss" the screenshot was taken, for 昨天/星期三/HH:mm stamps. */
  capturedAt: string | null;
  /** Whether that capture time is trustworthy (captureTrust of its source); see TimestampOptions. */
  anchorTrusted: boolean;
  hints?: ExtractHints;
}

export interface SplitTimes {
  timestamps: Field[];
  approxTimestamps: Field[];
  captureSuspect: boolean;
}

/**
 * Exact times stay in timestamps; an approximate one, or a resolved one that lands after the capture
 * (impossible: it is not moved to another day, the capture time is flagged instead), goes to the
 * approximate list. A time shown whole on screen stays exact even when later than the capture.
 */
export function splitTimes(fields: readonly Field[]): SplitTimes {
  const timestamps: Field[] = [];
  const approxTimestamps: Field[] = [];
  for (const f of fields) (f.basis === 'approx' || (f.afterCapture && f.basis === 'inferred') ? approxTimestamps : timestamps).push(f);
  return { timestamps, approxTimestamps, captureSuspect: fields.some((f) => f.afterCapture) };
}

/** Re-resolves the timestamps of an extraction against another capture time (the buyer set one). */
export function reresolveTimes(extraction: Extraction, capturedAt: string | null, anchorTrusted: boolean): Extraction {
  const chatStamps = extraction.kind === 'chat';
  const old = [...extraction.timestamps, ...(extraction.approxTimestamps ?? [])];
  const fields = extractTimestamps(extraction.text, { capturedAt, anchorTrusted, chatStamps }).map((h): Field => {
    // The same stamp on the same line keeps its box and the second reader's verdict.
    const was = old.find((f) => f.line === h.line && (f.label ?? null) === (h.label ?? null));
    const field: Field = { value: h.value, confidence: was?.confidence ?? h.confidence, box: was?.box ?? null, line: h.line, basis: h.basis ?? 'shown' };
    if (h.label !== undefined) field.label = h.label;
    if (h.afterCapture) field.afterCapture = true;
    if (was?.agree !== undefined) field.agree = was.agree;
    return field;
  });
  const split = splitTimes(fields);
  const { captureSuspect: _drop, ...rest } = extraction;
  return { ...rest, timestamps: split.timestamps, approxTimestamps: split.approxTimestamps, ...(split.captureSuspect ? { captureSuspect: true as const } : {}) };
}

/**
 * The most text any one extraction reads. OCR of the longest accepted screenshot is far shorter; a chat
 * export can be megabytes of the counterparty's words, and every extractor is linear, but a buyer
 * should not wait on a flood. Past the cap fields come from the first part, with a notice.
 */
export const MAX_EXTRACT_CHARS = 1_000_000;
/** A chat message longer than this is a paste, not talk: its fields come from its first part. */
export const MAX_MESSAGE_CHARS = 20_000;

function idFields(hits: readonly IdHit[], text: string, index: WordIndex | null): IdField[] {
  return hits.map((h) => ({ ...toField(h, text, index), scheme: h.scheme }));
}

export function extractFields(page: OcrPage, opts: ExtractOptions): Extraction {
  const cut = page.text.length > MAX_EXTRACT_CHARS;
  const text = cleanOcrText(cut ? page.text.slice(0, MAX_EXTRACT_CHARS) : page.text);
  const index = page.words && page.words.length > 0 ? indexWords(page.words) : null;
  const guessed = classifyPage(text);
  const kind = opts.hints?.kind ?? guessed.kind;
  const platform = opts.hints?.platform ?? guessed.platform;
  const ids = extractIds(text, { platform, kind });
  const { amount, choices } = readAmount(text, { kind });
  const scam = detectScam(text);
  const times = splitTimes(extractTimestamps(text, { capturedAt: opts.capturedAt, anchorTrusted: opts.anchorTrusted, chatStamps: kind === 'chat' }).map((h) => toField(h, text, index)));
  return {
    platform,
    kind,
    orderNumbers: idFields(ids.orderNumbers, text, index),
    transactionIds: idFields(ids.transactionIds, text, index),
    trackingNumbers: idFields(ids.trackingNumbers, text, index),
    timestamps: times.timestamps,
    approxTimestamps: times.approxTimestamps,
    ...(times.captureSuspect ? { captureSuspect: true as const } : {}),
    amount: amount ? toField(amount, text, index) : null,
    ...(choices.length > 1 ? { amountChoices: choices } : {}),
    scam: scam.scam,
    scamSignals: scam.signals,
    text,
    ...(cut ? { truncated: true as const } : {}),
  };
}

/** One line per message, "YYYY-MM-DD HH:mm:ss 昵称: text", for search and the CLI's `text`. */
export function chatLogTranscript(parsed: ParsedChatLog): string {
  return parsed.messages
    .map((m) => {
      const head = [m.at?.replace('T', ' '), m.sender].filter((p) => p !== undefined && p !== '').join(' ');
      return head === '' ? m.text : `${head}: ${m.text}`;
    })
    .join('\n');
}

function withLine<T extends Field>(field: T, line: number): T {
  return { ...field, line };
}

function dedupe<T extends Field>(fields: readonly T[]): T[] {
  const best = new Map<string, T>();
  for (const f of fields) {
    const seen = best.get(f.value);
    if (!seen || f.confidence > seen.confidence) best.set(f.value, f);
  }
  return [...best.values()];
}

/** Each message's text as the extractors read it: its first MAX_MESSAGE_CHARS, within one overall budget. */
function readableTexts(messages: ParsedChatLog['messages']): { texts: string[]; cut: boolean } {
  let budget = MAX_EXTRACT_CHARS;
  let cut = false;
  const texts = messages.map((m) => {
    const take = Math.max(0, Math.min(m.text.length, MAX_MESSAGE_CHARS, budget));
    if (take < m.text.length) cut = true;
    budget -= take;
    return m.text.slice(0, take);
  });
  return { texts, cut };
}

/**
 * Chat logs have exact send times, so each message's own time is a timestamp; absolute times written
 * inside messages are added too. Ids and the amount are read message by message (no platform
 * guessing: short JD-style numbers are not taken from free chat text).
 */
export function extractFromChatLog(parsed: ParsedChatLog): Extraction {
  const orderNumbers: IdField[] = [];
  const transactionIds: IdField[] = [];
  const trackingNumbers: IdField[] = [];
  const timestamps: Field[] = [];
  let amount: Field | null = null;
  const { texts, cut } = readableTexts(parsed.messages);

  for (const [i, m] of parsed.messages.entries()) {
    if (m.at !== null) timestamps.push({ value: m.at, confidence: m.malformed ? 0.6 : 1, box: null, line: m.line });
    const read = texts[i] ?? '';
    if (read === '') continue;
    const text = cleanOcrText(read);
    const ids = extractIds(text);
    orderNumbers.push(...idFields(ids.orderNumbers, text, null).map((f) => withLine(f, m.line)));
    transactionIds.push(...idFields(ids.transactionIds, text, null).map((f) => withLine(f, m.line)));
    trackingNumbers.push(...idFields(ids.trackingNumbers, text, null).map((f) => withLine(f, m.line)));
    // Relative stamps inside a message would resolve against the wrong day, so only absolute ones.
    // The message's own time is exact, so a yearless date inside it takes that year exactly.
    // A date later than its own message is a promise ("11月20日前发货"), not a wrong clock: no flag.
    for (const h of extractTimestamps(text, { capturedAt: m.at, anchorTrusted: true, chatStamps: false })) {
      const { afterCapture: _promise, ...hit } = h;
      timestamps.push(withLine(toField(hit, text, null), m.line));
    }
    const found = extractAmount(text, { kind: 'chat' });
    if (found && (!amount || found.confidence > amount.confidence)) amount = withLine(toField(found, text, null), m.line);
  }

  const scam = detectScam(parsed.messages.map((m, i) => ({ text: texts[i] ?? '', index: m.index, line: m.line })));
  return {
    platform: parsed.format === 'qq-txt' ? 'qq' : 'wechat',
    kind: 'chat',
    orderNumbers: dedupe(orderNumbers),
    transactionIds: dedupe(transactionIds),
    trackingNumbers: dedupe(trackingNumbers),
    timestamps: dedupe(timestamps),
    amount,
    scam: scam.scam,
    scamSignals: scam.signals,
    text: chatLogTranscript(parsed),
    ...(cut ? { truncated: true as const } : {}),
  };
}

/**
 * The `scan` line without `file` (the caller writes `{ file, ...toScanJson(...) }`). Signal ids are
 * listed only when the chat is flagged: a lone weak word is not worth a warning.
 */
export function toScanJson(result: Extraction, capturedAt: string | null, capturedAtSource: string | null): ScanJson {
  const dateTimes = (fields: readonly Field[]) => fields.map((f) => f.value).filter((v) => v.includes('T'));
  return {
    capturedAt,
    capturedAtSource,
    platform: result.platform,
    kind: result.kind,
    orderNumbers: result.orderNumbers.map((f) => f.value),
    transactionIds: result.transactionIds.map((f) => f.value),
    // The contract's shape is date-times only. A date shown without a time (a policy's 生效日期) is kept
    // in the Extraction for the case timeline, but left out here: as "YYYY-MM-DD" it breaks the shape,
    // and as "YYYY-MM-DDT00:00" it would claim a time nobody saw, i.e. a false timestamp.
    timestamps: dateTimes(result.timestamps),
    approxTimestamps: dateTimes(result.approxTimestamps ?? []),
    ...(result.captureSuspect ? { captureSuspect: true as const } : {}),
    amount: result.amount?.value ?? null,
    scam: result.scam,
    scamSignals: result.scam ? [...new Set(result.scamSignals.map((s) => s.id))] : [],
    text: result.text,
    ...(result.truncated ? { truncated: true as const } : {}),
  };
}

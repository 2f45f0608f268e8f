// Building search rows from an evidence item: display text, date, chunks and index terms.
import { indexTerms } from './grams';
import type { EvidenceRecord } from '../domain/evidence';
import type { ExtractionRecord } from '../domain/review';
import type { SearchDoc, SearchDocInput } from './types';

/** Rows are cut near this many characters; long chat logs become several rows. */
export const CHUNK_CHARS = 2000;
/** Chunks overlap by this much so a phrase across a cut is still found whole in one row. */
export const CHUNK_OVERLAP = 64;

const CJK_GAP = /([\p{Script=Han}\u3000-\u303f\uff00-\uffef])[ \t\u3000]+(?=[\p{Script=Han}\u3000-\u303f\uff00-\uffef])/gu;

/**
 * Display normalisation: one space for any run of blanks, no blanks between CJK characters (OCR
 * puts them there: "卡 密 无 效"), blank lines and line-edge spaces dropped. Idempotent, and kept
 * readable: matching ignores spaces and punctuation anyway (see compact), snippets show this text.
 */
export function tidyText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\f\v\u00a0\u3000]+/g, ' ').replace(CJK_GAP, '$1').trim())
    .filter((line) => line !== '')
    .join('\n');
}

export interface SearchSource {
  evidenceId: string;
  caseId: string;
  kind: string;
  /** An extract platform; "unknown" is stored as "". */
  platform: string;
  /** Local "YYYY-MM-DDTHH:mm:ss" capture time. */
  capturedAt: string;
  title: string;
  note: string;
  ocrText?: string;
  messages?: readonly { sender: string; text: string }[];
}

/** Local "YYYY-MM-DD" of a local date-time, or "" when it is not one. */
export function toSearchDate(localDateTime: string): string {
  return /^\d{4}-\d{2}-\d{2}(?:$|[T ])/.test(localDateTime) ? localDateTime.slice(0, 10) : '';
}

/** The one input row for an evidence item: title, note, OCR text and chat lines, tidied. */
export function toSearchDocInput(src: SearchSource): SearchDocInput {
  const lines = [src.title, src.note, src.ocrText ?? '', ...(src.messages ?? []).map((m) => `${m.sender}: ${m.text}`)];
  return {
    evidenceId: src.evidenceId,
    caseId: src.caseId,
    kind: src.kind,
    platform: src.platform === 'unknown' ? '' : src.platform,
    date: toSearchDate(src.capturedAt),
    title: src.title,
    text: tidyText(lines.join('\n')),
  };
}

const isLowSurrogate = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** Splits at line ends where possible (a chat message stays whole), never inside a surrogate pair. */
export function chunkText(text: string, size = CHUNK_CHARS, overlap = CHUNK_OVERLAP): string[] {
  if (text.length <= size) return [text];
  const chunks: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > start + size / 2) end = nl;
      else if (isLowSurrogate(text, end)) end--;
    }
    chunks.push(text.slice(start, end));
    if (end >= text.length) break;
    let next = Math.max(start + 1, end - overlap);
    if (isLowSurrogate(text, next)) next++;
    start = next;
  }
  return chunks;
}

const UNDATED = '0000-00-00';
/** 9 − d for every digit: the date key that sorts newest first (undated rows last). */
const invert = (date: string) => date.replace(/\d/g, (d) => String(9 - Number(d)));

/**
 * Row ids sort newest first, then by evidence id, then chunk: "7973-88-84|<evidenceId>#2" for
 * 2026-11-15 (each digit d stored as 9 − d). Chromium reads an index forwards several times faster
 * than backwards, so a posting list read in key order is newest first, and each id it returns
 * carries its row's date without reading the row (see walk.ts).
 */
export function rowId(date: string, evidenceId: string, chunk = 0): string {
  return `${invert(date || UNDATED)}|${evidenceId}${chunk === 0 ? '' : `#${chunk}`}`;
}

/** Date of a row id; "" for undated rows. */
export function rowDate(id: string): string {
  const date = invert(id.slice(0, UNDATED.length));
  return date === UNDATED ? '' : date;
}

/** Evidence id of a row id. */
export function rowEvidenceId(id: string): string {
  return id.slice(UNDATED.length + 1).replace(/#\d+$/, '');
}

/** Inclusive row-id bounds of a date range ("" for an open end): newest end first. */
export function rowRange(dateFrom = '', dateTo = ''): { lo: string; hi: string } {
  return { lo: dateTo ? invert(dateTo) : '', hi: `${invert(dateFrom || UNDATED)}|\uffff` };
}

/**
 * A pseudo-term for kind and platform together, stored among the grams. Both filters at once
 * (chats on pdd) are a few percent of the rows, while each alone is a large share; without a
 * compound index, intersecting two large posting lists would cost far more than this one lookup.
 * It starts with U+0001, which compact text never contains, so no query term can collide with it.
 */
export function kindPlatformTerm(kind: string, platform: string): string {
  return `\u0001${kind}\u0001${platform}`;
}

/** The stored rows of one evidence item, index terms computed. */
export function toSearchRows(input: SearchDocInput): SearchDoc[] {
  const text = tidyText(input.text);
  const extra = kindPlatformTerm(input.kind, input.platform);
  return chunkText(text).map((chunk, n) => ({ ...input, id: rowId(input.date, input.evidenceId, n), text: chunk, grams: [...indexTerms(chunk), extra] }));
}

/** One evidence item as the index sees it: its own fields plus what OCR or the chat parser read. */
export function searchInput(item: EvidenceRecord, record: Pick<ExtractionRecord, 'extraction' | 'messages'> | undefined): SearchDocInput {
  return toSearchDocInput({
    evidenceId: item.id,
    caseId: item.caseId,
    kind: item.kind,
    platform: record?.extraction.platform ?? '',
    capturedAt: item.capturedAt,
    title: item.title,
    note: item.note,
    ...(record ? (record.messages ? { messages: record.messages } : { ocrText: record.extraction.text }) : {}),
  });
}

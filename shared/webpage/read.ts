// Reads a saved web page (MHTML or HTML) into its provenance and visible text. Pure, bounded, and
// strict about structure: a file that is not what it claims, or was cut off, is refused with a
// sentence saying why (the caller names the file). Nothing the page names is ever fetched.
import { shanghaiDateTime } from '../domain/captureTime';
import { binaryString, decodeCharset, decodeEncodedWords, parseContentType, parseHeaders, partBody, splitMultipart } from './mime';
import type { MimePart } from './mime';
import { declaredCharset, htmlTitle, htmlToText, savedFromUrl } from './html';
import { PROVENANCE_LIMITS, type PageFormat, type PageProvenance } from './provenance';

export class PageReadError extends Error {
  constructor(
    readonly code: 'corrupt-file' | 'truncated' | 'unsupported-type',
    message: string,
  ) {
    super(message);
    this.name = 'PageReadError';
  }
}

export interface SavedPage {
  provenance: PageProvenance;
  text: string;
  /** True when the text stopped at the bound (a huge page) or the file was read only in part. */
  truncated: boolean;
  /** The document itself, decoded, for rendering; MHTML pages render from their own file instead. */
  html: string;
}

export interface ReadOptions {
  /** False when `bytes` is only the first part of a larger file: a missing end marker is then expected. */
  complete?: boolean;
  maxTextChars?: number;
}

const clip = (s: string | null, max: number): string | null => (s === null ? null : s.length <= max ? s : s.slice(0, max));

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** An RFC 5322 date ("Fri, 4 Dec 2026 16:05:09 +0800", "… GMT") as an epoch; null unless it is one. */
export function parseMailDate(value: string): number | null {
  const m = /^\s*(?:[A-Za-z]{3},\s*)?(\d{1,2})\s+([A-Za-z]{3})\s+(\d{4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([+-]\d{4}|GMT|UTC|UT|Z)?\s*(?:\(.*\))?\s*$/.exec(value);
  if (!m) return null;
  const month = MONTHS.indexOf((m[2] ?? '').toLowerCase());
  const [day, year, hour, minute, second] = [m[1], m[3], m[4], m[5], m[6] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 0 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  const zone = m[7] ?? 'GMT';
  const offsetMin = /^[+-]/.test(zone) ? (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5))) : 0;
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offsetMin * 60_000;
  // Date.UTC rolls 31 Feb into March: a date that was not real is refused.
  const check = new Date(utc + offsetMin * 60_000);
  return check.getUTCDate() === day && check.getUTCMonth() === month ? utc : null;
}

function isHtmlPart(part: MimePart): boolean {
  const type = parseContentType(part.headers.get('content-type')).type;
  return type === 'text/html' || type === 'application/xhtml+xml';
}

function decodePart(part: MimePart): string {
  const bytes = partBody(part);
  const charset = parseContentType(part.headers.get('content-type')).params.get('charset') ?? null;
  if (charset !== null) return decodeCharset(bytes, charset);
  return decodeCharset(bytes, declaredCharset(binaryString(bytes.subarray(0, 8192))));
}

function readMhtml(bytes: Uint8Array, opts: ReadOptions): SavedPage {
  const s = binaryString(bytes);
  const head = parseHeaders(s, 0);
  if (head === null) throw new PageReadError('corrupt-file', 'This is not a valid MHTML page: its MIME header is missing or damaged.');
  const { headers } = head;
  const ct = parseContentType(headers.get('content-type'));
  let document: MimePart;
  let resources = 0;
  if (ct.type.startsWith('multipart/')) {
    const boundary = ct.params.get('boundary');
    if (!boundary) throw new PageReadError('corrupt-file', 'This is not a valid MHTML page: it names no part boundary.');
    const split = splitMultipart(s, head.bodyStart, boundary);
    if (!split.closed && opts.complete !== false) {
      throw new PageReadError('truncated', 'The saved page is truncated: its MHTML end marker is missing (an interrupted save or copy).');
    }
    const location = headers.get('snapshot-content-location');
    const main = split.parts.find((p) => isHtmlPart(p) && location !== undefined && p.headers.get('content-location') === location) ?? split.parts.find(isHtmlPart);
    if (main === undefined) throw new PageReadError('corrupt-file', 'This MHTML file holds no web page (no text/html part).');
    document = main;
    resources = split.parts.length - 1;
  } else if (ct.type === 'text/html') {
    document = { headers, raw: s.slice(head.bodyStart) };
  } else {
    throw new PageReadError('corrupt-file', 'This is not a valid MHTML page: it is neither multipart nor HTML.');
  }
  const html = decodePart(document);
  const dateRaw = headers.get('date') ?? null;
  const epoch = dateRaw === null ? null : parseMailDate(dateRaw);
  const subject = headers.get('subject');
  const url = headers.get('snapshot-content-location') ?? document.headers.get('content-location') ?? null;
  const body = htmlToText(html, opts.maxTextChars);
  return {
    provenance: {
      format: 'mhtml',
      url: clip(url, PROVENANCE_LIMITS.url),
      title: clip(htmlTitle(html) ?? (subject === undefined ? null : decodeEncodedWords(subject).trim() || null), PROVENANCE_LIMITS.title),
      savedAt: epoch === null ? null : shanghaiDateTime(epoch),
      savedAtRaw: clip(dateRaw, PROVENANCE_LIMITS.raw),
      resources,
    },
    text: body.text,
    truncated: body.truncated || opts.complete === false,
    html,
  };
}

function readHtml(bytes: Uint8Array, opts: ReadOptions, resources: number): SavedPage {
  const head = binaryString(bytes.subarray(0, 8192));
  const html = decodeCharset(bytes, declaredCharset(head));
  if (!/<[a-zA-Z!]/.test(html.slice(0, 64 * 1024))) throw new PageReadError('corrupt-file', 'This is not a web page: it holds no HTML markup.');
  const body = htmlToText(html, opts.maxTextChars);
  return {
    provenance: { format: 'html', url: clip(savedFromUrl(head), PROVENANCE_LIMITS.url), title: clip(htmlTitle(html), PROVENANCE_LIMITS.title), savedAt: null, savedAtRaw: null, resources },
    text: body.text,
    truncated: body.truncated || opts.complete === false,
    html,
  };
}

/** The saved page in `bytes`, as its format (from detection) says it is. */
export function readSavedPage(bytes: Uint8Array, format: PageFormat, opts: ReadOptions = {}, resources = 0): SavedPage {
  if (bytes.length === 0) throw new PageReadError('corrupt-file', 'The file is empty (0 bytes).');
  return format === 'mhtml' ? readMhtml(bytes, opts) : readHtml(bytes, opts, resources);
}

/** Content sniffing for detection: the first bytes of an MHTML file or an HTML document. */
export function sniffPage(head: Uint8Array): PageFormat | null {
  const start = binaryString(head.subarray(0, 4096)).replace(/^\xef\xbb\xbf/, '');
  const lower = start.toLowerCase();
  const headerEnd = lower.search(/\r?\n\r?\n/);
  const headerBlock = headerEnd === -1 ? lower : lower.slice(0, headerEnd);
  if (/^[a-z-]+:/.test(lower) && /(^|\n)mime-version:/.test(headerBlock) && /(^|\n)content-type:\s*(multipart\/related|text\/html)/.test(headerBlock)) return 'mhtml';
  const trimmed = lower.trimStart();
  if (/^(<!--\s*saved from url=|<!doctype html|<html[\s>])/.test(trimmed)) return 'html';
  return null;
}

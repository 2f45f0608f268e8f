// A small, bounded MIME reader for MHTML ("网页，单个文件" in Chrome and Edge): the message headers,
// the multipart/related parts, quoted-printable and base64 bodies, RFC 2047 encoded words and
// charsets (GBK pages included). Pure and linear in its input; it never follows anything a part names.

/** The bytes as a "binary string": one UTF-16 unit per byte, so offsets match and nothing is lost. */
export function binaryString(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) parts.push(String.fromCharCode(...bytes.subarray(i, i + 0x8000)));
  return parts.join('');
}

export function binaryBytes(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export type Headers = ReadonlyMap<string, string>;

export interface Split {
  headers: Headers;
  /** Offset of the body in the string the headers came from. */
  bodyStart: number;
}

/** Header lines end at the first empty line; folded lines (leading blank) continue the previous one. */
export function parseHeaders(s: string, from = 0, maxHeaderBytes = 64 * 1024): Split | null {
  const limit = Math.min(s.length, from + maxHeaderBytes);
  const headers = new Map<string, string>();
  let pos = from;
  let last: string | null = null;
  while (pos < limit) {
    const end = s.indexOf('\n', pos);
    if (end === -1 || end > limit) return null;
    const line = s.slice(pos, end).replace(/\r$/, '');
    pos = end + 1;
    if (line === '') return { headers, bodyStart: pos };
    if (/^[ \t]/.test(line) && last !== null) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) return null;
    last = line.slice(0, colon).trim().toLowerCase();
    // The first of a repeated header wins: a later one cannot override what the browser wrote first.
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return null;
}

/** `type/subtype; a=b; c="d"` → the lower-case type and its parameters. */
export function parseContentType(value: string | undefined): { type: string; params: Map<string, string> } {
  const params = new Map<string, string>();
  if (value === undefined) return { type: '', params };
  const [type = '', ...rest] = value.split(';');
  for (const p of rest) {
    const eq = p.indexOf('=');
    if (eq <= 0) continue;
    const key = p.slice(0, eq).trim().toLowerCase();
    let v = p.slice(eq + 1).trim();
    if (v.startsWith('"')) v = v.slice(1, v.lastIndexOf('"') > 0 ? v.lastIndexOf('"') : undefined);
    params.set(key, v);
  }
  return { type: type.trim().toLowerCase(), params };
}

const hexValue = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);

/** Quoted-printable (RFC 2045): `=XX` bytes and `=` soft line breaks; a malformed `=` is kept as is. */
export function decodeQuotedPrintable(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== 61 /* = */) {
      out[n++] = c & 0xff;
      continue;
    }
    if (s[i + 1] === '\r' && s[i + 2] === '\n') {
      i += 2;
      continue;
    }
    if (s[i + 1] === '\n') {
      i += 1;
      continue;
    }
    const hi = hexValue(s.charCodeAt(i + 1));
    const lo = hexValue(s.charCodeAt(i + 2));
    if (hi >= 0 && lo >= 0) {
      out[n++] = hi * 16 + lo;
      i += 2;
    } else out[n++] = c;
  }
  return out.subarray(0, n);
}

const B64 = new Int16Array(256).fill(-1);
'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.split('').forEach((ch, i) => (B64[ch.charCodeAt(0)] = i));
B64['-'.charCodeAt(0)] = 62;
B64['_'.charCodeAt(0)] = 63;

/** Base64, skipping line breaks and any stray characters; a cut-off tail yields the whole bytes it holds. */
export function decodeBase64(s: string): Uint8Array {
  const out = new Uint8Array(Math.ceil((s.length * 3) / 4));
  let n = 0;
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    if (code === 61 /* = */) break;
    const v = code < 256 ? (B64[code] ?? -1) : -1;
    if (v < 0) continue;
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (acc >> bits) & 0xff;
    }
  }
  return out.subarray(0, n);
}

/** Page charset labels as the WHATWG Encoding standard reads them; GBK and GB2312 decode as GB18030. */
export function decodeCharset(bytes: Uint8Array, charset: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  const label = (charset ?? '').trim().toLowerCase();
  if (label !== '') {
    try {
      return new TextDecoder(/^(gbk|gb2312|gb_2312-80|x-gbk|cp936|gb18030)$/.test(label) ? 'gb18030' : label).decode(bytes);
    } catch {
      // An unknown label: guess as for a page that names none.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** RFC 2047 encoded words (`=?utf-8?Q?=E9=80=80?=`, `=?gbk?B?…?=`), as Chrome writes a title into Subject. */
export function decodeEncodedWords(value: string): string {
  // Blanks between two encoded words are not part of the text (RFC 2047 §6.2).
  const joined = value.replace(/(\?=)\s+(?==\?)/g, '$1');
  return joined.replace(/=\?([^?\s]{1,40})\?([bBqQ])\?([^?\s]*)\?=/g, (_m, charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B' ? decodeBase64(data) : decodeQuotedPrintable(data.replace(/_/g, ' '));
    return decodeCharset(bytes, charset);
  });
}

export interface MimePart {
  headers: Headers;
  /** Raw body, still transfer-encoded, as a binary string. */
  raw: string;
}

export function partBody(part: MimePart): Uint8Array {
  const enc = (part.headers.get('content-transfer-encoding') ?? '').trim().toLowerCase();
  if (enc === 'quoted-printable') return decodeQuotedPrintable(part.raw);
  if (enc === 'base64') return decodeBase64(part.raw);
  return binaryBytes(part.raw);
}

export interface Multipart {
  parts: MimePart[];
  /** False when the closing `--boundary--` never came: the file was cut off. */
  closed: boolean;
}

/** The parts between `--boundary` delimiter lines; at most `maxParts` (a page with 100,000 parts is hostile). */
export function splitMultipart(s: string, bodyStart: number, boundary: string, maxParts = 20_000): Multipart {
  const delimiter = `--${boundary}`;
  const parts: MimePart[] = [];
  let at = s.indexOf(delimiter, bodyStart);
  while (at !== -1 && parts.length < maxParts) {
    const after = at + delimiter.length;
    if (s.startsWith('--', after)) return { parts, closed: true };
    const lineEnd = s.indexOf('\n', after);
    if (lineEnd === -1) break;
    const next = s.indexOf(`\n${delimiter}`, lineEnd);
    const head = parseHeaders(s, lineEnd + 1);
    const end = next === -1 ? s.length : next;
    if (head !== null && head.bodyStart <= end) {
      const raw = s.slice(head.bodyStart, end).replace(/\r$/, '');
      parts.push({ headers: head.headers, raw });
    }
    if (next === -1) break;
    at = next + 1;
  }
  return { parts, closed: false };
}

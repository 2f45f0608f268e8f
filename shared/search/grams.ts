// Tokenisation for the search index. Text is reduced to a "compact" stream: NFKC (fullwidth →
// halfwidth), lower case, and only letters and digits kept, so the spaces OCR puts between Chinese
// characters and any punctuation vanish. The stream splits into runs of one class (Han, ASCII
// digits, other letters) and every position of a run yields one term: the n characters starting
// there, cut short at the run's end (n = 5 for digits, 3 for other letters). Han positions yield
// their bigram and also the single character.
//
// Why "tail-truncated n-grams": a query run of m ≥ n characters is found through its n-grams by
// equality, and a shorter one ("尾号1234") by a prefix range scan over the index, because at every
// position where it occurs some term starts with it. One term per character keeps the index linear
// and independent of n, so digits can use a long, selective n at no extra cost: "5678901" is found
// inside a 19-digit order number, even one OCR split with spaces.
//
// Why Han unigrams as well (≈40% more index entries): single-character queries are common in
// Chinese (and every search-as-you-type starts with one), and an exact term can be read newest
// first with a limit, which a prefix scan over many keys cannot (see walk.ts).

export type CharClass = 'han' | 'digit' | 'word';

/** Characters per term for each class; shorter digit and word terms are looked up as prefixes. */
export const GRAM_LENGTH: Readonly<Record<CharClass, number>> = { han: 2, digit: 5, word: 3 };

/** Hard cap on terms per row; chunking (CHUNK_CHARS) keeps real rows well below it. */
export const MAX_TERMS = 4096;

const HAN = /\p{Script=Han}/u;
const KEEP = /[\p{L}\p{N}]/u;
/** Normalised form of each non-ASCII code point seen: NFKC and lower-casing are slow per call. */
const normCache = new Map<number, string>();

function normaliseCodePoint(cp: number, ch: string): string {
  if (cp < 0x80) {
    if (cp >= 0x30 && cp <= 0x39) return ch;
    if (cp >= 0x61 && cp <= 0x7a) return ch;
    if (cp >= 0x41 && cp <= 0x5a) return String.fromCharCode(cp + 32);
    return '';
  }
  // The unified CJK block is by far the most common input and is its own NFKC form.
  if (cp >= 0x4e00 && cp <= 0x9fff) return ch;
  const hit = normCache.get(cp);
  if (hit !== undefined) return hit;
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) if (KEEP.test(c)) out += c;
  normCache.set(cp, out);
  return out;
}

export function classOf(ch: string): CharClass {
  const cp = ch.codePointAt(0) ?? 0;
  if (cp >= 0x30 && cp <= 0x39) return 'digit';
  if (cp < 0x80) return 'word';
  if (cp >= 0x4e00 && cp <= 0x9fff) return 'han';
  return HAN.test(ch) ? 'han' : 'word';
}

/** The compact stream as one string: what phrase matching compares (per row, per query). */
export function compact(text: string): string {
  // Per character with fast paths for ASCII and unified CJK: measured faster than whole-string
  // String.prototype.normalize, and it runs for every candidate row a search verifies.
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) out += text[i];
      else if (c >= 0x41 && c <= 0x5a) out += String.fromCharCode(c + 32);
    } else if (c >= 0x4e00 && c <= 0x9fff) out += text[i];
    else {
      const cp = text.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      out += normaliseCodePoint(cp, ch);
      i += ch.length - 1;
    }
  }
  return out;
}

export interface CompactMap {
  compact: string;
  /** For every UTF-16 unit of `compact`, the [start, end) of the source character it came from. */
  starts: Int32Array;
  ends: Int32Array;
}

/** The compact stream with a way back to source offsets, for highlighting. */
export function compactWithMap(text: string): CompactMap {
  let out = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let norm: string;
    let width = 1;
    if (c < 0x80 || (c >= 0x4e00 && c <= 0x9fff)) norm = normaliseCodePoint(c, text[i] ?? '');
    else {
      const cp = text.codePointAt(i) ?? c;
      const ch = String.fromCodePoint(cp);
      norm = normaliseCodePoint(cp, ch);
      width = ch.length;
    }
    for (let k = 0; k < norm.length; k++) {
      starts.push(i);
      ends.push(i + width);
    }
    out += norm;
    i += width - 1;
  }
  return { compact: out, starts: Int32Array.from(starts), ends: Int32Array.from(ends) };
}

/** Runs of one class in the compact stream, as arrays of code points (Han extension B is astral). */
function runs(stream: string): { cls: CharClass; chars: string[] }[] {
  const out: { cls: CharClass; chars: string[] }[] = [];
  let current: { cls: CharClass; chars: string[] } | undefined;
  for (const ch of stream) {
    const cls = classOf(ch);
    if (!current || current.cls !== cls) {
      current = { cls, chars: [] };
      out.push(current);
    }
    current.chars.push(ch);
  }
  return out;
}

function runTerms(cls: CharClass, chars: readonly string[], into: Set<string>, whole: boolean): void {
  const n = GRAM_LENGTH[cls];
  if (cls === 'han') {
    // A query of two or more characters needs only its bigrams; its characters come with them.
    const unigrams = whole || chars.length === 1;
    for (let p = 0; p < chars.length; p++) {
      if (unigrams) into.add(chars[p] ?? '');
      if (p + 1 < chars.length) into.add(`${chars[p]}${chars[p + 1]}`);
    }
    return;
  }
  if (!whole && chars.length < n) {
    into.add(chars.join(''));
    return;
  }
  // Queries only need the full n-grams; the index also needs the short tail terms.
  const last = whole ? chars.length : chars.length - n + 1;
  for (let p = 0; p < last; p++) {
    let term = '';
    for (let k = p; k < p + n && k < chars.length; k++) term += chars[k];
    into.add(term);
  }
}

/** Unique index terms of a text, in order of first appearance, at most MAX_TERMS. */
export function indexTerms(text: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(compact(text))) {
    runTerms(run.cls, run.chars, terms, true);
    if (terms.size >= MAX_TERMS) break;
  }
  return [...terms].slice(0, MAX_TERMS);
}

/**
 * Lookup terms for a query: every document whose compact text contains the compact query has, for
 * each term t, an index term equal to t — or starting with t when isPrefixTerm(t).
 */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>();
  for (const run of runs(compact(query))) runTerms(run.cls, run.chars, terms, false);
  return [...terms];
}

/** Terms shorter than their class's n-gram must be looked up with a prefix (range) scan. */
export function isPrefixTerm(term: string): boolean {
  const first = term.codePointAt(0);
  if (first === undefined) return false;
  const cls = classOf(String.fromCodePoint(first));
  return cls !== 'han' && [...term].length < GRAM_LENGTH[cls];
}

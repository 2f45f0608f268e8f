// Turns text hits into Fields with a box on the screenshot. A value may span several tesseract words
// (a label glued to it, a number split in two), so matching runs over the concatenated words.

import { matchKey } from './cleanup';
import type { BBox, Field, OcrWord, TextHit } from './types';

export interface WordIndex {
  /** Concatenated match keys of all words. */
  stream: string;
  /** For each character of `stream`, the word it came from. */
  owner: number[];
  words: readonly OcrWord[];
}

export function indexWords(words: readonly OcrWord[]): WordIndex {
  let stream = '';
  const owner: number[] = [];
  words.forEach((w, i) => {
    const key = matchKey(w.text);
    stream += key;
    for (let k = 0; k < key.length; k++) owner.push(i);
  });
  return { stream, owner, words };
}

function occurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1)) found.push(at);
  return found;
}

function union(boxes: readonly BBox[]): BBox | null {
  const [first, ...rest] = boxes;
  if (!first) return null;
  return rest.reduce<BBox>(
    (u, b) => ({ x0: Math.min(u.x0, b.x0), y0: Math.min(u.y0, b.y0), x1: Math.max(u.x1, b.x1), y1: Math.max(u.y1, b.y1) }),
    { ...first },
  );
}

export interface Located {
  box: BBox;
  /** Mean tesseract confidence of the words, 0–1. */
  ocrConfidence: number;
}

/**
 * Finds the n-th occurrence of `raw` in the words, where n is how many times it occurred earlier in
 * the page text, so a value repeated on screen gets the box of the copy that was actually extracted.
 */
export function locate(index: WordIndex, pageText: string, hit: Pick<TextHit, 'start' | 'end'>): Located | null {
  const needle = matchKey(pageText.slice(hit.start, hit.end));
  const spots = occurrences(index.stream, needle);
  if (spots.length === 0) return null;
  const earlier = occurrences(matchKey(pageText.slice(0, hit.start)), needle).length;
  const at = spots[Math.min(earlier, spots.length - 1)] ?? 0;
  const wordIds = [...new Set(index.owner.slice(at, at + needle.length))];
  const words = wordIds.map((i) => index.words[i]).filter((w): w is OcrWord => w !== undefined);
  const box = union(words.map((w) => w.bbox));
  if (!box) return null;
  const mean = words.reduce((sum, w) => sum + w.confidence, 0) / words.length;
  return { box, ocrConfidence: Math.max(0, Math.min(1, mean / 100)) };
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Pattern confidence scaled by OCR confidence: a perfect read keeps it, a 0% read takes 30% off.
 * When boxes exist but the value is not among them, something disagrees, so it loses a little.
 */
export function toField(hit: TextHit, pageText: string, index: WordIndex | null): Field {
  const located = index ? locate(index, pageText, hit) : null;
  const factor = located ? 0.7 + 0.3 * located.ocrConfidence : index ? 0.9 : 1;
  const field: Field = { value: hit.value, confidence: round2(hit.confidence * factor), box: located?.box ?? null, line: hit.line };
  if (hit.label !== undefined) field.label = hit.label;
  if (hit.basis !== undefined) field.basis = hit.basis;
  if (hit.afterCapture) field.afterCapture = true;
  return field;
}

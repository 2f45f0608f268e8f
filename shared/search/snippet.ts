// The line of context shown under a search result, with the matched words marked.
import { compactWithMap } from './grams';
import { parseQuery, type ParsedQuery } from './query';
import type { Snippet } from './types';

const ELLIPSIS = '…';
/** Enough occurrences to mark everything inside an 80-character window. */
const MAX_MATCHES_PER_PART = 64;

type Range = [number, number];

/** Source ranges of the compact matches of each part, in order of position. */
function findMatches(text: string, q: ParsedQuery): { ranges: Range[]; anchor: Range | null } {
  const { compact, starts, ends } = compactWithMap(text);
  const toSource = (i: number, len: number): Range => [starts[i] ?? 0, ends[i + len - 1] ?? 0];
  const ranges: Range[] = [];
  let anchor: Range | null = null;
  for (const part of q.parts) {
    let n = 0;
    for (let i = compact.indexOf(part); i !== -1 && n < MAX_MATCHES_PER_PART; i = compact.indexOf(part, i + part.length), n++) {
      const r = toSource(i, part.length);
      ranges.push(r);
      if (!anchor || r[0] < anchor[0]) anchor = r;
    }
  }
  // The phrase as typed is what the reader is looking for; show it rather than a stray part.
  const phraseAt = q.parts.length > 1 ? compact.indexOf(q.phrase) : -1;
  if (phraseAt !== -1) anchor = toSource(phraseAt, q.phrase.length);
  return { ranges: ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]), anchor };
}

const isLow = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c >= 0xdc00 && c <= 0xdfff;
};

/** A window of at most maxLen characters (ellipses included) around the best match. */
export function snippet(text: string, query: string | ParsedQuery, maxLen = 80): Snippet {
  const q = typeof query === 'string' ? parseQuery(query) : query;
  const budget = Math.max(1, maxLen);
  const { ranges, anchor } = findMatches(text, q);
  const [s, e] = anchor ?? [0, 0];
  let from = Math.max(0, Math.min(s - Math.floor((budget - (e - s)) / 2), text.length - budget));
  if (e - s >= budget) from = s;
  // Leading whitespace would only waste the budget.
  while (from < s && /\s/.test(text[from] ?? '')) from++;
  let to = Math.min(text.length, from + budget);
  // Make room for the ellipses, taking from the side away from the match.
  const cut = (from > 0 ? 1 : 0) + (to < text.length ? 1 : 0);
  for (let i = 0; i < cut; i++) {
    if (to < text.length && (to - e > s - from || from === 0)) to--;
    else from++;
  }
  if (isLow(text, from)) from++;
  if (to < text.length && isLow(text, to)) to--;
  const lead = from > 0 ? ELLIPSIS : '';
  const body = text.slice(from, to).replace(/[\r\n\t]/g, ' ');
  const shift = lead.length - from;
  const highlights: Range[] = [];
  for (const [a, b] of ranges) {
    const start = Math.max(a, from) + shift;
    const end = Math.min(b, to) + shift;
    if (end <= start) continue;
    const prev = highlights[highlights.length - 1];
    if (prev && start <= prev[1]) prev[1] = Math.max(prev[1], end);
    else highlights.push([start, end]);
  }
  return { text: `${lead}${body}${to < text.length ? ELLIPSIS : ''}`, highlights };
}

// Small helpers for working with offsets into multi-line OCR text.

export interface LineMap {
  starts: number[];
}

export function mapLines(text: string): LineMap {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return { starts };
}

/** 1-based line of a character offset. */
export function lineOf(map: LineMap, offset: number): number {
  let lo = 0;
  let hi = map.starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((map.starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** One alternation of literal words, longest first so 支付宝交易号 wins over 交易号. */
export function alternation(words: readonly string[]): string {
  return [...words].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
}

export function excerptAround(text: string, start: number, end: number, radius = 24): string {
  const from = Math.max(0, start - radius);
  const to = Math.min(text.length, end + radius);
  const body = text.slice(from, to).replace(/\s+/g, ' ').trim();
  return `${from > 0 ? '…' : ''}${body}${to < text.length ? '…' : ''}`;
}

/** Offset where the 1-based `line` starts. */
export function lineStart(map: LineMap, line: number): number {
  return map.starts[line - 1] ?? 0;
}

/**
 * Index of the last element of `sorted` for which `before` holds, where `before` is true for a prefix
 * of the array and false after it; -1 when it holds for none. Lets the extractors find "the last label
 * before this offset" in log time instead of filtering every label for every match.
 */
export function lastBefore<T>(sorted: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(sorted[mid] as T)) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

const WS = /\s/;

/**
 * Per line, the first and last offsets that are not white space (null for a blank line), computed once
 * a line and cached: "is this token alone on its line" must not rescan a long line for every token.
 */
export function lineExtents(text: string, map: LineMap): (line: number) => readonly [number, number] | null {
  const cache = new Map<number, readonly [number, number] | null>();
  return (line) => {
    const hit = cache.get(line);
    if (hit !== undefined) return hit;
    const from = lineStart(map, line);
    const next = map.starts[line];
    const to = next === undefined ? text.length : next - 1;
    let first = from;
    while (first < to && WS.test(text[first] ?? '')) first++;
    let last = to - 1;
    while (last >= first && WS.test(text[last] ?? '')) last--;
    const extent = first < to ? ([first, last] as const) : null;
    cache.set(line, extent);
    return extent;
  };
}

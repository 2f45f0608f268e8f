// Pure geometry for the headline pass (headline.ts): tesseract at psm 6 drops a line set in a much
// larger font than the rest of the page (a wallet bill's "-¥369.00"), in both tesseract.js and the
// native CLI. Such a line shows up as a tall run of inked rows that no first-pass word explains.
import type { OcrWord } from '../../../shared/extract';

export interface Band {
  /** Rows [y0, y1), in the prepared image's pixels. */
  y0: number;
  y1: number;
  /** Inked columns [x0, x1). */
  x0: number;
  x1: number;
}

export interface BandOptions {
  /** A band counts as large text from this many times the page's median word height. */
  minRatio: number;
  /** Taller than this many median word heights is a picture, not a line of text. */
  maxRatio: number;
  /** Only bands starting above this share of the page height: headlines sit near the top. */
  topShare: number;
  /** At most this many bands are returned, tallest first. */
  max: number;
}

export const BAND_DEFAULTS: BandOptions = { minRatio: 1.5, maxRatio: 4, topShare: 0.5, max: 2 };

/** Runs of rows with ink (`rowInk[y] > 0`), gaps of at most `bridge` blank rows closed. */
export function inkRuns(rowInk: ArrayLike<number>, bridge = 1): Array<[number, number]> {
  const runs: Array<[number, number]> = [];
  let start = -1;
  let lastInk = -1;
  for (let y = 0; y < rowInk.length; y++) {
    if ((rowInk[y] ?? 0) <= 0) continue;
    if (start < 0) start = y;
    else if (y - lastInk - 1 > bridge) {
      runs.push([start, lastInk + 1]);
      start = y;
    }
    lastInk = y;
  }
  if (start >= 0) runs.push([start, lastInk + 1]);
  return runs;
}

export function medianHeight(words: readonly OcrWord[]): number {
  const hs = words.map((w) => w.bbox.y1 - w.bbox.y0).filter((h) => h > 0).sort((a, b) => a - b);
  return hs[Math.floor(hs.length / 2)] ?? 0;
}

/** True when a first-pass word already covers most of the band's height: that line was read. */
function explained(words: readonly OcrWord[], y0: number, y1: number): boolean {
  const h = y1 - y0;
  return words.some((w) => {
    const overlap = Math.min(w.bbox.y1, y1) - Math.max(w.bbox.y0, y0);
    return overlap >= 0.6 * h && w.bbox.y1 - w.bbox.y0 >= 0.6 * h;
  });
}

/**
 * Tall unread ink bands near the top. `colRange(y0, y1)` gives a band's inked columns (or null
 * for none); it is a callback so the pixel scan stays with the caller.
 */
export function largeTextBands(
  rowInk: ArrayLike<number>,
  height: number,
  words: readonly OcrWord[],
  colRange: (y0: number, y1: number) => [number, number] | null,
  opts: BandOptions = BAND_DEFAULTS,
): Band[] {
  const normal = medianHeight(words);
  if (normal <= 0) return [];
  const bands: Band[] = [];
  for (const [y0, y1] of inkRuns(rowInk)) {
    const h = y1 - y0;
    if (y0 > opts.topShare * height || h < opts.minRatio * normal || h > opts.maxRatio * normal) continue;
    if (explained(words, y0, y1)) continue;
    const cols = colRange(y0, y1);
    if (cols) bands.push({ y0, y1, x0: cols[0], x1: cols[1] });
  }
  return bands.sort((a, b) => b.y1 - b.y0 - (a.y1 - a.y0)).slice(0, opts.max);
}

/** Where a band is cut out of the prepared image, and how the cut-out is resized for tesseract. */
export interface Crop {
  left: number;
  top: number;
  width: number;
  height: number;
  /** Resized size / cut-out size. */
  scale: number;
}

/**
 * The band with a margin of half its height on each side (tesseract wants white around a line),
 * clamped to the image, scaled so its text is `targetHeight` pixels tall.
 */
export function cropFor(band: Band, imageWidth: number, imageHeight: number, targetHeight: number): Crop {
  const h = band.y1 - band.y0;
  const margin = Math.ceil(h / 2);
  const left = Math.max(0, band.x0 - margin);
  const top = Math.max(0, band.y0 - margin);
  const right = Math.min(imageWidth, band.x1 + margin);
  const bottom = Math.min(imageHeight, band.y1 + margin);
  return { left, top, width: Math.max(1, right - left), height: Math.max(1, bottom - top), scale: targetHeight / Math.max(1, h) };
}

/** Word boxes read on a resized crop, moved back into the prepared image's pixels. */
export function fromCrop(words: readonly OcrWord[], crop: Crop): OcrWord[] {
  const at = (v: number, offset: number): number => Math.round(v / crop.scale + offset);
  return words.map((w) => ({
    ...w,
    bbox: { x0: at(w.bbox.x0, crop.left), y0: at(w.bbox.y0, crop.top), x1: at(w.bbox.x1, crop.left), y1: at(w.bbox.y1, crop.top) },
  }));
}

/**
 * `line` put into the first pass's text before the first line whose words start below `y`, so the
 * extractors see it where it is on screen. Words are found in the text in reading order.
 */
export function insertLine(text: string, words: readonly OcrWord[], line: string, y: number): string {
  let cursor = 0;
  for (const w of words) {
    const at = text.indexOf(w.text, cursor);
    if (at < 0) continue;
    cursor = at + w.text.length;
    if (w.bbox.y0 < y) continue;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    return `${text.slice(0, lineStart)}${line}\n${text.slice(lineStart)}`;
  }
  return `${text.replace(/\n*$/, '')}\n${line}\n`;
}

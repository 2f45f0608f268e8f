// tesseract's TSV output, reduced to word boxes. TSV comes straight from the C++ side, which is
// much lighter than tesseract.js's `blocks` tree (every symbol and its alternatives, cloned across
// the worker boundary) and carries all the word boxes need.
import type { OcrWord } from '../../../shared/extract';

const WORD_LEVEL = '5';

/** Columns: level page block par line word left top width height conf text. */
export function parseTsv(tsv: string): OcrWord[] {
  const words: OcrWord[] = [];
  for (const line of tsv.split('\n')) {
    const cols = line.split('\t');
    if (cols[0] !== WORD_LEVEL || cols.length < 12) continue;
    const text = cols.slice(11).join('\t').trim();
    const [left, top, width, height, conf] = cols.slice(6, 11).map(Number);
    if (text === '' || left === undefined || top === undefined || width === undefined || height === undefined || conf === undefined) continue;
    if (![left, top, width, height].every(Number.isFinite)) continue;
    words.push({ text, confidence: Number.isFinite(conf) ? Math.max(0, conf) : 0, bbox: { x0: left, y0: top, x1: left + width, y1: top + height } });
  }
  return words;
}

// The pure parts of the PP-OCR pipeline: DB post-processing (probability map → text boxes), CTC
// greedy decoding, and putting recognised lines back into reading order as text and word boxes.
// Screenshots are axis-aligned, so boxes are rectangles: no rotated boxes, no angle classifier.
import type { OcrWord } from '../../../../shared/extract';

export interface Rect {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

export interface DetOptions {
  /** Pixels with probability above this are text (PaddleOCR's det_db_thresh). */
  thresh: number;
  /** Boxes whose mean probability is below this are dropped (det_db_box_thresh). */
  boxThresh: number;
  /** How far the shrunk DB region is grown back (det_db_unclip_ratio). */
  unclip: number;
  minSize: number;
}

export const DET_DEFAULTS: DetOptions = { thresh: 0.3, boxThresh: 0.6, unclip: 1.5, minSize: 3 };

/**
 * Connected regions of the thresholded map as rectangles, grown by DB's unclip distance
 * (area × ratio / perimeter), in the map's pixels. 4-connectivity with an explicit stack.
 */
export function detBoxes(prob: Float32Array, width: number, height: number, opts: DetOptions = DET_DEFAULTS): Rect[] {
  const seen = new Uint8Array(width * height);
  const stack = new Int32Array(width * height);
  const boxes: Rect[] = [];
  for (let start = 0; start < prob.length; start++) {
    if (seen[start] || (prob[start] ?? 0) <= opts.thresh) continue;
    let top = 0;
    stack[top++] = start;
    seen[start] = 1;
    let x0 = width;
    let y0 = height;
    let x1 = 0;
    let y1 = 0;
    while (top > 0) {
      const p = stack[--top] ?? 0;
      const x = p % width;
      const y = (p - x) / width;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      const push = (q: number): void => {
        if (!seen[q] && (prob[q] ?? 0) > opts.thresh) {
          seen[q] = 1;
          stack[top++] = q;
        }
      };
      if (x > 0) push(p - 1);
      if (x < width - 1) push(p + 1);
      if (y > 0) push(p - width);
      if (y < height - 1) push(p + width);
    }
    const w = x1 - x0 + 1;
    const h = y1 - y0 + 1;
    if (Math.min(w, h) < opts.minSize) continue;
    // DB's "fast" box score: the mean probability over the box.
    let sum = 0;
    for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) sum += prob[y * width + x] ?? 0;
    if (sum / (w * h) < opts.boxThresh) continue;
    const d = (w * h * opts.unclip) / (2 * (w + h));
    const box = { x0: Math.max(0, x0 - d), y0: Math.max(0, y0 - d), x1: Math.min(width, x1 + 1 + d), y1: Math.min(height, y1 + 1 + d) };
    if (Math.min(box.x1 - box.x0, box.y1 - box.y0) < opts.minSize + 2) continue;
    boxes.push(box);
  }
  return boxes;
}

export interface Decoded {
  text: string;
  /** Mean probability of the kept characters, 0–1. */
  confidence: number;
  /** For each character of `text`, its time step (0…steps-1). */
  steps: number[];
}

/** Greedy CTC: the best class per step, repeats merged, blanks (class 0) dropped. */
export function ctcDecode(out: Float32Array, offset: number, steps: number, classes: number, keys: readonly string[]): Decoded {
  let text = '';
  const at: number[] = [];
  let sum = 0;
  let kept = 0;
  let prev = -1;
  for (let t = 0; t < steps; t++) {
    const row = offset + t * classes;
    let best = 0;
    let bestP = -Infinity;
    for (let c = 0; c < classes; c++) {
      const p = out[row + c] ?? 0;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== 0 && best !== prev) {
      const ch = keys[best - 1] ?? ' ';
      text += ch;
      for (let k = 0; k < ch.length; k++) at.push(t);
      sum += bestP;
      kept++;
    }
    prev = best;
  }
  return { text, confidence: kept === 0 ? 0 : sum / kept, steps: at };
}

/** One recognised text box in the original image's pixels. */
export interface Line {
  text: string;
  confidence: number;
  box: Rect;
  /** x of each character's centre, original pixels. */
  charX: number[];
}

/** CJK, kana and full-width forms (a label and its ：) as against ASCII digits and letters (a value). */
const wide = (c: string): boolean => /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(c);
const alnum = (c: string): boolean => /[0-9A-Za-z]/.test(c);

/**
 * Lines split into words at spaces, and where a label meets its value: PP-OCR reads
 * `订单编号：2026…` as one run, and the value's own box (from the characters' positions, not a
 * guess) is what a highlight and the second reader's crop need. Punctuation between them (a colon
 * read as ASCII `:`, a ¥) stays with the label; a value followed by Chinese is split there too.
 */
export function lineWords(line: Line): OcrWord[] {
  const words: OcrWord[] = [];
  const chars = [...line.text];
  const n = chars.length;
  const pitch = n > 0 ? (line.box.x1 - line.box.x0) / n : 0;
  const x = (i: number, fallback: number): number => line.charX[i] ?? fallback;
  let start = -1;
  // Where the current word's left edge is when it began at a split (halfway between centres).
  let leftEdge: number | null = null;
  // The word so far ends in wide characters, perhaps followed by punctuation: a label.
  let label = false;
  // The word so far holds a letter or digit since its last wide character: a value.
  let value = false;
  const flush = (end: number, rightEdge: number | null): void => {
    if (start < 0) return;
    const a = x(start, line.box.x0);
    const b = x(end - 1, line.box.x1);
    words.push({
      text: chars.slice(start, end).join(''),
      confidence: Math.round(line.confidence * 1000) / 10,
      bbox: {
        x0: Math.round(Math.max(line.box.x0, leftEdge ?? a - pitch / 2)),
        y0: Math.round(line.box.y0),
        x1: Math.round(Math.min(line.box.x1, rightEdge ?? b + pitch / 2)),
        y1: Math.round(line.box.y1),
      },
    });
    start = -1;
    leftEdge = null;
  };
  for (let i = 0; i < n; i++) {
    const c = chars[i] ?? ' ';
    if (c.trim() === '') {
      flush(i, null);
      continue;
    }
    if (start >= 0 && ((label && alnum(c)) || (value && wide(c)))) {
      const mid = (x(i - 1, line.box.x0) + x(i, line.box.x1)) / 2;
      flush(i, mid);
      leftEdge = mid;
    }
    if (start < 0) {
      start = i;
      label = false;
      value = false;
    }
    if (wide(c)) {
      label = true;
      value = false;
    } else if (alnum(c)) {
      label = false;
      value = true;
    }
  }
  flush(n, null);
  return words;
}

/**
 * Lines into rows (a table row or a label with its value, side by side), rows top to bottom, lines
 * in a row left to right: the text the extractors read, one row per text line.
 */
export function readingOrder(lines: readonly Line[]): { text: string; words: OcrWord[]; rows: Line[][] } {
  const sorted = [...lines].filter((l) => l.text.trim() !== '').sort((a, b) => a.box.y0 + a.box.y1 - (b.box.y0 + b.box.y1));
  const rows: Array<{ y0: number; y1: number; lines: Line[] }> = [];
  for (const line of sorted) {
    const h = line.box.y1 - line.box.y0;
    // Sorted by height on the page, so only the last few rows can overlap (keeps a long scroll linear).
    const row = rows.slice(-6).find((r) => {
      const overlap = Math.min(r.y1, line.box.y1) - Math.max(r.y0, line.box.y0);
      return overlap >= 0.5 * Math.min(h, r.y1 - r.y0);
    });
    if (row) {
      row.lines.push(line);
      row.y0 = Math.min(row.y0, line.box.y0);
      row.y1 = Math.max(row.y1, line.box.y1);
    } else rows.push({ y0: line.box.y0, y1: line.box.y1, lines: [line] });
  }
  rows.sort((a, b) => a.y0 + a.y1 - (b.y0 + b.y1));
  const ordered = rows.map((r) => r.lines.sort((a, b) => a.box.x0 - b.box.x0));
  const text = ordered.map((r) => r.map((l) => l.text.trim()).join(' ')).join('\n');
  return { text: text === '' ? '' : `${text}\n`, words: ordered.flat().flatMap(lineWords), rows: ordered };
}

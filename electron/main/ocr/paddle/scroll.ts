// Rows of an image, decoded top to bottom in chunks, packed into the canvases PP-OCR detection
// reads (reader.ts). Two jobs:
//  - overlapping bands: a canvas holds at most `maxRows` rows; when content runs on past that, the
//    next canvas repeats the last `overlap` rows, and each canvas owns the boxes whose centre lies
//    in its rows with the overlap split in half (so a line cut by one band is read whole by the
//    other, and only once);
//  - for long scrolls (issue 19: a 300×894,000 screenshot), blank stretches are left out: a run of
//    flat rows keeps `margin` rows on each side and the rest is dropped, so detection works on text
//    rather than on a thousand screens of background. Where rows were dropped is a seam: a full
//    canvas is cut at its last seam, with no overlap needed because nothing crosses it.
// Each canvas row keeps the original row it came from (rowMap), so boxes go back to the original.
import type { Rect } from './geometry';

export interface Canvas {
  /** Interleaved pixels, `width × height × channels`. */
  data: Buffer;
  width: number;
  height: number;
  /** Canvas row → original image row. */
  rowMap: Int32Array;
  /** Canvas rows where rows were dropped just above: boxes never span one. Ascending. */
  seams: number[];
  /** Boxes whose centre row is in [ownFrom, ownTo) belong to this canvas. */
  ownFrom: number;
  ownTo: number;
  /** Heights of the runs of non-flat rows (for a text-size estimate). */
  inkRuns: number[];
}

export interface PackerOptions {
  width: number;
  channels: number;
  maxRows: number;
  overlap: number;
  /** Flat rows kept on each side of a blank run; Infinity keeps every row (plain overlapping bands). */
  margin: number;
  /** A row whose bytes span at most this range is flat (background). */
  flatRange?: number;
}

const FLAT_RANGE = 24;

/** True when every byte of the row lies within `range` of each other: background, no text. */
export function flatRow(data: Buffer, start: number, length: number, range = FLAT_RANGE): boolean {
  let lo = data[start] ?? 0;
  let hi = lo;
  for (let i = start + 1; i < start + length; i++) {
    const v = data[i] ?? 0;
    if (v < lo) lo = v;
    else if (v > hi) hi = v;
    if (hi - lo > range) return false;
  }
  return true;
}

export function createPacker(opts: PackerOptions): { push(chunk: Buffer, top: number): Canvas[]; end(): Canvas[] } {
  const rowBytes = opts.width * opts.channels;
  const range = opts.flatRange ?? FLAT_RANGE;
  const margin = opts.margin;
  const ringSize = Number.isFinite(margin) ? Math.max(0, margin) : 0;
  let data = Buffer.alloc(opts.maxRows * rowBytes);
  let rowMap = new Int32Array(opts.maxRows);
  let rows = 0;
  let seams: number[] = [];
  let ownFrom = 0;
  let runs: number[] = [];
  let run = 0;
  /** Flat rows in a row, and the last `margin` of them that were not put on the canvas. */
  let blank = 0;
  const ring = Buffer.alloc(ringSize * rowBytes);
  const ringRow = new Int32Array(ringSize);
  let ringCount = 0;
  let pendingFull = false;

  const emit = (to: number, ownTo: number, out: Canvas[]): void => {
    out.push({ data: Buffer.from(data.subarray(0, to * rowBytes)), width: opts.width, height: to, rowMap: rowMap.slice(0, to), seams: seams.filter((s) => s < to), ownFrom, ownTo, inkRuns: runs });
    runs = [];
  };

  /** Moves rows [from, rows) to the top of the canvas. */
  const carry = (from: number): void => {
    data.copy(data, 0, from * rowBytes, rows * rowBytes);
    rowMap.copyWithin(0, from, rows);
    seams = seams.filter((s) => s > from).map((s) => s - from);
    rows -= from;
  };

  /** The canvas is full and another row is coming: cut it at its last seam, or as an overlapping band. */
  const flushFull = (out: Canvas[]): void => {
    // A seam near the top would leave a sliver of a canvas; the band cut then does better.
    const cut = seams.filter((s) => s >= opts.overlap).at(-1);
    if (cut !== undefined) {
      emit(cut, cut, out);
      carry(cut);
      ownFrom = 0;
    } else {
      const keep = Math.min(opts.overlap, rows - 1);
      emit(rows, rows - Math.floor(keep / 2), out);
      carry(rows - keep);
      ownFrom = Math.floor(keep / 2);
    }
    // The run in progress continues on the new canvas; its earlier part went to the old one.
  };

  /** Rows were dropped here: a full canvas simply ends, anything else records where. */
  const seam = (out: Canvas[]): void => {
    if (rows === opts.maxRows) {
      emit(rows, rows, out);
      rows = 0;
      seams = [];
      ownFrom = 0;
      pendingFull = false;
    } else if (rows > 0) seams.push(rows);
  };

  const append = (src: Buffer, offset: number, original: number, out: Canvas[]): void => {
    if (pendingFull || rows === opts.maxRows) {
      flushFull(out);
      pendingFull = false;
    }
    src.copy(data, rows * rowBytes, offset, offset + rowBytes);
    rowMap[rows] = original;
    rows++;
    if (rows === opts.maxRows) pendingFull = true;
  };

  return {
    push(chunk, top) {
      const out: Canvas[] = [];
      const count = Math.floor(chunk.length / rowBytes);
      for (let r = 0; r < count; r++) {
        const offset = r * rowBytes;
        const flat = flatRow(chunk, offset, rowBytes, range);
        if (!flat) {
          run++;
          if (blank > margin) {
            // Content again after rows went to the ring: put back the last `margin` of them (all of
            // them when no more were skipped), after a seam when rows in between were dropped.
            if (blank > 2 * margin) seam(out);
            const n = Math.min(ringCount, ringSize);
            for (let i = 0; i < n; i++) {
              const slot = (ringCount - n + i) % ringSize;
              append(ring, slot * rowBytes, ringRow[slot] ?? 0, out);
            }
          }
          blank = 0;
          ringCount = 0;
          append(chunk, offset, top + r, out);
          continue;
        }
        if (run > 0) runs.push(run);
        run = 0;
        blank++;
        if (blank <= margin) append(chunk, offset, top + r, out);
        else if (ringSize > 0) {
          const slot = ringCount % ringSize;
          chunk.copy(ring, slot * rowBytes, offset, offset + rowBytes);
          ringRow[slot] = top + r;
          ringCount++;
        }
      }
      return out;
    },
    end() {
      const out: Canvas[] = [];
      if (run > 0) runs.push(run);
      if (rows > 0) emit(rows, rows, out);
      rows = 0;
      data = Buffer.alloc(0);
      rowMap = new Int32Array(0);
      return out;
    },
  };
}

/**
 * A box found on a canvas, in original rows. Detection grows boxes a little, so one may reach over
 * a seam into the neighbouring segment's margin: it is clamped to the segment holding its centre.
 */
export function toOriginalRows(box: Rect, canvas: Pick<Canvas, 'rowMap' | 'seams' | 'height'>): Rect {
  const { from, to } = segmentRows(box, canvas);
  const y0 = Math.max(from, Math.min(to - 1, Math.floor(box.y0)));
  const y1 = Math.max(y0 + 1, Math.min(to, Math.ceil(box.y1)));
  const at = (row: number): number => canvas.rowMap[row] ?? 0;
  return { x0: box.x0, x1: box.x1, y0: at(y0), y1: at(y1 - 1) + 1 };
}

/** The canvas rows of the segment (between seams) holding the box's centre. */
export function segmentRows(box: Rect, canvas: Pick<Canvas, 'seams' | 'height'>): { from: number; to: number } {
  const cy = (box.y0 + box.y1) / 2;
  let from = 0;
  let to = canvas.height;
  for (const s of canvas.seams) {
    if (s <= cy) from = s;
    else {
      to = s;
      break;
    }
  }
  return { from, to };
}

interface Boxed {
  text: string;
  confidence: number;
  box: Rect;
}

/**
 * Lines read twice where two canvases overlap (a box whose centre moved across the split between
 * the two reads) are kept once: same or contained text on boxes that mostly overlap. Lines must be
 * in any order; the result is top to bottom. Only neighbours in y are compared, so this is linear
 * for a long scroll.
 */
export function dedupeLines<T extends Boxed>(lines: readonly T[]): T[] {
  const sorted = [...lines].sort((a, b) => a.box.y0 - b.box.y0 || a.box.x0 - b.box.x0);
  const kept: T[] = [];
  const dropped = new Set<T>();
  for (let i = 0; i < sorted.length; i++) {
    const a = sorted[i];
    if (a === undefined || dropped.has(a)) continue;
    for (let j = i + 1; j < sorted.length; j++) {
      const b = sorted[j];
      if (b === undefined) continue;
      if (b.box.y0 >= a.box.y1) break;
      if (dropped.has(b) || !sameLine(a, b)) continue;
      if (b.confidence > a.confidence || (b.confidence === a.confidence && b.text.length > a.text.length)) {
        dropped.add(a);
        break;
      }
      dropped.add(b);
    }
    if (!dropped.has(a)) kept.push(a);
  }
  return kept;
}

function sameLine(a: Boxed, b: Boxed): boolean {
  const ix = Math.min(a.box.x1, b.box.x1) - Math.max(a.box.x0, b.box.x0);
  const iy = Math.min(a.box.y1, b.box.y1) - Math.max(a.box.y0, b.box.y0);
  if (ix <= 0 || iy <= 0) return false;
  const area = (r: Rect): number => (r.x1 - r.x0) * (r.y1 - r.y0);
  const overlap = (ix * iy) / Math.min(area(a.box), area(b.box));
  const ta = a.text.replace(/\s/g, '');
  const tb = b.text.replace(/\s/g, '');
  return overlap >= 0.6 && ta.length > 0 && tb.length > 0 && (ta.includes(tb) || tb.includes(ta));
}

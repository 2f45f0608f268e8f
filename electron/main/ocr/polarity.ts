// White text on a coloured fill (QQ's blue bubbles, a status banner, dark mode's green bubbles)
// comes out of thresholding as white on black, which tesseract mostly skips on short lines. This
// finds such solid black areas and turns them into black text on white, in place.
//
// It works on a half-resolution ink mask: connected components of ink that are big and mostly
// filled (bubbles, banners) are solid areas; glyphs are small or sparse. Each solid area, together
// with the white holes it encloses (its text), is inverted at full resolution.

export interface Bitmap {
  /** 0 = black ink, 255 = white. */
  data: Uint8Array;
  width: number;
  height: number;
}

/**
 * Solid areas are at least 1/14 of the width in each direction: a one-line bubble is about 1/9 of a
 * phone screen's width tall, a bold glyph about 1/22, so glyphs never qualify however dense.
 */
export const MIN_SIDE_SHARE = 1 / 14;
/** Share of its bounding box an area's ink covers; a glyph or a row of text covers far less. */
export const MIN_FILL = 0.55;

function halfMask(img: Bitmap): { mask: Uint8Array; w: number; h: number } {
  const w = img.width >> 1;
  const h = img.height >> 1;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const i = 2 * y * img.width + 2 * x;
      const ink = (img.data[i] === 0 ? 1 : 0) + (img.data[i + 1] === 0 ? 1 : 0) + (img.data[i + img.width] === 0 ? 1 : 0) + (img.data[i + img.width + 1] === 0 ? 1 : 0);
      mask[y * w + x] = ink >= 2 ? 1 : 0;
    }
  }
  return { mask, w, h };
}

export interface Component {
  /** The component's pixels are `order[start..end)`. */
  start: number;
  end: number;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/**
 * 4-connected components of ink, each with its bounding box. Pixels are written in visiting order
 * into one shared buffer, so the thousands of glyph fragments on a page cost no allocation.
 */
export function* components(mask: Uint8Array, w: number, h: number, order: Int32Array): Generator<Component> {
  const seen = new Uint8Array(w * h);
  let written = 0;
  const visit = (q: number): void => {
    if (mask[q] === 1 && !seen[q]) {
      seen[q] = 1;
      order[written++] = q;
    }
  };
  for (let first = 0; first < mask.length; first++) {
    if (mask[first] !== 1 || seen[first]) continue;
    const start = written;
    visit(first);
    let x0 = w;
    let y0 = h;
    let x1 = 0;
    let y1 = 0;
    // The component grows at the end of `order` while it is read from the front: a breadth-first walk.
    for (let at = start; at < written; at++) {
      const p = order[at] ?? 0;
      const x = p % w;
      const y = (p - x) / w;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      if (y > y1) y1 = y;
      if (x > 0) visit(p - 1);
      if (x < w - 1) visit(p + 1);
      if (y > 0) visit(p - w);
      if (y < h - 1) visit(p + w);
    }
    yield { start, end: written, x0, y0, x1, y1 };
  }
}

/** Marks, within a solid component's box, the white pixels it encloses (not reachable from the box edge). */
function markHoles(w: number, c: Component, region: Uint8Array, flip: Uint8Array): void {
  const bw = c.x1 - c.x0 + 1;
  const bh = c.y1 - c.y0 + 1;
  const outside = new Uint8Array(bw * bh);
  const stack: number[] = [];
  const local = (x: number, y: number): number => (y - c.y0) * bw + (x - c.x0);
  const inRegion = (x: number, y: number): boolean => region[y * w + x] === 1;
  const push = (x: number, y: number): void => {
    const l = local(x, y);
    if (!outside[l] && !inRegion(x, y)) {
      outside[l] = 1;
      stack.push(x, y);
    }
  };
  for (let x = c.x0; x <= c.x1; x++) {
    push(x, c.y0);
    push(x, c.y1);
  }
  for (let y = c.y0; y <= c.y1; y++) {
    push(c.x0, y);
    push(c.x1, y);
  }
  while (stack.length > 0) {
    const y = stack.pop() ?? 0;
    const x = stack.pop() ?? 0;
    if (x > c.x0) push(x - 1, y);
    if (x < c.x1) push(x + 1, y);
    if (y > c.y0) push(x, y - 1);
    if (y < c.y1) push(x, y + 1);
  }
  for (let y = c.y0; y <= c.y1; y++) {
    for (let x = c.x0; x <= c.x1; x++) {
      if (!outside[local(x, y)]) flip[y * w + x] = 1;
    }
  }
}

export interface FlipMask {
  /** Half-resolution: 1 where the full-resolution pixels are to be inverted. */
  mask: Uint8Array;
  w: number;
  h: number;
  areas: number;
}

/** Finds solid black areas of a thresholded image, with the white text they enclose. */
export function solidAreas(img: Bitmap): FlipMask {
  const { mask, w, h } = halfMask(img);
  const flip = new Uint8Array(w * h);
  const minSide = Math.max(8, Math.round(w * MIN_SIDE_SHARE));
  if (w < minSide || h < minSide) return { mask: flip, w, h, areas: 0 };
  const region = new Uint8Array(w * h);
  const order = new Int32Array(w * h);
  let areas = 0;
  for (const c of components(mask, w, h, order)) {
    const bw = c.x1 - c.x0 + 1;
    const bh = c.y1 - c.y0 + 1;
    if (bw < minSide || bh < minSide || c.end - c.start < MIN_FILL * bw * bh) continue;
    // A solid area covering nearly the whole screen is the page itself (an un-inverted dark mode).
    if (bw * bh > 0.9 * w * h) continue;
    for (let k = c.start; k < c.end; k++) region[order[k] ?? 0] = 1;
    markHoles(w, c, region, flip);
    areas++;
  }
  return { mask: flip, w, h, areas };
}

/** `mask` grown by `r` half-resolution pixels in every direction (a square max filter, done separably). */
function grow(mask: Uint8Array, w: number, h: number, r: number): Uint8Array {
  const across = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!mask[y * w + x]) continue;
      for (let dx = Math.max(0, x - r); dx <= Math.min(w - 1, x + r); dx++) across[y * w + dx] = 1;
    }
  }
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!across[y * w + x]) continue;
      for (let dy = Math.max(0, y - r); dy <= Math.min(h - 1, y + r); dy++) out[dy * w + x] = 1;
    }
  }
  return out;
}

/** How far around a flipped area its leftover edge is wiped, in half-resolution pixels. */
const RIM = 2;

/**
 * Inverts, in place, the pixels of `img` (same size as the thresholded image) under the mask, and
 * whitens a band along each area's edge: the anti-aliased outline of a bubble would otherwise stay
 * as a thin frame, which tesseract reads as "|" and "一". Text sits well inside its bubble's padding.
 */
export function applyFlip(img: Bitmap, flip: FlipMask): void {
  if (flip.areas === 0) return;
  const { mask, w, h } = flip;
  const outer = grow(mask, w, h, RIM);
  const outside = grow(mask.map((v) => (v ? 0 : 1)), w, h, RIM);
  for (let y = 0; y < img.height; y++) {
    const row = Math.min(h - 1, y >> 1) * w;
    for (let x = 0; x < img.width; x++) {
      const m = row + Math.min(w - 1, x >> 1);
      const i = y * img.width + x;
      if (outer[m] && outside[m]) img.data[i] = 255;
      else if (mask[m]) img.data[i] = 255 - (img.data[i] ?? 0);
    }
  }
}

// Geometry for the redaction editor: the buyer drags over a scaled-down copy of the image, but every
// rectangle is stored and sent in the upright original's pixels, so the export masks the same area
// whatever size the preview was drawn at.
import type { BBox } from '../extract/types';

export interface Size {
  width: number;
  height: number;
}

export interface Point {
  x: number;
  y: number;
}

/** A drag shorter than this many original pixels either way is a click, not a rectangle. */
export const MIN_RECT_PX = 4;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A point on the displayed image (relative to its top-left corner) in original pixels, clamped to the image. */
export function toImagePoint(p: Point, display: Size, image: Size): Point {
  if (display.width <= 0 || display.height <= 0) return { x: 0, y: 0 };
  return {
    x: clamp((p.x / display.width) * image.width, 0, image.width),
    y: clamp((p.y / display.height) * image.height, 0, image.height),
  };
}

/**
 * The rectangle between two drag points on the display, in whole original pixels (grown outward so
 * the mask never ends up smaller than what was drawn); null for a click or a zero-size image.
 */
export function dragToRect(a: Point, b: Point, display: Size, image: Size): BBox | null {
  if (image.width <= 0 || image.height <= 0) return null;
  const p = toImagePoint(a, display, image);
  const q = toImagePoint(b, display, image);
  const box = {
    x0: Math.floor(Math.min(p.x, q.x)),
    y0: Math.floor(Math.min(p.y, q.y)),
    x1: Math.ceil(Math.max(p.x, q.x)),
    y1: Math.ceil(Math.max(p.y, q.y)),
  };
  return box.x1 - box.x0 < MIN_RECT_PX || box.y1 - box.y0 < MIN_RECT_PX ? null : box;
}

export interface PercentBox {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** Where a box in original pixels sits on the image, in percent: an overlay drawn this way scales with the image. */
export function percentBox(box: BBox, image: Size): PercentBox {
  if (image.width <= 0 || image.height <= 0) return { left: 0, top: 0, width: 0, height: 0 };
  const x0 = clamp(box.x0, 0, image.width);
  const y0 = clamp(box.y0, 0, image.height);
  const x1 = clamp(box.x1, 0, image.width);
  const y1 = clamp(box.y1, 0, image.height);
  return {
    left: (x0 / image.width) * 100,
    top: (y0 / image.height) * 100,
    width: (Math.max(0, x1 - x0) / image.width) * 100,
    height: (Math.max(0, y1 - y0) / image.height) * 100,
  };
}

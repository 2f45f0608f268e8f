// Straightening phone photos of a screen or a paper receipt before PP-OCR reads them.
// The reader's boxes are axis-aligned (screenshots are), so a photo held 3° off level gives boxes
// that cut through neighbouring lines, and DB merges lines whose ends touch. One global rotation
// fixes that: a photo of a flat page has one dominant text angle.
//
// The angle is found by projection profiles: the rows of a level page are sharply separated (ink,
// gap, ink), so the histogram of text edges projected onto the page's vertical axis is peakiest at
// the page's true angle. Edges (vertical luma steps) stand in for ink, so dark and light mode read
// alike.
import sharp from 'sharp';
import type { OcrWord } from '../../../../shared/extract';

export interface SkewOptions {
  /** Largest |angle| tried, degrees. Photos held further off level are rare and read badly anyway. */
  maxDeg: number;
  /** Angles whose magnitude is below this are left alone: a re-sampled screenshot loses sharpness. */
  minDeg: number;
  /** Width the estimate works at; the angle does not depend on resolution. */
  workWidth: number;
}

export const SKEW_DEFAULTS: SkewOptions = { maxDeg: 8, minDeg: 0.7, workWidth: 600 };

/** Pixels whose vertical luma step exceeds this count as text edges. */
const EDGE_STEP = 40;
/** Sampled edge pixels, at most: the estimate is a statistic, and this bounds its time. */
const MAX_EDGES = 120_000;

/**
 * The clockwise rotation (degrees, sharp's sign) that the page in this grey image shows, or 0 when
 * nothing stands out (too few edges, no peak). Pure: grey pixels, row-major.
 */
export function estimateSkew(grey: Uint8Array, width: number, height: number, opts: SkewOptions = SKEW_DEFAULTS): number {
  let count = 0;
  for (let i = 0; i + width < width * height; i++) if (Math.abs((grey[i] ?? 0) - (grey[i + width] ?? 0)) > EDGE_STEP) count++;
  if (count < 200) return 0;
  const stride = Math.max(1, Math.ceil(count / MAX_EDGES));
  const xs = new Float32Array(Math.ceil(count / stride));
  const ys = new Float32Array(xs.length);
  let n = 0;
  let seen = 0;
  for (let y = 0; y + 1 < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      if (Math.abs((grey[i] ?? 0) - (grey[i + width] ?? 0)) > EDGE_STEP && seen++ % stride === 0 && n < xs.length) {
        xs[n] = x - width / 2;
        ys[n] = y - height / 2;
        n++;
      }
    }
  }
  const diag = Math.ceil(Math.hypot(width, height));
  const bins = new Float64Array(diag + 2);
  const sharpness = (deg: number): number => {
    // A page turned clockwise by θ (y down) has its rows along y·cosθ − x·sinθ = const.
    const t = (deg * Math.PI) / 180;
    const c = Math.cos(t);
    const s = Math.sin(t);
    bins.fill(0);
    for (let k = 0; k < n; k++) {
      const r = Math.round((ys[k] ?? 0) * c - (xs[k] ?? 0) * s + diag / 2);
      if (r >= 0 && r < bins.length) bins[r] = (bins[r] ?? 0) + 1;
    }
    let sum = 0;
    for (let i = 0; i < bins.length; i++) sum += (bins[i] ?? 0) * (bins[i] ?? 0);
    return sum;
  };
  const search = (from: number, to: number, step: number): { deg: number; score: number } => {
    let best = { deg: 0, score: -1 };
    for (let d = from; d <= to + 1e-9; d += step) {
      const score = sharpness(d);
      if (score > best.score) best = { deg: d, score };
    }
    return best;
  };
  // Screenshots are exactly level, and their profile is far sharper at 0° than half a degree off:
  // three passes settle them.
  const level = sharpness(0);
  if (level > 1.3 * Math.max(sharpness(-0.5), sharpness(0.5))) return 0;
  const coarse = search(-opts.maxDeg, opts.maxDeg, 0.5);
  const fine = search(coarse.deg - 0.5, coarse.deg + 0.5, 0.1);
  // A flat profile (a photo of nothing in rows) has no true angle: leave it level.
  if (fine.score < level * 1.05) return 0;
  return Math.round(fine.deg * 10) / 10;
}

export interface Upright {
  /** The image to read: the original bytes when no turn was needed. */
  image: Uint8Array;
  /** Degrees it was turned (sharp's sign, clockwise); 0 when untouched. */
  turned: number;
  /** Maps a box on the turned image back to the original's pixels. */
  back: (box: OcrWord['bbox']) => OcrWord['bbox'];
  /** The original's size, upright (EXIF orientation applied), which the boxes refer to. */
  width: number;
  height: number;
}

const identity = (box: OcrWord['bbox']): OcrWord['bbox'] => box;

/**
 * Turns a photo level when its text runs at an angle. Only camera-sized images are looked at: a
 * scroll capture or a screenshot is never tilted, and decoding a 900,000-row scroll twice would
 * cost what the banded reader saves.
 */
export async function uprightPhoto(image: Uint8Array, opts: SkewOptions = SKEW_DEFAULTS): Promise<Upright> {
  const input = Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const meta = await sharp(input, { failOn: 'error' }).autoOrient().metadata();
  const { width, height } = meta.autoOrient;
  // Cameras write JPEG, HEIF or WebP; a PNG or GIF is a screenshot or a rendered page, never
  // tilted, and decoding it twice would cost a fifth of its reading time.
  if (meta.format === 'png' || meta.format === 'gif') return { image, turned: 0, back: identity, width, height };
  if (width * height > 16_000_000 || height > 3 * width + 1) return { image, turned: 0, back: identity, width, height };
  const scale = Math.min(1, opts.workWidth / width);
  const { data, info } = await sharp(input, { failOn: 'error' })
    .autoOrient()
    .resize(Math.max(1, Math.round(width * scale)))
    .flatten({ background: '#ffffff' })
    .greyscale()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const skew = estimateSkew(data, info.width, info.height, opts);
  if (Math.abs(skew) < opts.minDeg) return { image, turned: 0, back: identity, width, height };
  // Edge colour for the new corners: the page's own median is unknown here, and a mid grey reads
  // as neither text nor background to DB.
  const turned = await sharp(input, { failOn: 'error' }).autoOrient().rotate(-skew, { background: '#808080' }).png({ compressionLevel: 1 }).toBuffer({ resolveWithObject: true });
  return { image: turned.data, turned: -skew, back: unturn(width, height, turned.info.width, turned.info.height, -skew), width, height };
}

/**
 * The inverse of sharp's rotate(deg) on a width×height image whose turned canvas is w2×h2: maps
 * the turned box's corners back and takes their bounding box, clamped to the original.
 */
export function unturn(width: number, height: number, w2: number, h2: number, deg: number): (box: OcrWord['bbox']) => OcrWord['bbox'] {
  const t = (deg * Math.PI) / 180;
  const c = Math.cos(t);
  const s = Math.sin(t);
  const point = (x: number, y: number): [number, number] => {
    // Forward (clockwise on screen, y down): x' = c·dx − s·dy, y' = s·dx + c·dy about the centres.
    const dx = x - w2 / 2;
    const dy = y - h2 / 2;
    return [c * dx + s * dy + width / 2, -s * dx + c * dy + height / 2];
  };
  return (box) => {
    const corners = [point(box.x0, box.y0), point(box.x1, box.y0), point(box.x0, box.y1), point(box.x1, box.y1)];
    const px = corners.map((p) => p[0]);
    const py = corners.map((p) => p[1]);
    const clampX = (v: number): number => Math.max(0, Math.min(width, Math.round(v)));
    const clampY = (v: number): number => Math.max(0, Math.min(height, Math.round(v)));
    return { x0: clampX(Math.min(...px)), y0: clampY(Math.min(...py)), x1: clampX(Math.max(...px)), y1: clampY(Math.max(...py)) };
  };
}

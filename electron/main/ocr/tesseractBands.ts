// The tesseract.js fallback on a long scroll (issue 19): its preparation enlarges narrow images up
// to 3× before anything else, so a 300×894,000 screenshot became a 2.4 G-pixel grey image (7.7 GB).
// An image whose prepared size would pass TESSERACT_MAX_PIXELS is read in horizontal bands instead,
// each cut at a blank row where there is one (so no line is split), prepared and read on its own,
// with its word boxes moved down to the band's place in the original.
import sharp from 'sharp';
import type { OcrWord } from '../../../shared/extract';
import type { EngineRecognizeOptions, OcrEngine } from './engine';
import type { PreprocessRecipe } from './preprocess';
import { preprocess, toOriginal } from './preprocess';

/** Prepared pixels tesseract reads at once: a long phone screenshot (1170×7,500) stays one piece. */
export const TESSERACT_MAX_PIXELS = 24_000_000;
/** Prepared pixels per band. */
const BAND_PIXELS = 8_000_000;

/** The preparation's scale for an image this wide (preprocess.ts). */
function prepScale(width: number, recipe: PreprocessRecipe): number {
  if (width < recipe.minWidth) return Math.min(recipe.maxUpscale, recipe.minWidth / width);
  return width > recipe.maxWidth ? recipe.maxWidth / width : 1;
}

export function needsBands(width: number, height: number, recipe: PreprocessRecipe): boolean {
  const s = prepScale(width, recipe);
  return width * s * height * s > TESSERACT_MAX_PIXELS;
}

/** The last row from `from` on whose grey values all lie within 24 of each other, or -1. */
export function lastBlankRow(grey: Buffer, width: number, from: number, to: number): number {
  for (let y = to - 1; y >= from; y--) {
    let lo = 255;
    let hi = 0;
    for (let x = y * width; x < (y + 1) * width; x++) {
      const v = grey[x] ?? 0;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo <= 24) return y;
  }
  return -1;
}

export interface BandedReading {
  text: string;
  words: OcrWord[];
  confidence: number;
  ms: number;
  bands: number;
}

export async function readInBands(engine: OcrEngine, image: Buffer, size: { width: number; height: number }, recipe: PreprocessRecipe, opts: EngineRecognizeOptions = {}): Promise<BandedReading> {
  const { width, height } = size;
  const s = prepScale(width, recipe);
  const bandRows = Math.max(256, Math.floor(BAND_PIXELS / (width * s * s)));
  const texts: string[] = [];
  const words: OcrWord[] = [];
  let confidence = 0;
  let ms = 0;
  let bands = 0;
  for (let top = 0; top < height; ) {
    opts.signal?.throwIfAborted();
    const rows = Math.min(bandRows, height - top);
    // A PNG decodes from the top each time: slow for the last bands, but bounded in memory, and
    // this is the fallback for machines where PP-OCR cannot run at all.
    const grey = await sharp(image, { failOn: 'error', sequentialRead: true })
      .extract({ left: 0, top, width, height: rows })
      .flatten({ background: '#ffffff' })
      .greyscale()
      .raw()
      .toBuffer();
    // Cut at a blank row in the band's last third, so the next band starts between two lines.
    const blank = top + rows < height ? lastBlankRow(grey, width, Math.floor(rows * 0.66), rows) : -1;
    const take = blank > 0 ? blank + 1 : rows;
    const band = await sharp(grey, { raw: { width, height: rows, channels: 1 } }).extract({ left: 0, top: 0, width, height: take }).png({ compressionLevel: 1 }).toBuffer();
    // Blank stretches of a long scroll have nothing to read.
    if (!(await flat(band))) {
      const prepared = await preprocess(band, recipe);
      const rec = await engine.recognize(prepared.png, { ...opts, onProgress: (p) => opts.onProgress?.(Math.min(1, (top + take * p) / height)) });
      for (const w of toOriginal(rec.words, prepared)) words.push({ ...w, bbox: { ...w.bbox, y0: w.bbox.y0 + top, y1: w.bbox.y1 + top } });
      if (rec.text.trim() !== '') texts.push(rec.text.replace(/\n+$/, ''));
      confidence += rec.confidence;
      ms += rec.ms;
      bands++;
    }
    top += take;
    opts.onProgress?.(Math.min(1, top / height));
  }
  return { text: texts.length > 0 ? `${texts.join('\n')}\n` : '', words, confidence: bands > 0 ? confidence / bands : 0, ms, bands };
}

async function flat(png: Buffer): Promise<boolean> {
  const { channels } = await sharp(png).stats();
  const c = channels[0];
  return c !== undefined && c.max - c.min <= 24;
}

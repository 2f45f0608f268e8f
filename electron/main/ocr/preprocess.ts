// Image preparation before OCR, chosen by measuring on corpora rendered for tuning (bench/ocr/sweep.ts):
//  - greyscale always: in colour, tesseract loses text on WeChat's green bubbles;
//  - dark screenshots (median luminance below 100) are inverted;
//  - narrow ones (shrunk forwards, old phones) are enlarged to 1000 px wide, at most 3×;
//  - a global threshold at 200 turns grey labels, grey time separators and light bubbles into
//    black on white (180 lost thin grey strokes, 220 thickened digits into misreads);
//  - solid mid-grey areas with dark text (dark mode's inverted blue bubbles) are thresholded on
//    their own fill level instead (midtone.ts);
//  - solid black areas left by the threshold (QQ's blue bubbles, banners, dark-mode bubbles) are
//    flipped so their white text becomes black on white (polarity.ts).
// Word boxes found on the prepared image are mapped back to the original's pixels (toOriginal).
import sharp from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import type { OcrWord } from '../../../shared/extract';
import { medianLuma } from './luma';
import { rethresholdMidtones } from './midtone';
import { applyFlip, solidAreas } from './polarity';

export interface PreprocessRecipe {
  /** Always true in use; false only lets the bench measure what colour input loses. */
  greyscale: boolean;
  /** 'auto' inverts when the screenshot is mostly dark. */
  invert: 'auto' | 'never';
  /** Pixels at or above become white, the rest black; null leaves the greys to tesseract. */
  threshold: number | null;
  /**
   * 'binary' hands tesseract the thresholded image; 'grey' only uses the threshold to find the
   * areas to flip and keeps the anti-aliased greys, stretched so the page background is white.
   */
  output: 'binary' | 'grey';
  /**
   * After thresholding, areas that are mostly black (a blue QQ bubble, an orange status banner, a
   * green bubble in dark mode) hold white text; they are flipped so all text is black on white.
   */
  flipSolid: boolean;
  /** Stretch the grey range to 0–255 first. */
  normalise: boolean;
  /** Narrower images are enlarged to about this width (at most `maxUpscale` times). */
  minWidth: number;
  maxUpscale: number;
  /** Wider images are reduced to this width: beyond it tesseract only gets slower. */
  maxWidth: number;
}

export const DEFAULT_RECIPE: PreprocessRecipe = {
  greyscale: true,
  invert: 'auto',
  threshold: 200,
  output: 'binary',
  flipSolid: true,
  normalise: false,
  minWidth: 1000,
  maxUpscale: 3,
  maxWidth: 1600,
};

export interface Preprocessed {
  /** Greyscale PNG for tesseract. */
  png: Buffer;
  width: number;
  height: number;
  original: { width: number; height: number };
  /** prepared size / original size. */
  scale: number;
  /** What was done, in order, for the record shown with the result: ["greyscale", "invert", "upscale ×2", "threshold 200"]. */
  steps: string[];
  /** Median luminance of the (resized) greyscale image, 0–255. */
  medianLuma: number;
}

export class PreprocessError extends Error {
  override name = 'PreprocessError';
}

export function describeSharpError(err: unknown): PreprocessError {
  const text = err instanceof Error ? err.message : String(err);
  if (/exceeds pixel limit/i.test(text)) return new PreprocessError('The image has too many pixels to read safely.');
  if (/unsupported image format|Input buffer contains unsupported/i.test(text)) return new PreprocessError('This file is not an image format OCR can read.');
  return new PreprocessError(`The image could not be decoded: ${text}`);
}

interface Grey {
  data: Buffer;
  width: number;
  height: number;
}

const rawOf = (g: Grey): SharpOptions => ({ raw: { width: g.width, height: g.height, channels: 1 } });

/** Ends a pipeline as one-channel raw pixels: without toColourspace sharp would write sRGB triples. */
async function toGrey(img: Sharp, width: number, height: number): Promise<Grey> {
  return { data: await img.toColourspace('b-w').raw().toBuffer(), width, height };
}

export async function preprocess(input: Buffer, recipe: PreprocessRecipe = DEFAULT_RECIPE): Promise<Preprocessed> {
  try {
    const meta = await sharp(input, { failOn: 'error' }).metadata();
    const width = meta.autoOrient.width;
    const height = meta.autoOrient.height;
    const steps: string[] = [];

    let scale = 1;
    if (width < recipe.minWidth) scale = Math.min(recipe.maxUpscale, recipe.minWidth / width);
    else if (width > recipe.maxWidth) scale = recipe.maxWidth / width;
    const w = Math.max(1, Math.round(width * scale));
    const h = Math.max(1, Math.round(height * scale));
    scale = w / width;

    let img = sharp(input, { failOn: 'error' }).autoOrient().flatten({ background: '#ffffff' });
    if (w !== width) {
      img = img.resize(w, h, { kernel: scale > 1 ? 'cubic' : 'lanczos3', fit: 'fill' });
      steps.push(`${scale > 1 ? 'upscale' : 'downscale'} ×${scale.toFixed(2)}`);
    }
    if (!recipe.greyscale) {
      const png = await img.png({ compressionLevel: 1 }).toBuffer();
      const median = medianLuma((await toGrey(img.clone().greyscale(), w, h)).data, 1);
      return { png, width: w, height: h, original: { width, height }, scale, steps, medianLuma: median };
    }
    steps.unshift('greyscale');
    // One decode; the rest is done on raw grey pixels, because sharp applies its own operations in
    // a fixed internal order (threshold before negate, one resize per pipeline).
    let g = await toGrey(img.greyscale(), w, h);
    const median = medianLuma(g.data, 1);
    if (recipe.invert === 'auto' && median < 100) {
      for (let i = 0; i < g.data.length; i++) g.data[i] = 255 - (g.data[i] ?? 0);
      steps.push('invert');
    }
    if (recipe.normalise) {
      g = await toGrey(sharp(g.data, rawOf(g)).normalise(), w, h);
      steps.push('normalise');
    }
    if (recipe.threshold !== null) {
      const t = recipe.threshold;
      const binary: Grey = { ...g, data: Buffer.from(g.data.map((v) => (v >= t ? 255 : 0))) };
      const local = recipe.flipSolid ? rethresholdMidtones(g, binary, t) : 0;
      const flip = recipe.flipSolid ? solidAreas(binary) : null;
      if (recipe.output === 'binary') {
        g = binary;
        steps.push(`threshold ${t}`);
        if (local > 0) steps.push(`local threshold in ${local} mid-grey area${local === 1 ? '' : 's'}`);
      } else {
        // Greys 40…t+40 stretched to 0…255: the page background clips to white, text keeps its edges.
        g = await toGrey(sharp(g.data, rawOf(g)).linear(255 / t, (-40 * 255) / t), w, h);
        steps.push(`stretch 40–${t + 40}`);
      }
      if (flip && flip.areas > 0) {
        applyFlip(g, flip);
        steps.push(`flip ${flip.areas} white-on-colour area${flip.areas === 1 ? '' : 's'}`);
      }
    }
    const png = await sharp(g.data, rawOf(g)).toColourspace('b-w').png({ compressionLevel: 1 }).toBuffer();
    return { png, width: w, height: h, original: { width, height }, scale, steps, medianLuma: median };
  } catch (err) {
    throw err instanceof PreprocessError ? err : describeSharpError(err);
  }
}

/** Word boxes from the prepared image, in the original image's pixels. */
export function toOriginal(words: readonly OcrWord[], prepared: Pick<Preprocessed, 'scale' | 'original'>): OcrWord[] {
  if (prepared.scale === 1) return [...words];
  const { width, height } = prepared.original;
  const at = (v: number, max: number): number => Math.max(0, Math.min(max, Math.round(v / prepared.scale)));
  return words.map((w) => ({
    ...w,
    bbox: { x0: at(w.bbox.x0, width), y0: at(w.bbox.y0, height), x1: at(w.bbox.x1, width), y1: at(w.bbox.y1, height) },
  }));
}

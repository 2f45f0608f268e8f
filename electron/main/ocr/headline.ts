// A second, targeted pass for headline amounts. tesseract at psm 6 drops a wallet bill's big
// "-¥369.00" line entirely (a tight crop of it reads fine; psm 4 over the page reads it but costs
// ids, timestamps and a third of the speed). So, only on a bill page or a page where no amount was
// found, tall ink bands near the top that no first-pass word explains are cut out, shrunk to
// ordinary text height and read on their own. A read is kept only when it is an amount, so a
// product photo or a logo can never add text.
import sharp from 'sharp';
import { classifyKind, cleanOcrText, extractAmount } from '../../../shared/extract';
import type { OcrWord } from '../../../shared/extract';
import { cropFor, fromCrop, insertLine, largeTextBands } from './bands';
import type { EngineRecognition, EngineRecognizeOptions, OcrEngine } from './engine';

/**
 * Height (pixels) a band's ink is scaled to; ordinary words on the prepared page are 30–40 px tall.
 * Measured on the six wallet headlines of two held-out seeds: 28, 40 and 55 all read every one.
 */
export const HEADLINE_TARGET_HEIGHT = 40;

/** A line that is only a money figure: "-¥369.00", "¥ 1,299.00", "+25.50" (after clean-up). */
const AMOUNT_LINE_RE = /^[-−一+]?[¥￥]?\d{1,3}(?:,?\d{3})*\.\d{2}$/;

export interface PreparedImage {
  png: Buffer;
  width: number;
  height: number;
}

export interface FirstPass {
  text: string;
  words: OcrWord[];
}

/** Whether the page deserves the headline pass, from the first pass's text alone. */
export function wantsHeadlinePass(rawText: string): boolean {
  const clean = cleanOcrText(rawText);
  const kind = classifyKind(clean);
  if (kind === 'chat') return false;
  return kind === 'payment' || extractAmount(clean, { kind }) === null;
}

/** Inked pixels per row, and a way to ask for the inked columns of a row range. */
async function inkProfile(img: PreparedImage): Promise<{ rows: Uint32Array; cols: (y0: number, y1: number) => [number, number] | null }> {
  const data = await sharp(img.png).toColourspace('b-w').raw().toBuffer();
  const { width, height } = img;
  const rows = new Uint32Array(height);
  for (let y = 0; y < height; y++) {
    let n = 0;
    for (let x = y * width, end = x + width; x < end; x++) if ((data[x] ?? 255) < 128) n++;
    rows[y] = n;
  }
  const cols = (y0: number, y1: number): [number, number] | null => {
    let x0 = width;
    let x1 = -1;
    for (let y = y0; y < y1; y++) {
      for (let x = 0; x < width; x++) {
        if ((data[y * width + x] ?? 255) >= 128) continue;
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
      }
    }
    return x1 < 0 ? null : [x0, x1 + 1];
  };
  return { rows, cols };
}

/**
 * The first line of a crop's read that is an amount, with its words; null when none is. A band
 * may hold a small label run into the headline, so each line is judged on its own.
 */
export function amountLine(read: FirstPass): { line: string; words: OcrWord[] } | null {
  // Each word's line, found by walking the text in reading order as tesseract wrote both.
  const lineOf: number[] = [];
  let cursor = 0;
  for (const w of read.words) {
    const at = read.text.indexOf(w.text, cursor);
    if (at >= 0) cursor = at + w.text.length;
    lineOf.push(at < 0 ? -1 : read.text.slice(0, at).split('\n').length - 1);
  }
  const lines = read.text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = cleanOcrText(lines[i] ?? '').replace(/\s+/g, '');
    if (AMOUNT_LINE_RE.test(line)) return { line, words: read.words.filter((_, k) => lineOf[k] === i) };
  }
  return null;
}

export interface HeadlineResult extends FirstPass {
  /** Crops read, for the preprocessing record. */
  crops: number;
  ms: number;
}

/**
 * The first pass with any headline amounts merged in: their words (in the prepared image's pixels)
 * appended, their text put in at its place on the page. Unchanged when nothing qualifies.
 */
export async function headlinePass(
  engine: Pick<OcrEngine, 'recognize'>,
  img: PreparedImage,
  first: FirstPass,
  opts: EngineRecognizeOptions = {},
): Promise<HeadlineResult> {
  const started = Date.now();
  const unchanged: HeadlineResult = { ...first, crops: 0, ms: 0 };
  if (!wantsHeadlinePass(first.text)) return unchanged;
  const profile = await inkProfile(img);
  const bands = largeTextBands(profile.rows, img.height, first.words, profile.cols);
  if (bands.length === 0) return { ...unchanged, ms: Date.now() - started };
  let { text } = first;
  const words = [...first.words];
  for (const band of bands) {
    opts.signal?.throwIfAborted();
    const crop = cropFor(band, img.width, img.height, HEADLINE_TARGET_HEIGHT);
    const png = await sharp(img.png)
      .extract({ left: crop.left, top: crop.top, width: crop.width, height: crop.height })
      .resize(Math.max(1, Math.round(crop.width * crop.scale)), Math.max(1, Math.round(crop.height * crop.scale)), { kernel: 'lanczos3', fit: 'fill' })
      .toColourspace('b-w')
      .png({ compressionLevel: 1 })
      .toBuffer();
    const rec: EngineRecognition = await engine.recognize(png, { signal: opts.signal });
    const found = amountLine(rec);
    if (found === null) continue;
    words.push(...fromCrop(found.words, crop));
    text = insertLine(text, first.words, found.line, band.y0);
  }
  return { text, words, crops: bands.length, ms: Date.now() - started };
}

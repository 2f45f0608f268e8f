// One image through the whole OCR path: decode and prepare with sharp, recognise in the pool, read
// any headline amount the first pass dropped (headline.ts), map the boxes back to the original,
// clean the text. Shared by the queue, the CLI and the bench so
// all three measure and report the same thing.
import { cleanOcrText } from '../../../shared/extract';
import type { OcrWord } from '../../../shared/extract';
import sharp from 'sharp';
import type { EngineRecognizeOptions, OcrEngine, OcrEngineKind } from './engine';
import { OcrEngineError } from './engine';
import { headlinePass } from './headline';
import type { PreprocessRecipe } from './preprocess';
import { DEFAULT_RECIPE, PreprocessError, describeSharpError, preprocess, toOriginal } from './preprocess';
import { needsBands, readInBands } from './tesseractBands';

export interface PreprocessRecord {
  steps: string[];
  scale: number;
  original: { width: number; height: number };
  medianLuma: number;
}

export interface OcrResult {
  /** Cleaned text (CJK spacing removed, ¥/O/l/date repairs), what search and the UI show. */
  text: string;
  /** tesseract's own text, which the extractors take (they clean it the same way themselves). */
  rawText: string;
  /** Word boxes in the original image's pixels. */
  words: OcrWord[];
  preprocess: PreprocessRecord;
  /** Milliseconds of preparation and recognition. */
  ms: number;
  /** Engine, data and settings that produced this, e.g. "tesseract.js 7.0.0 chi_sim+eng 4.0.0 psm 6". */
  engine: string;
  /** Which reader produced it: PP-OCR, or tesseract.js (the fallback when onnxruntime cannot load). */
  kind: OcrEngineKind;
  /** Mean word confidence, 0–100. */
  confidence: number;
}

/**
 * PP-OCR reads the original pixels (its worker bands, scales and inverts on its own), and its boxes
 * come back in the original's pixels; tesseract's binarising preparation would only cost it text.
 */
async function paddleImage(engine: OcrEngine, image: Buffer, opts: EngineRecognizeOptions): Promise<OcrResult> {
  const started = Date.now();
  const meta = await sharp(image, { failOn: 'error' })
    .metadata()
    .catch((err: unknown) => {
      throw describeSharpError(err);
    });
  const rec = await engine.recognize(image, opts);
  return {
    text: cleanOcrText(rec.text),
    rawText: rec.text,
    words: rec.words,
    preprocess: { steps: [], scale: 1, original: { width: meta.autoOrient.width, height: meta.autoOrient.height }, medianLuma: -1 },
    ms: Date.now() - started,
    engine: engine.name,
    kind: 'paddle',
    confidence: rec.confidence,
  };
}

export async function ocrImage(engine: OcrEngine, image: Buffer, opts: EngineRecognizeOptions & { recipe?: PreprocessRecipe } = {}): Promise<OcrResult> {
  if (engine.kind === 'paddle') {
    try {
      return await paddleImage(engine, image, opts);
    } catch (err) {
      // The auto engine switched to tesseract.js during this call (onnxruntime would not load).
      if (!(err instanceof OcrEngineError && err.code === 'fallback')) throw err;
    }
  }
  const started = Date.now();
  const recipe = opts.recipe ?? DEFAULT_RECIPE;
  const meta = await sharp(image, { failOn: 'error' })
    .metadata()
    .catch((err: unknown) => {
      throw describeSharpError(err);
    });
  const size = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  if (needsBands(size.width, size.height, recipe)) {
    // A long scroll: read in bands so no prepared image passes TESSERACT_MAX_PIXELS.
    const read = await readInBands(engine, image, size, recipe, opts).catch((err: unknown) => {
      throw err instanceof OcrEngineError || err instanceof PreprocessError || (err instanceof Error && err.name === 'AbortError') ? err : describeSharpError(err);
    });
    return {
      text: cleanOcrText(read.text),
      rawText: read.text,
      words: read.words,
      preprocess: { steps: [`${read.bands} bands`], scale: 1, original: size, medianLuma: -1 },
      ms: Date.now() - started,
      engine: engine.name,
      kind: 'tesseract',
      confidence: read.confidence,
    };
  }
  const prepared = await preprocess(image, recipe);
  const prepMs = Date.now() - started;
  opts.signal?.throwIfAborted();
  const rec = await engine.recognize(prepared.png, opts);
  const merged = await headlinePass(engine, prepared, rec, opts);
  const steps = merged.crops > 0 ? [...prepared.steps, `headline pass ×${merged.crops}`] : prepared.steps;
  return {
    text: cleanOcrText(merged.text),
    rawText: merged.text,
    words: toOriginal(merged.words, prepared),
    preprocess: { steps, scale: Math.round(prepared.scale * 1000) / 1000, original: prepared.original, medianLuma: prepared.medianLuma },
    // Preparation plus recognition, without time spent waiting for a free worker.
    ms: prepMs + rec.ms + merged.ms,
    engine: engine.name,
    kind: 'tesseract',
    confidence: rec.confidence,
  };
}

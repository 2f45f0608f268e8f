// One image through the whole OCR path: decode and prepare with sharp, recognise in the pool, read
// any headline amount the first pass dropped (headline.ts), map the boxes back to the original,
// clean the text. Shared by the queue, the CLI and the bench so
// all three measure and report the same thing.
import { cleanOcrText } from '../../../shared/extract';
import type { OcrWord } from '../../../shared/extract';
import type { EngineRecognizeOptions, OcrEngine } from './engine';
import { headlinePass } from './headline';
import type { PreprocessRecipe } from './preprocess';
import { DEFAULT_RECIPE, preprocess, toOriginal } from './preprocess';

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
  /** Mean word confidence, 0–100. */
  confidence: number;
}

export async function ocrImage(engine: OcrEngine, image: Buffer, opts: EngineRecognizeOptions & { recipe?: PreprocessRecipe } = {}): Promise<OcrResult> {
  const started = Date.now();
  const prepared = await preprocess(image, opts.recipe ?? DEFAULT_RECIPE);
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
    confidence: rec.confidence,
  };
}

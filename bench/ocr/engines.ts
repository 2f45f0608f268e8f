// The three readers bench:ocr puts side by side, each reading an image file the way it would in
// use: PP-OCR through the app's pipeline (original pixels, boxes back in original pixels),
// tesseract.js through the app's pipeline (preparation + headline pass), and the native tesseract
// CLI with its automatic layout (--psm 3) on the same prepared image, one process per core.
import { readFile } from 'node:fs/promises';
import type { OcrWord } from '../../shared/extract';
import type { OcrEngine } from '../../electron/main/ocr/engine';
import { createOcrEngine } from '../../electron/main/ocr/engine';
import { createPaddleEngine } from '../../electron/main/ocr/paddle/engine';
import type { ReaderOptions } from '../../electron/main/ocr/paddle/reader';
import { ocrImage } from '../../electron/main/ocr/pipeline';
import { preprocess, toOriginal } from '../../electron/main/ocr/preprocess';
import { nativeTesseract, recognizeNative } from './native';

export interface Reading {
  text: string;
  /** Original image pixels. */
  words: OcrWord[];
  ms: number;
  /** KB; only known for a separate process (native CLI). */
  peakRssKb?: number;
}

export interface BenchEngine {
  label: string;
  lanes: number;
  /** Start-up before the first image (pool warm-up); 0 when each image pays its own. */
  startMs: number;
  read(file: string): Promise<Reading>;
  stop(): Promise<void>;
}

async function pooled(label: string, engine: OcrEngine): Promise<BenchEngine> {
  const t = Date.now();
  await engine.warm();
  return {
    label,
    lanes: engine.size,
    startMs: Date.now() - t,
    async read(file) {
      const r = await ocrImage(engine, await readFile(file));
      return { text: r.rawText, words: r.words, ms: r.ms };
    },
    stop: () => engine.terminate(),
  };
}

/** `reader` overrides the reader's settings, to measure alternatives (bench:ocr --det-width=N). */
export const paddleBench = (reader: Partial<ReaderOptions> = {}, note = reader.detMaxWidth ? `det≤${reader.detMaxWidth}` : ''): Promise<BenchEngine> =>
  pooled(`PP-OCRv4${note ? ` ${note}` : ''}`, createPaddleEngine({ idleMs: 0, reader }));
export const tesseractJsBench = (): Promise<BenchEngine> => pooled('tesseract.js', createOcrEngine({ idleMs: 0 }));

/** null when the CLI or its chi_sim data is not installed (the column is then skipped). */
export async function nativeBench(cores: number): Promise<BenchEngine | null> {
  const info = await nativeTesseract();
  if (!info) return null;
  return {
    label: 'native psm3',
    lanes: cores,
    startMs: 0,
    async read(file) {
      const t = Date.now();
      const p = await preprocess(await readFile(file));
      const prepMs = Date.now() - t;
      const r = await recognizeNative(p.png, '3');
      return { text: r.text, words: toOriginal(r.words, p), ms: prepMs + r.ms, peakRssKb: r.peakRssKb };
    },
    stop: async () => undefined,
  };
}

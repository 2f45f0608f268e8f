// Worker-thread entry for the PP-OCR engine (engine.ts starts one per core). It loads the ONNX
// models once, then reads one image per message. Messages: {id, image, options} in,
// {id, ok: {text, words, confidence, lines}} or {id, error, code} out. The first message out is
// {ready} or {fatal}, so the pool can tell "onnxruntime cannot load here" from a bad image.
import { parentPort, workerData } from 'node:worker_threads';
import type { OcrWord } from '../../../../shared/extract';
import { readingOrder } from './geometry';
import type { PaddleModelPaths } from './models';
import type { Reader, ReaderOptions } from './reader';

export interface WorkerRequest {
  id: number;
  image: Uint8Array;
  options?: Partial<ReaderOptions>;
}

export type WorkerReply =
  | { ready: true }
  | { fatal: string }
  | { id: number; ok: { text: string; words: OcrWord[]; confidence: number; width: number; height: number } }
  | { id: number; error: string }
  | { id: number; progress: number };

const port = parentPort;
const models: PaddleModelPaths = workerData;

async function main(): Promise<void> {
  if (!port) return;
  let reader: Reader;
  try {
    // Imported here, not at the top, so a runtime that cannot load (old CPU, missing binary) is
    // reported as {fatal} instead of killing the thread before it can say why.
    const { createReader } = await import('./reader');
    reader = await createReader(models);
  } catch (err) {
    port.postMessage({ fatal: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
    return;
  }
  port.on('message', (req: WorkerRequest) => {
    const progress = (share: number): void => port.postMessage({ id: req.id, progress: share } satisfies WorkerReply);
    void reader.read(req.image, req.options, progress).then(
      ({ lines, width, height }) => {
        const { text, words } = readingOrder(lines);
        const confidence = lines.length === 0 ? 0 : (lines.reduce((s, l) => s + l.confidence, 0) / lines.length) * 100;
        port.postMessage({ id: req.id, ok: { text, words, confidence: Math.round(confidence * 10) / 10, width, height } } satisfies WorkerReply);
      },
      (err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}

void main();

// Worker-thread entry for the PP-OCR engine (engine.ts starts one per core). It loads the ONNX
// models once, then reads one image per message. Messages: {id, image, options} in,
// {id, ok: {text, words, confidence}}, {id, progress} or {id, error} out. The first message out is
// {ready} or {fatal}, so the pool can tell "onnxruntime cannot load here" from a bad image. Its
// imports are static so the build bundles it into one file (no chunk left inside app.asar).
import { parentPort, workerData } from 'node:worker_threads';
import type { OcrWord } from '../../../../shared/extract';
import { uprightPhoto } from './deskew';
import { readingOrder } from './geometry';
import type { PaddleModelPaths } from './models';
import type { Reader, ReaderOptions } from './reader';
import { createReader } from './reader';

export type WorkerRequest =
  | { id: number; image: Uint8Array; options?: Partial<ReaderOptions> }
  /** Release the sessions and end the thread: onnxruntime aborts the whole process if a thread is
   * terminated while its sessions are alive. */
  | { close: true };

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
    // A runtime that cannot load at all (missing binary, old CPU) fails the import instead and
    // reaches the pool as the thread's 'error' before 'ready': the same "cannot start" either way.
    reader = await createReader(models);
  } catch (err) {
    port.postMessage({ fatal: err instanceof Error ? err.message : String(err) } satisfies WorkerReply);
    return;
  }
  let busy: Promise<unknown> = Promise.resolve();
  let closing = false;
  port.on('message', (req: WorkerRequest) => {
    if ('close' in req) {
      // The read under way stops at its next step (see progress), then the sessions are released.
      closing = true;
      void busy.then(() => reader.release()).finally(() => process.exit(0));
      return;
    }
    const progress = (share: number): void => {
      if (closing) throw new Error('The OCR engine is closing.');
      port.postMessage({ id: req.id, progress: share } satisfies WorkerReply);
    };
    // A tilted photo is read level (boxes are axis-aligned); its word boxes go back to the original.
    busy = uprightPhoto(req.image).then(async (upright) => {
      const { lines } = await reader.read(upright.image, req.options, progress);
      return { lines, upright };
    }).then(
      ({ lines, upright }) => {
        const { width, height } = upright;
        const level = readingOrder(lines);
        const text = level.text;
        const words = upright.turned === 0 ? level.words : level.words.map((w) => ({ ...w, bbox: upright.back(w.bbox) }));
        const confidence = lines.length === 0 ? 0 : (lines.reduce((s, l) => s + l.confidence, 0) / lines.length) * 100;
        port.postMessage({ id: req.id, ok: { text, words, confidence: Math.round(confidence * 10) / 10, width, height } } satisfies WorkerReply);
      },
      (err: unknown) => port.postMessage({ id: req.id, error: err instanceof Error ? err.message : String(err) } satisfies WorkerReply),
    );
  });
  port.postMessage({ ready: true } satisfies WorkerReply);
}

void main();

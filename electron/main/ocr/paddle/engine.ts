// A pool of worker threads running PP-OCRv4 (worker.ts), behind the same OcrEngine interface as
// the tesseract.js pool. One thread per core, each with single-threaded onnxruntime sessions: on
// two cores, two one-thread sessions beat one two-thread session (paddlePoolSize).
// Cancelling a running read stops its thread (onnxruntime cannot be interrupted mid-run); a fresh
// one is started for the next job.
import { existsSync } from 'node:fs';
import os from 'node:os';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { EngineRecognition, EngineRecognizeOptions, OcrEngine } from '../engine';
import { OcrEngineError, defaultPoolSize } from '../engine';
import type { PaddleModelPaths } from './models';
import { resolvePaddleModels } from './models';
import type { ReaderOptions } from './reader';
import type { WorkerReply, WorkerRequest } from './worker';

export interface PaddleEngineOptions {
  size?: number;
  modelDir?: string;
  /** Reader settings, for measuring alternatives (bench/ocr). */
  reader?: Partial<ReaderOptions>;
  idleMs?: number;
  /** A read that reports no progress for this long is stopped (progress comes after every band). */
  timeoutMs?: number;
}

export const PADDLE_ENGINE_NAME = 'paddle PP-OCRv4 det+rec onnxruntime';

/**
 * One worker per core, at most four (each holds its own sessions and image buffers, a few hundred MB
 * on long screenshots). Measured on the 2-core machine with one-thread sessions, 46 corpus
 * screenshots: one worker 54–58 s, two workers 33–34 s, two separate processes 37 s (bench:ocr).
 */
export function paddlePoolSize(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(defaultPoolSize(cores), 4));
}

/**
 * How to start the worker: the bundled build ships it beside main's index.js (electron.config.ts);
 * from source (tsx, vitest) a tiny bootstrap registers tsx's loader inside the thread, then imports
 * worker.ts (Node 20 does not pass --import hooks on to worker threads).
 */
export function paddleWorkerScript(): { script: string | URL; eval: boolean } {
  const built = new URL('./paddleWorker.js', import.meta.url);
  if (built.protocol === 'file:') {
    const unpacked = fileURLToPath(built).replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
    if (existsSync(unpacked)) return { script: pathToFileURL(unpacked), eval: false };
  }
  // require.resolve would pick the CommonJS build; the thread needs tsx's ESM register().
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
  const worker = new URL('./worker.ts', import.meta.url).href;
  return { script: `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`, eval: true };
}

interface Job {
  id: number;
  image: Uint8Array;
  opts: EngineRecognizeOptions;
  resolve: (r: EngineRecognition) => void;
  reject: (e: Error) => void;
  settled: boolean;
  started: number;
  timer: NodeJS.Timeout | null;
}

interface Slot {
  worker: Worker | null;
  ready: Promise<Worker> | null;
  job: Job | null;
  idle: NodeJS.Timeout | null;
}

export function createPaddleEngine(opts: PaddleEngineOptions = {}): OcrEngine {
  const size = Math.max(1, opts.size ?? paddlePoolSize());
  const idleMs = opts.idleMs ?? 120_000;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const slots: Slot[] = Array.from({ length: size }, () => ({ worker: null, ready: null, job: null, idle: null }));
  const queue: Job[] = [];
  let models: PaddleModelPaths | null = null;
  let nextId = 1;
  let terminated = false;
  // Workers being closed (a timed-out or failed slot): terminate() waits for them too, so nothing
  // exits the process while a thread still holds onnxruntime sessions.
  const closing = new Set<Promise<void>>();

  const settle = (job: Job, outcome: { ok: EngineRecognition } | { err: Error }): void => {
    if (job.settled) return;
    job.settled = true;
    if (job.timer) clearTimeout(job.timer);
    if ('ok' in outcome) job.resolve(outcome.ok);
    else job.reject(outcome.err);
  };

  const stop = (slot: Slot): void => {
    const w = slot.worker;
    slot.worker = null;
    slot.ready = null;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    if (w) {
      const closed = closeWorker(w).finally(() => closing.delete(closed));
      closing.add(closed);
    }
  };

  const fail = (slot: Slot, err: Error): void => {
    const job = slot.job;
    slot.job = null;
    stop(slot);
    if (job) settle(job, { err });
    pump();
  };

  const start = (slot: Slot): Promise<Worker> => {
    if (slot.ready) return slot.ready;
    const ready = new Promise<Worker>((resolve, reject) => {
      try {
        models ??= resolvePaddleModels(opts.modelDir);
      } catch (err) {
        reject(new OcrEngineError('start', `The PP-OCR engine could not start: ${err instanceof Error ? err.message : String(err)}`));
        return;
      }
      const script = paddleWorkerScript();
      const worker = new Worker(script.script, { workerData: models, eval: script.eval });
      let up = false;
      worker.on('message', (reply: WorkerReply) => {
        if ('ready' in reply) {
          up = true;
          slot.worker = worker;
          resolve(worker);
        } else if ('fatal' in reply) {
          void worker.terminate();
          reject(new OcrEngineError('start', `The PP-OCR engine could not start: ${reply.fatal}`));
        } else if ('progress' in reply) {
          if (slot.job?.id === reply.id) {
            watch(slot, slot.job);
            slot.job.opts.onProgress?.(reply.progress);
          }
        } else {
          const job = slot.job;
          if (!job || job.id !== reply.id) return;
          slot.job = null;
          if ('ok' in reply) settle(job, { ok: { text: reply.ok.text, words: reply.ok.words, confidence: reply.ok.confidence, ms: Date.now() - job.started } });
          else settle(job, { err: new OcrEngineError('recognize', `OCR failed: ${reply.error}`) });
          if (idleMs > 0) slot.idle = setTimeout(() => stop(slot), idleMs).unref();
          pump();
        }
      });
      worker.on('error', (err) => {
        if (!up) reject(new OcrEngineError('start', `The PP-OCR engine could not start: ${err.message}`));
        else if (slot.worker === worker) fail(slot, new OcrEngineError('recognize', `OCR worker crashed: ${err.message}`));
      });
      worker.on('exit', () => {
        if (!up) reject(new OcrEngineError('start', 'The PP-OCR engine stopped while starting.'));
        else if (slot.worker === worker && slot.job) fail(slot, new OcrEngineError('recognize', 'OCR worker stopped unexpectedly.'));
      });
    });
    slot.ready = ready;
    ready.catch(() => {
      if (slot.ready === ready) slot.ready = null;
    });
    return ready;
  };

  /**
   * (Re)starts the job's stall timer. The timeout is time without progress, not a total: a long
   * scroll of a thousand screens reports after every band and may take minutes, and is read whole.
   */
  const watch = (slot: Slot, job: Job): void => {
    if (job.timer) clearTimeout(job.timer);
    job.timer = setTimeout(() => {
      if (slot.job === job) fail(slot, new OcrEngineError('timeout', `OCR made no progress for ${Math.round(timeoutMs / 1000)} s and was stopped.`));
    }, timeoutMs);
  };

  const run = async (slot: Slot, job: Job): Promise<void> => {
    slot.job = job;
    if (slot.idle) clearTimeout(slot.idle);
    slot.idle = null;
    watch(slot, job);
    try {
      const worker = await start(slot);
      if (job.settled || slot.job !== job) return;
      job.started = Date.now();
      // Copied, not transferred: the caller may still hold the image (the second reader crops it).
      worker.postMessage({ id: job.id, image: job.image, options: opts.reader } satisfies WorkerRequest);
    } catch (err) {
      if (slot.job === job) slot.job = null;
      settle(job, { err: err instanceof Error ? err : new OcrEngineError('start', String(err)) });
      pump();
    }
  };

  function pump(): void {
    if (terminated) return;
    for (const slot of slots) {
      if (slot.job !== null) continue;
      const job = queue.shift();
      if (!job) return;
      void run(slot, job);
    }
  }

  const cancel = (job: Job): void => {
    const queued = queue.indexOf(job);
    if (queued !== -1) queue.splice(queued, 1);
    const slot = slots.find((s) => s.job === job);
    if (slot) fail(slot, new OcrEngineError('cancelled', 'OCR was cancelled.'));
    else settle(job, { err: new OcrEngineError('cancelled', 'OCR was cancelled.') });
  };

  return {
    size,
    kind: 'paddle',
    name: PADDLE_ENGINE_NAME,
    recognize(image, recognizeOpts = {}) {
      if (terminated) return Promise.reject(new OcrEngineError('terminated', 'The OCR engine was shut down.'));
      return new Promise<EngineRecognition>((resolve, reject) => {
        const job: Job = { id: nextId++, image, opts: recognizeOpts, resolve, reject, settled: false, started: Date.now(), timer: null };
        const { signal } = recognizeOpts;
        if (signal?.aborted) return cancel(job);
        signal?.addEventListener('abort', () => cancel(job), { once: true });
        queue.push(job);
        pump();
      });
    },
    async warm() {
      await Promise.all(slots.map((slot) => start(slot)));
    },
    async terminate() {
      terminated = true;
      const down = new OcrEngineError('terminated', 'The OCR engine was shut down.');
      for (const job of queue.splice(0)) settle(job, { err: down });
      await Promise.all(
        slots.map(async (slot) => {
          if (slot.job) settle(slot.job, { err: down });
          slot.job = null;
          const w = slot.worker ?? (await slot.ready?.catch(() => null)) ?? null;
          if (slot.idle) clearTimeout(slot.idle);
          slot.worker = null;
          slot.ready = null;
          if (w) await closeWorker(w);
        }),
      );
      await Promise.all([...closing]);
    },
  };
}

/**
 * How long a worker gets to release its sessions and exit before it is terminated anyway. A read stops
 * at its next band or crop batch, so this is a last resort for a thread stuck in one native call.
 */
const CLOSE_GRACE_MS = 30_000;

/**
 * Ends a PP-OCR worker the way onnxruntime survives: the thread releases its sessions and exits by
 * itself. worker.terminate() on a thread with live sessions makes onnxruntime throw during teardown,
 * which aborts the whole process (the app, or the test run). Terminate stays as the last resort for
 * a thread that does not answer.
 */
async function closeWorker(worker: Worker): Promise<void> {
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
  try {
    worker.postMessage({ close: true } satisfies WorkerRequest);
  } catch {
    await worker.terminate();
    return;
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), CLOSE_GRACE_MS)));
  if ((await Promise.race([exited, late])) === 'late') await worker.terminate();
  clearTimeout(timer);
}

// A pool of tesseract.js workers (chi_sim+eng) for main. Its own small scheduler rather than
// tesseract.js's createScheduler, because the queue must cancel a running job, give up on a hung
// worker and wait for termination, none of which that scheduler offers.
//
// Network: the node build of tesseract.js loads its worker script and tesseract.js-core (the wasm)
// with require() from node_modules; language data comes from the local folder data.ts resolves.
// Nothing is fetched, and the tests run on a machine with no route to the internet.
import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker as ThreadWorker } from 'node:worker_threads';
import Tesseract from 'tesseract.js';
import type { OcrWord } from '../../../shared/extract';
import type { OcrDataLocation } from './data';
import { OCR_DATA_VARIANT, defaultOcrCacheDir, resolveOcrData, workerScript } from './data';
import { parseTsv } from './tsv';

export interface EngineRecognition {
  /** tesseract's plain text, before any clean-up. */
  text: string;
  words: OcrWord[];
  /** Mean word confidence, 0–100. */
  confidence: number;
  ms: number;
}

export interface EngineRecognizeOptions {
  onProgress?: (progress: number) => void;
  signal?: AbortSignal;
}

export type OcrEngineKind = 'paddle' | 'tesseract';

export interface OcrEngine {
  readonly size: number;
  /** Which reader this is; recorded with every result ("engine": "paddle" | "tesseract"). */
  readonly kind: OcrEngineKind;
  /** e.g. "tesseract.js 7.0.0 chi_sim+eng 4.0.0 psm 6": stored with results so old ones can be told apart. */
  readonly name: string;
  /** `image` is an encoded image tesseract can read (the preprocessor hands it PNG). */
  recognize(image: Uint8Array, opts?: EngineRecognizeOptions): Promise<EngineRecognition>;
  /** Starts every worker now instead of on first use. */
  warm(): Promise<void>;
  terminate(): Promise<void>;
}

export interface OcrEngineOptions {
  size?: number;
  /** A folder with chi_sim/eng .traineddata.gz; by default resolved by data.ts. */
  dataDir?: string;
  /** tesseract.js languages, default chi_sim+eng. */
  langs?: string;
  /** Writable folder for gathered language data. */
  cacheDir?: string;
  /** Page segmentation mode; 6 (one uniform block) kept label and value rows together best. */
  psm?: Tesseract.PSM;
  /** Extra tesseract parameters, for measuring alternatives (bench/ocr/sweep.ts). */
  params?: Record<string, string>;
  /** A worker idle this long is stopped to give its ~150 MB back. 0 keeps workers. */
  idleMs?: number;
  /** A recognition taking longer than this is treated as a hung worker. */
  timeoutMs?: number;
}

export class OcrEngineError extends Error {
  override name = 'OcrEngineError';
  constructor(
    /** 'fallback': the engine switched readers mid-call (auto.ts); read the image again. */
    readonly code: 'start' | 'recognize' | 'timeout' | 'cancelled' | 'terminated' | 'fallback',
    message: string,
  ) {
    super(message);
  }
}

export const OCR_PSM: Tesseract.PSM = Tesseract.PSM.SINGLE_BLOCK;
const LANGS = 'chi_sim+eng';
/** Recorded with each result, so results from another engine version can be told apart. */
const TESSERACT_JS_VERSION = ((): string => {
  try {
    const pkg: unknown = createRequire(import.meta.url)('tesseract.js/package.json');
    const version: unknown = typeof pkg === 'object' && pkg !== null ? Reflect.get(pkg, 'version') : undefined;
    return typeof version === 'string' ? version : 'unknown';
  } catch {
    return 'unknown';
  }
})();

/**
 * One worker per core: OCR is background work and the UI lives in the renderer process, so all
 * cores may be used, but each worker holds ~150 MB, so large machines stop at 6.
 */
export function defaultPoolSize(cores = os.availableParallelism()): number {
  return Math.max(1, Math.min(cores, 6));
}

interface Job {
  image: Uint8Array;
  opts: EngineRecognizeOptions;
  resolve: (r: EngineRecognition) => void;
  reject: (e: Error) => void;
  settled: boolean;
  /** Resolves once the job is settled from outside (cancel, timeout, crash), so `run` stops waiting on a dead worker. */
  halted: Promise<void>;
  halt: () => void;
}

interface Slot {
  /** Bumped whenever the slot's worker is stopped, so a start still in flight knows it is unwanted. */
  gen: number;
  worker: Tesseract.Worker | null;
  starting: Promise<Tesseract.Worker> | null;
  job: Job | null;
  idleTimer: NodeJS.Timeout | null;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/**
 * tesseract.js never settles createWorker when language data fails to load or initialise (only a
 * failed core load rejects), so a start that takes this long is reported as broken data.
 */
const START_TIMEOUT_MS = 60_000;

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new OcrEngineError('start', `The OCR engine did not start within ${ms / 1000} s; its language data may be damaged.`)), ms);
  });
  return Promise.race([work, expired]).finally(() => clearTimeout(timer));
}

export function createOcrEngine(opts: OcrEngineOptions = {}): OcrEngine {
  const size = Math.max(1, opts.size ?? defaultPoolSize());
  const psm = opts.psm ?? OCR_PSM;
  const langs = opts.langs ?? LANGS;
  const idleMs = opts.idleMs ?? 120_000;
  const timeoutMs = opts.timeoutMs ?? 120_000;
  const slots: Slot[] = Array.from({ length: size }, () => ({ gen: 0, worker: null, starting: null, job: null, idleTimer: null }));
  const queue: Job[] = [];
  let data: Promise<OcrDataLocation> | null = null;
  let terminated = false;

  const location = (): Promise<OcrDataLocation> => {
    data ??= resolveOcrData({ dataDir: opts.dataDir, cacheDir: opts.cacheDir ?? defaultOcrCacheDir() }).catch((err: unknown) => {
      data = null;
      throw err;
    });
    return data;
  };

  const stopWorker = (slot: Slot): void => {
    const w = slot.worker;
    slot.gen++;
    slot.worker = null;
    slot.starting = null;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    if (w) void w.terminate().catch(() => undefined);
  };

  const startWorker = (slot: Slot): Promise<Tesseract.Worker> => {
    if (slot.starting) return slot.starting;
    const gen = slot.gen;
    const starting: Promise<Tesseract.Worker> = (async () => {
      const loc = await location();
      const worker = await withTimeout(Tesseract.createWorker(langs, Tesseract.OEM.LSTM_ONLY, {
        langPath: loc.langPath,
        workerPath: workerScript(),
        cachePath: opts.cacheDir ?? defaultOcrCacheDir(),
        // The data is read from local disk in ~1 s either way; caching the unpacked copy only costs 70 MB of disk.
        cacheMethod: 'none',
        gzip: true,
        logger: (m) => {
          if (m.status === 'recognizing text') slot.job?.opts.onProgress?.(Math.max(0, Math.min(1, m.progress)));
        },
        // Without a handler tesseract.js rethrows a worker's rejection inside its message listener,
        // which would crash main; the rejection still reaches the caller's promise.
        errorHandler: () => undefined,
      }), START_TIMEOUT_MS);
      const thread: unknown = Reflect.get(worker, 'worker');
      if (thread instanceof ThreadWorker) {
        // A crashed thread must fail its job, not take main down with an unhandled 'error' event.
        thread.on('error', (err) => {
          if (slot.worker === worker || slot.worker === null) failRunning(slot, new OcrEngineError('recognize', `OCR worker crashed: ${message(err)}`));
        });
      }
      // A screenshot's PNG resolution is meaningless; tesseract warns and falls back to 70 dpi, so 70
      // is said outright (same results, no warning). Its other diagnostics ("Line cannot be
      // recognized!!" on specks) go to the wasm's /dev/null instead of main's stderr.
      await worker.setParameters({ preserve_interword_spaces: '1', tessedit_pageseg_mode: psm, user_defined_dpi: '70', debug_file: '/dev/null', ...opts.params });
      if (terminated || slot.gen !== gen) {
        await worker.terminate();
        throw new OcrEngineError(terminated ? 'terminated' : 'cancelled', terminated ? 'The OCR engine was shut down.' : 'OCR was cancelled.');
      }
      slot.worker = worker;
      return worker;
    })().catch((err: unknown) => {
      if (slot.starting === starting) slot.starting = null;
      throw err instanceof OcrEngineError ? err : new OcrEngineError('start', `Could not start the OCR engine: ${message(err)}`);
    });
    slot.starting = starting;
    return starting;
  };

  const settle = (job: Job, outcome: { ok: EngineRecognition } | { err: Error }): void => {
    if (job.settled) return;
    job.settled = true;
    job.halt();
    if ('ok' in outcome) job.resolve(outcome.ok);
    else job.reject(outcome.err);
  };

  /** Stops the slot's worker and fails its job, if it is still running `only` (when given). */
  function failRunning(slot: Slot, err: Error, only?: Job): void {
    const job = slot.job;
    if (only !== undefined && job !== only) return;
    slot.job = null;
    stopWorker(slot);
    if (job) settle(job, { err });
    pump();
  }

  const run = async (slot: Slot, job: Job): Promise<void> => {
    slot.job = job;
    if (slot.idleTimer) clearTimeout(slot.idleTimer);
    slot.idleTimer = null;
    const timeout = new OcrEngineError('timeout', `OCR took longer than ${Math.round(timeoutMs / 1000)} s and was stopped.`);
    const timer = setTimeout(() => failRunning(slot, timeout, job), timeoutMs);
    try {
      const worker = await Promise.race([startWorker(slot), job.halted.then(() => null)]);
      if (worker === null || job.settled) return;
      const started = Date.now();
      const result = await Promise.race([worker.recognize(Buffer.from(job.image.buffer, job.image.byteOffset, job.image.byteLength), {}, { text: true, tsv: true }), job.halted.then(() => null)]);
      if (result === null) return;
      const words = parseTsv(result.data.tsv ?? '');
      const confidence = words.length === 0 ? 0 : words.reduce((s, w) => s + w.confidence, 0) / words.length;
      settle(job, { ok: { text: result.data.text, words, confidence: Math.round(confidence * 10) / 10, ms: Date.now() - started } });
    } catch (err) {
      settle(job, { err: err instanceof OcrEngineError ? err : new OcrEngineError('recognize', `OCR failed: ${message(err)}`) });
    } finally {
      clearTimeout(timer);
      if (slot.job === job) {
        slot.job = null;
        if (idleMs > 0 && slot.worker) slot.idleTimer = setTimeout(() => stopWorker(slot), idleMs).unref();
      }
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
    // A running recognition cannot be interrupted inside the wasm: the worker goes, a fresh one comes.
    if (slot) failRunning(slot, new OcrEngineError('cancelled', 'OCR was cancelled.'));
    else settle(job, { err: new OcrEngineError('cancelled', 'OCR was cancelled.') });
  };

  return {
    size,
    kind: 'tesseract',
    name: `tesseract.js ${TESSERACT_JS_VERSION} ${langs} ${OCR_DATA_VARIANT} psm ${psm}`,
    recognize(image, recognizeOpts = {}) {
      if (terminated) return Promise.reject(new OcrEngineError('terminated', 'The OCR engine was shut down.'));
      return new Promise<EngineRecognition>((resolve, reject) => {
        let halt = (): void => undefined;
        const halted = new Promise<void>((done) => {
          halt = done;
        });
        const job: Job = { image, opts: recognizeOpts, resolve, reject, settled: false, halted, halt };
        const { signal } = recognizeOpts;
        if (signal?.aborted) return cancel(job);
        signal?.addEventListener('abort', () => cancel(job), { once: true });
        queue.push(job);
        pump();
      });
    },
    async warm() {
      await Promise.all(slots.map((slot) => startWorker(slot)));
      for (const slot of slots) {
        if (slot.job === null && idleMs > 0 && slot.idleTimer === null) slot.idleTimer = setTimeout(() => stopWorker(slot), idleMs).unref();
      }
    },
    async terminate() {
      terminated = true;
      for (const job of queue.splice(0)) settle(job, { err: new OcrEngineError('terminated', 'The OCR engine was shut down.') });
      const pending = slots.map(async (slot) => {
        if (slot.job) settle(slot.job, { err: new OcrEngineError('terminated', 'The OCR engine was shut down.') });
        slot.job = null;
        const w = slot.worker ?? (await slot.starting?.catch(() => null)) ?? null;
        if (slot.idleTimer) clearTimeout(slot.idleTimer);
        slot.worker = null;
        slot.starting = null;
        if (w) await w.terminate();
      });
      await Promise.all(pending);
    },
  };
}

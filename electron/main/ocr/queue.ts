// The background OCR queue over a vault folder. Plain Node (no electron import) so the app, the CLI
// and the tests share it. Everything is async and runs in the worker pool: main only moves bytes.
// The queue survives a restart (queue.json; resume() puts interrupted work back to pending), a
// failure is recorded with its reason and never touches the original, and every change is reported
// per file and overall through onProgress.
import { readFile } from 'node:fs/promises';
import { assertSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import type { OcrEngine, OcrEngineOptions } from './engine';
import { createAutoEngine } from './auto';
import { OcrEngineError } from './engine';
import { ocrImage } from './pipeline';
import type { OcrItemStatus, OcrOverall, OcrProgressEvent, OcrQueueStatus } from '../../../shared/ocr/contract';
import type { QueueEntry, StoredOcrResult } from './store';
import { ocrStore } from './store';

// The status shapes are the IPC contract's, so what main reports is exactly what the renderer reads.
export type { OcrItemStatus, OcrOverall, OcrProgressEvent, OcrQueueStatus } from '../../../shared/ocr/contract';
export type { OcrState, StoredOcrResult } from './store';

export interface OcrEnqueueReport {
  queued: string[];
  /** Not queued, with the reason: not an image, already done or already queued. */
  skipped: Array<{ sha256: string; reason: string }>;
}

export interface OcrServiceOptions {
  vaultDir: string;
  onProgress?: (event: OcrProgressEvent) => void;
  /** A shared engine (the app keeps one); when absent the service makes and owns one. */
  engine?: OcrEngine;
  engineOptions?: OcrEngineOptions;
  now?: () => Date;
  /**
   * Runs when a result is stored, before the file is reported done, so whatever it derives (the
   * extracted fields) is there by the time anyone hears of it. Its failure does not fail the OCR.
   */
  onResult?: (result: StoredOcrResult, image: Buffer) => Promise<unknown>;
}

export interface OcrService {
  enqueue(sha256s: readonly string[]): Promise<OcrEnqueueReport>;
  cancel(sha256: string): Promise<void>;
  retry(sha256: string): Promise<void>;
  status(): Promise<OcrQueueStatus>;
  result(sha256: string): Promise<StoredOcrResult | null>;
  /** Reads an image that is not itself an original (a video's key frame) with the queue's engine. */
  readImage(image: Buffer, signal?: AbortSignal): ReturnType<typeof ocrImage>;
  /** Loads the saved queue and starts pending work again (interrupted files included). */
  resume(): Promise<OcrQueueStatus>;
  /** Resolves when nothing is pending or running. */
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

interface Item extends QueueEntry {
  progress: number;
  abort: AbortController | null;
}

const message = (err: unknown): string => (err instanceof Error ? err.message : String(err));

export function createOcrService(opts: OcrServiceOptions): OcrService {
  const layout = vaultLayout(opts.vaultDir);
  const store = ocrStore(opts.vaultDir);
  const now = (): string => (opts.now?.() ?? new Date()).toISOString();
  const ownsEngine = opts.engine === undefined;
  // PP-OCR by default; tesseract.js (with these options) when onnxruntime cannot load here.
  const own = opts.engineOptions ?? {};
  const engine = opts.engine ?? createAutoEngine({ size: own.size, idleMs: own.idleMs, timeoutMs: own.timeoutMs, tesseract: own });
  const items = new Map<string, Item>();
  const batch = new Set<string>();
  let loaded: Promise<void> | null = null;
  let disposed = false;
  let running = 0;
  const inFlight = new Set<Promise<void>>();
  let idleWaiters: Array<() => void> = [];

  // Saves are serialised and coalesced: a burst of state changes costs at most two writes.
  let saving: Promise<void> = Promise.resolve();
  let dirty = false;
  const persist = (): Promise<void> => {
    if (dirty) return saving;
    dirty = true;
    saving = saving.then(async () => {
      dirty = false;
      // Finished files are recorded by their result file; the queue keeps only what still matters.
      const keep = [...items.values()].filter((i) => i.state !== 'done').map(({ progress: _p, abort: _a, ...entry }) => entry);
      // A failed save (disk full, vault unplugged) leaves the previous file; the next change retries.
      await store.saveQueue(keep).catch(() => undefined);
    });
    return saving;
  };

  /** Waits until the queue file reflects every change made so far. */
  const flush = async (): Promise<void> => {
    for (let seen = saving; ; seen = saving) {
      await seen;
      if (seen === saving && !dirty) return;
    }
  };

  const snapshot = (i: Item): OcrItemStatus => ({ sha256: i.sha256, state: i.state, progress: i.progress, error: i.error, attempts: i.attempts });

  const overall = (): OcrOverall => {
    let finished = 0;
    let failed = 0;
    let partial = 0;
    for (const sha of batch) {
      const i = items.get(sha);
      if (!i) continue;
      if (i.state === 'done' || i.state === 'failed' || i.state === 'cancelled') finished++;
      if (i.state === 'failed') failed++;
      if (i.state === 'running') partial += i.progress;
    }
    const total = batch.size;
    return { total, finished, failed, progress: total === 0 ? 1 : Math.min(1, (finished + partial) / total) };
  };

  const emit = (i: Item): void => {
    try {
      opts.onProgress?.({ item: snapshot(i), overall: overall() });
    } catch {
      // A listener's bug must not stop the queue.
    }
  };

  const update = (i: Item, patch: Partial<Pick<Item, 'state' | 'progress' | 'error'>>): void => {
    Object.assign(i, patch, { updatedAt: now() });
    emit(i);
  };

  const settleIdle = (): void => {
    if (running > 0 || [...items.values()].some((i) => i.state === 'pending')) return;
    for (const done of idleWaiters.splice(0)) done();
  };

  const work = async (i: Item): Promise<void> => {
    const abort = new AbortController();
    i.abort = abort;
    i.attempts++;
    update(i, { state: 'running', progress: 0, error: null });
    void persist();
    try {
      const bytes = await readFile(layout.blob(i.sha256)).catch((err: unknown) => {
        throw new Error(`The original is not readable in the vault (${message(err)}).`);
      });
      const result = await ocrImage(engine, bytes, {
        signal: abort.signal,
        onProgress: (p) => {
          // Throttled to whole percents: tesseract reports far more often than a progress bar needs.
          if (Math.round(p * 100) !== Math.round(i.progress * 100)) update(i, { progress: p });
        },
      });
      abort.signal.throwIfAborted();
      const stored: StoredOcrResult = { sha256: i.sha256, createdAt: now(), ...result };
      await store.writeResult(stored);
      await opts.onResult?.(stored, bytes).catch((err: unknown) => console.error('[ocr] after-result step failed', err));
      update(i, { state: 'done', progress: 1, error: null });
    } catch (err) {
      // Shutting down is not the user's cancel: the file stays pending for resume().
      if (disposed) update(i, { state: 'pending', progress: 0 });
      else if (abort.signal.aborted || (err instanceof OcrEngineError && err.code === 'cancelled')) update(i, { state: 'cancelled', progress: 0, error: null });
      else update(i, { state: 'failed', progress: 0, error: message(err) });
    } finally {
      i.abort = null;
      void persist();
    }
  };

  const pump = (): void => {
    if (disposed) return;
    for (const i of items.values()) {
      if (running >= engine.size) break;
      if (i.state !== 'pending') continue;
      running++;
      const job = work(i).finally(() => {
        running--;
        inFlight.delete(job);
        pump();
        settleIdle();
      });
      inFlight.add(job);
    }
    settleIdle();
  };

  const load = (): Promise<void> => {
    loaded ??= store.loadQueue().then(
      (entries) => {
        for (const e of entries) {
          if (items.has(e.sha256)) continue;
          // Work that was running when the app stopped starts again from the beginning.
          const state = e.state === 'running' ? 'pending' : e.state;
          items.set(e.sha256, { ...e, state, progress: 0, abort: null });
          if (state === 'pending') batch.add(e.sha256);
        }
      },
      (err: unknown) => {
        // An unreadable queue file (permissions, a drive not yet mounted) is tried again next call.
        loaded = null;
        throw err;
      },
    );
    return loaded;
  };

  const statusNow = (): OcrQueueStatus => ({ items: [...items.values()].map(snapshot), overall: overall() });

  /** Starts a new batch when nothing is outstanding, so overall progress counts only current work. */
  const openBatch = (): void => {
    const active = [...batch].some((sha) => {
      const s = items.get(sha)?.state;
      return s === 'pending' || s === 'running';
    });
    if (!active) batch.clear();
  };

  const makePending = (sha: string, existing: Item | undefined): void => {
    const at = now();
    const item: Item = existing ?? { sha256: sha, state: 'pending', error: null, attempts: 0, enqueuedAt: at, updatedAt: at, progress: 0, abort: null };
    items.set(sha, item);
    batch.add(sha);
    update(item, { state: 'pending', progress: 0, error: null });
  };

  return {
    async enqueue(sha256s) {
      await load();
      openBatch();
      const report: OcrEnqueueReport = { queued: [], skipped: [] };
      for (const raw of sha256s) {
        const sha = assertSha256(raw);
        const existing = items.get(sha);
        if (existing?.state === 'pending' || existing?.state === 'running') {
          report.skipped.push({ sha256: sha, reason: 'already queued' });
          continue;
        }
        if (existing?.state === 'done' || (await store.hasResult(sha))) {
          report.skipped.push({ sha256: sha, reason: 'already done (use retry to read it again)' });
          continue;
        }
        const sidecar = await readSidecar(layout, sha);
        if (sidecar !== null && sidecar.blob.mediaType !== 'image') {
          report.skipped.push({ sha256: sha, reason: `only images are read by OCR; this is ${sidecar.blob.mediaType}` });
          continue;
        }
        makePending(sha, existing);
        report.queued.push(sha);
      }
      await persist();
      pump();
      return report;
    },
    async cancel(sha) {
      await load();
      const i = items.get(assertSha256(sha));
      if (!i) return;
      if (i.state === 'pending') update(i, { state: 'cancelled', progress: 0 });
      else if (i.state === 'running') i.abort?.abort();
      await persist();
      settleIdle();
    },
    async retry(sha) {
      await load();
      const s = assertSha256(sha);
      const i = items.get(s);
      if (i?.state === 'pending' || i?.state === 'running') return;
      openBatch();
      makePending(s, i);
      await persist();
      pump();
    },
    async status() {
      await load();
      return statusNow();
    },
    result: (sha) => store.readResult(assertSha256(sha)),
    readImage: (image, signal) => ocrImage(engine, image, signal ? { signal } : {}),
    async resume() {
      await load();
      pump();
      return statusNow();
    },
    async idle() {
      await load();
      if (running > 0 || [...items.values()].some((i) => i.state === 'pending')) await new Promise<void>((resolve) => idleWaiters.push(resolve));
      await flush();
    },
    async dispose() {
      disposed = true;
      for (const i of items.values()) i.abort?.abort();
      await Promise.all([...inFlight]);
      if (ownsEngine) await engine.terminate();
      await persist();
      await flush();
      idleWaiters.forEach((done) => done());
      idleWaiters = [];
    },
  };
}

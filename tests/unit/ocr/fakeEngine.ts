// A scripted OcrEngine for the queue's state tests: every recognition waits until the test
// finishes or fails it, honours its abort signal like the real pools do, and reports progress.
// The queue, the vault and sharp around it stay real.
import type { EngineRecognition, OcrEngine } from '../../../electron/main/ocr/engine';
import { OcrEngineError } from '../../../electron/main/ocr/engine';

interface Pending {
  resolve: (r: EngineRecognition) => void;
  reject: (e: Error) => void;
}

export interface FakeEngine extends OcrEngine {
  readonly text: string;
  started: number;
  aborted: number;
  /** Resolves once `n` recognitions are waiting. */
  running(n: number): Promise<void>;
  finishAll(): void;
  failAll(reason: string): void;
}

export function fakeEngine(): FakeEngine {
  const pending = new Set<Pending>();
  let waiters: Array<() => void> = [];
  const wake = (): void => {
    for (const w of waiters.splice(0)) w();
  };
  const text = '订单编号 3456789012345678901\n实付款 ¥149.90\n';
  const fake: FakeEngine = {
    size: 1,
    kind: 'paddle',
    name: 'fake engine',
    text,
    started: 0,
    aborted: 0,
    recognize(_image, opts = {}) {
      return new Promise<EngineRecognition>((resolve, reject) => {
        const job: Pending = { resolve, reject };
        if (opts.signal?.aborted) return reject(new OcrEngineError('cancelled', 'OCR was cancelled.'));
        opts.signal?.addEventListener('abort', () => {
          if (!pending.delete(job)) return;
          fake.aborted++;
          reject(new OcrEngineError('cancelled', 'OCR was cancelled.'));
        }, { once: true });
        pending.add(job);
        fake.started++;
        opts.onProgress?.(0.5);
        wake();
      });
    },
    async running(n) {
      while (pending.size < n) await new Promise<void>((r) => waiters.push(r));
    },
    finishAll() {
      const words = [{ text: '3456789012345678901', confidence: 95, bbox: { x0: 10, y0: 10, x1: 200, y1: 30 } }];
      for (const job of [...pending]) {
        pending.delete(job);
        job.resolve({ text, words, confidence: 95, ms: 1 });
      }
    },
    failAll(reason) {
      for (const job of [...pending]) {
        pending.delete(job);
        job.reject(new OcrEngineError('recognize', `OCR failed: ${reason}`));
      }
    },
    async warm() {},
    async terminate() {
      waiters = [];
      fake.failAll('terminated');
    },
  };
  return fake;
}

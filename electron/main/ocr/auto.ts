// The engine the app, the scan CLI and the e2e flow use: PP-OCRv4 (paddle/engine.ts) when
// onnxruntime loads on this machine, else tesseract.js for the whole page as before. The switch is
// made once, on the first failure to start, and every result records which engine read it.
import type { EngineRecognition, OcrEngine, OcrEngineKind, OcrEngineOptions } from './engine';
import { OcrEngineError, createOcrEngine } from './engine';
import type { PaddleEngineOptions } from './paddle/engine';
import { createPaddleEngine, paddlePoolSize } from './paddle/engine';

export interface AutoEngineOptions {
  size?: number;
  idleMs?: number;
  timeoutMs?: number;
  /** Forces one engine (the bench, tests, or a user setting); default tries paddle first. */
  prefer?: OcrEngineKind;
  paddle?: Omit<PaddleEngineOptions, 'size' | 'idleMs' | 'timeoutMs'>;
  tesseract?: Omit<OcrEngineOptions, 'size' | 'idleMs' | 'timeoutMs'>;
  /** Told once when paddle cannot start and tesseract.js takes over. */
  onFallback?: (reason: string) => void;
}

export function createAutoEngine(opts: AutoEngineOptions = {}): OcrEngine {
  const common = { size: opts.size, idleMs: opts.idleMs, timeoutMs: opts.timeoutMs };
  const tesseract = (): OcrEngine => createOcrEngine({ ...opts.tesseract, ...common });
  // `size` caps the PP-OCR pool, which stops at four workers (paddlePoolSize).
  const paddleSize = Math.min(opts.size ?? Infinity, paddlePoolSize());
  let current: OcrEngine = opts.prefer === 'tesseract' ? tesseract() : createPaddleEngine({ ...opts.paddle, ...common, size: paddleSize });
  let fellBack = opts.prefer === 'tesseract';

  const fallBack = (err: OcrEngineError): void => {
    if (fellBack) return;
    fellBack = true;
    const dead = current;
    current = tesseract();
    void dead.terminate().catch(() => undefined);
    opts.onFallback?.(err.message);
  };

  // Only a failure to start means "onnxruntime cannot run here"; a bad image fails as itself.
  const cannotStart = (err: unknown): err is OcrEngineError => !fellBack && opts.prefer !== 'paddle' && err instanceof OcrEngineError && err.code === 'start';

  return {
    get size() {
      return current.size;
    },
    get kind() {
      return current.kind;
    },
    get name() {
      return current.name;
    },
    async recognize(image, recognizeOpts): Promise<EngineRecognition> {
      const engine = current;
      try {
        return await engine.recognize(image, recognizeOpts);
      } catch (err) {
        if (engine === current) {
          if (!cannotStart(err)) throw err;
          fallBack(err);
        }
        // The caller prepared the image for the old reader (tesseract.js wants it binarised), so
        // it is told to start over rather than handed a reading of unprepared pixels.
        throw new OcrEngineError('fallback', `PP-OCR is unavailable; tesseract.js reads instead (${err instanceof Error ? err.message : String(err)}).`);
      }
    },
    async warm() {
      try {
        await current.warm();
      } catch (err) {
        if (!cannotStart(err)) throw err;
        fallBack(err);
        await current.warm();
      }
    },
    terminate: () => current.terminate(),
  };
}

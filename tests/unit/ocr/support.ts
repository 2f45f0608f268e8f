// Helpers for the OCR tests: corpus images by their index, with their ground truth.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ScanJson } from '../../../shared/extract';

/** The fields of tests/ocr-corpus/truth.ts these tests read (that folder is outside this TS project). */
export type CorpusTruth = Pick<ScanJson, 'platform' | 'kind' | 'orderNumbers' | 'transactionIds' | 'timestamps' | 'amount' | 'scam'> & {
  capturedAt: string;
  variant: { pixels: { width: number; height: number } };
};

export const CORPUS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../ocr-corpus/images');

export interface CorpusFile {
  path: string;
  name: string;
  truth: CorpusTruth;
}

/** The committed corpus image whose name carries `_<index>-`, e.g. corpusImage(0) → "…_00-taobao-order.jpg". */
export function corpusImage(index: number): CorpusFile {
  const tag = `_${String(index).padStart(2, '0')}-`;
  const name = readdirSync(CORPUS_DIR).find((f) => f.includes(tag) && /\.(png|jpg)$/.test(f));
  if (name === undefined) throw new Error(`corpus image ${index} missing from ${CORPUS_DIR}`);
  const truth: CorpusTruth = JSON.parse(readFileSync(path.join(CORPUS_DIR, name.replace(/\.\w+$/, '.json')), 'utf8'));
  return { path: path.join(CORPUS_DIR, name), name, truth };
}

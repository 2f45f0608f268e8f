// Loads a corpus folder: every image with a ground-truth JSON next to it (tests/ocr-corpus/truth.ts).
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CorpusTruth } from '../../tests/ocr-corpus/truth';

export interface CorpusImage {
  path: string;
  truth: CorpusTruth;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');

/** Enough of a check that a hand-written truth file for other screenshots fails clearly. */
function isTruth(v: unknown): v is CorpusTruth {
  if (typeof v !== 'object' || v === null) return false;
  const get = (k: string): unknown => Reflect.get(v, k);
  return (
    typeof get('capturedAt') === 'string' &&
    typeof get('platform') === 'string' &&
    typeof get('kind') === 'string' &&
    isStrings(get('orderNumbers')) &&
    isStrings(get('transactionIds')) &&
    isStrings(get('timestamps')) &&
    (get('amount') === null || typeof get('amount') === 'string') &&
    typeof get('scam') === 'boolean'
  );
}

export async function loadCorpus(dir: string): Promise<CorpusImage[]> {
  if (!existsSync(dir)) return [];
  const out: CorpusImage[] = [];
  for (const name of (await readdir(dir)).sort()) {
    if (!/\.(png|jpe?g|webp)$/i.test(name)) continue;
    const truthFile = path.join(dir, name.replace(/\.[^.]+$/, '.json'));
    if (!existsSync(truthFile)) continue;
    const truth: unknown = JSON.parse(await readFile(truthFile, 'utf8'));
    if (!isTruth(truth)) throw new Error(`${truthFile}: not a ground-truth file (see tests/ocr-corpus/truth.ts)`);
    out.push({ path: path.join(dir, name), truth: { ...truth, file: name } });
  }
  return out;
}

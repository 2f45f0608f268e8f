// Where each kind of vault file lives. One module owns the layout so no other code builds vault paths
// by hand, and every sha is checked here before it becomes part of a path.
import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { VaultError } from './errors';

const SHA256 = /^[0-9a-f]{64}$/;

export function isSha256(value: string): boolean {
  return SHA256.test(value);
}

/** Refuses anything but a lowercase hex digest, so a sha can never walk out of the vault. */
export function assertSha256(value: string): string {
  if (!isSha256(value)) throw new VaultError('invalid-request', 'Expected a lowercase hex SHA-256.');
  return value;
}

export interface VaultLayout {
  root: string;
  blobsDir: string;
  metaDir: string;
  thumbDir: string;
  displayDir: string;
  tmpDir: string;
  trashDir: string;
  /** OCR state and what was read from each original (see ocr/store.ts). */
  ocrDir: string;
  blob(sha: string): string;
  meta(sha: string): string;
  thumb(sha: string): string;
  display(sha: string): string;
  /** The fields extracted from one original, beside its OCR result. */
  fields(sha: string): string;
  /** A fresh name in tmp/; same file system as blobs/, so the final rename is atomic. */
  tmp(suffix?: string): string;
}

export function vaultLayout(root: string): VaultLayout {
  const abs = path.resolve(root);
  const blobsDir = path.join(abs, 'blobs');
  const metaDir = path.join(abs, 'meta');
  const thumbDir = path.join(abs, 'derived', 'thumb');
  const displayDir = path.join(abs, 'derived', 'display');
  const tmpDir = path.join(abs, 'tmp');
  const trashDir = path.join(abs, 'trash');
  const ocrDir = path.join(abs, 'ocr');
  return {
    root: abs,
    blobsDir,
    metaDir,
    thumbDir,
    displayDir,
    tmpDir,
    trashDir,
    ocrDir,
    blob: (sha) => path.join(blobsDir, assertSha256(sha).slice(0, 2), sha),
    meta: (sha) => path.join(metaDir, `${assertSha256(sha)}.json`),
    thumb: (sha) => path.join(thumbDir, `${assertSha256(sha)}.webp`),
    display: (sha) => path.join(displayDir, `${assertSha256(sha)}.webp`),
    fields: (sha) => path.join(ocrDir, `${assertSha256(sha)}.fields.json`),
    tmp: (suffix = '') => path.join(tmpDir, `${randomBytes(12).toString('hex')}${suffix}`),
  };
}

export async function ensureLayout(layout: VaultLayout): Promise<void> {
  for (const dir of [layout.blobsDir, layout.metaDir, layout.thumbDir, layout.displayDir, layout.tmpDir, layout.trashDir]) {
    await mkdir(dir, { recursive: true });
  }
}

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
  /** The append-only audit log. */
  auditLog: string;
  /** OCR state and what was read from each original (see ocr/store.ts). */
  ocrDir: string;
  ocrQueue: string;
  /** Multi-step actions in flight (see intents/); a crash leaves them here for the next start. */
  intentsDir: string;
  /** The vault's export-signing key pair and the audit log's HMAC key (see signing/keys.ts). */
  keysDir: string;
  signingKey: string;
  auditKey: string;
  blob(sha: string): string;
  meta(sha: string): string;
  thumb(sha: string): string;
  display(sha: string): string;
  /** The fields extracted from one original, beside its OCR result. */
  fields(sha: string): string;
  /** A capture time better than the import's (the buyer's own, issue 12), beside the fields. */
  capture(sha: string): string;
  ocrResult(sha: string): string;
  /** Holiday years loaded from files (设置 → 节假日数据): in the vault so a backup carries them. */
  holidays: string;
  /** A trashed item's files, by its 24-hex trash id. */
  trashEntry(id: string): string;
  trashBlob(id: string): string;
  trashMeta(id: string): string;
  intent(id: string): string;
  /** An HTML save's `_files` folder, kept beside its page: pages/<page sha>/manifest.json and /<file sha>. */
  pageDir(sha: string): string;
  pageResource(pageSha: string, fileSha: string): string;
  /** Key frames of a video (video/service.ts): derived data, rebuilt from the original if lost. */
  framesDir(sha: string): string;
  framesManifest(sha: string): string;
  frameImage(sha: string, index: number): string;
  frameThumb(sha: string, index: number): string;
  /** A fresh name in tmp/; same file system as blobs/, so the final rename is atomic. */
  tmp(suffix?: string): string;
}

const ID24 = /^[0-9a-f]{24}$/;

/** Trash and intent ids are 24 hex characters; anything else could walk out of their folder. */
export function assertId24(value: string): string {
  if (!ID24.test(value)) throw new VaultError('invalid-request', 'Not a valid item id.');
  return value;
}

/** Three digits: a video keeps at most a few dozen frames, and the name must never take a path. */
function frameNo(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index > 999) throw new VaultError('invalid-request', 'Not a valid frame number.');
  return String(index).padStart(3, '0');
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
  const intentsDir = path.join(abs, 'intents');
  return {
    root: abs,
    blobsDir,
    metaDir,
    thumbDir,
    displayDir,
    tmpDir,
    trashDir,
    auditLog: path.join(abs, 'audit', 'log.jsonl'),
    ocrDir,
    ocrQueue: path.join(ocrDir, 'queue.json'),
    intentsDir,
    keysDir: path.join(abs, 'keys'),
    signingKey: path.join(abs, 'keys', 'signing.json'),
    auditKey: path.join(abs, 'keys', 'audit.json'),
    blob: (sha) => path.join(blobsDir, assertSha256(sha).slice(0, 2), sha),
    meta: (sha) => path.join(metaDir, `${assertSha256(sha)}.json`),
    thumb: (sha) => path.join(thumbDir, `${assertSha256(sha)}.webp`),
    display: (sha) => path.join(displayDir, `${assertSha256(sha)}.webp`),
    fields: (sha) => path.join(ocrDir, `${assertSha256(sha)}.fields.json`),
    capture: (sha) => path.join(ocrDir, `${assertSha256(sha)}.capture.json`),
    ocrResult: (sha) => path.join(ocrDir, `${assertSha256(sha)}.json`),
    holidays: path.join(abs, 'settings', 'holidays.json'),
    trashEntry: (id) => path.join(trashDir, `${assertId24(id)}.entry.json`),
    trashBlob: (id) => path.join(trashDir, `${assertId24(id)}.blob`),
    trashMeta: (id) => path.join(trashDir, `${assertId24(id)}.meta.json`),
    intent: (id) => path.join(intentsDir, `${assertId24(id)}.json`),
    pageDir: (sha) => path.join(abs, 'pages', assertSha256(sha)),
    pageResource: (pageSha, fileSha) => path.join(abs, 'pages', assertSha256(pageSha), assertSha256(fileSha)),
    framesDir: (sha) => path.join(abs, 'derived', 'frames', assertSha256(sha)),
    framesManifest: (sha) => path.join(abs, 'derived', 'frames', assertSha256(sha), 'frames.json'),
    frameImage: (sha, index) => path.join(abs, 'derived', 'frames', assertSha256(sha), `f${frameNo(index)}.jpg`),
    frameThumb: (sha, index) => path.join(abs, 'derived', 'frames', assertSha256(sha), `f${frameNo(index)}.webp`),
    tmp: (suffix = '') => path.join(tmpDir, `${randomBytes(12).toString('hex')}${suffix}`),
  };
}

export async function ensureLayout(layout: VaultLayout): Promise<void> {
  for (const dir of [layout.blobsDir, layout.metaDir, layout.thumbDir, layout.displayDir, layout.tmpDir, layout.trashDir]) {
    await mkdir(dir, { recursive: true });
  }
}

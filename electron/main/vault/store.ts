// Crash-safe writes. Originals stream through a hash into tmp/, are fsynced, and only then appear under
// blobs/ by an atomic no-clobber link (or rename), so blobs/ never holds a partial file and an existing
// blob is never replaced. Sidecars go through fs/atomic's writeFileAtomic with a name in tmp/.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { link, mkdir, open, rename, rm, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { fsyncDir, writeAll, writeFileAtomic } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import type { VaultLayout } from './layout';

/** Enough for every magic number we sniff and for a text-versus-binary check. */
export const HEAD_BYTES = 8192;
const CHUNK = 1024 * 1024;

export interface Staged {
  tmpPath: string;
  sha256: string;
  size: number;
  head: Uint8Array;
}

/** Originals are read-only on disk too: a stray editor or script cannot rewrite them in place. */
const BLOB_MODE = 0o444;

async function stage(layout: VaultLayout, fill: (out: FileHandle, take: (chunk: Uint8Array) => void) => Promise<void>): Promise<Staged> {
  const tmpPath = layout.tmp();
  const hash = createHash('sha256');
  const head = new Uint8Array(HEAD_BYTES);
  let size = 0;
  const take = (chunk: Uint8Array): void => {
    hash.update(chunk);
    if (size < HEAD_BYTES) head.set(chunk.subarray(0, HEAD_BYTES - size), size);
    size += chunk.byteLength;
  };
  const out = await open(tmpPath, 'wx', BLOB_MODE);
  try {
    await fill(out, take);
    await out.sync();
  } catch (err) {
    await out.close().catch(() => undefined);
    await rm(tmpPath, { force: true });
    throw err;
  }
  await out.close();
  return { tmpPath, sha256: hash.digest('hex'), size, head: head.slice(0, Math.min(size, HEAD_BYTES)) };
}

/** Streams a source file into tmp/ while hashing it; never holds the whole file in memory. */
export async function stageFromPath(layout: VaultLayout, source: string): Promise<Staged> {
  const input = await open(source, 'r');
  try {
    return await stage(layout, async (out, take) => {
      for await (const chunk of input.createReadStream({ highWaterMark: CHUNK, autoClose: false })) {
        const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk));
        take(bytes);
        await writeAll(out, bytes);
      }
    });
  } finally {
    await input.close().catch(() => undefined);
  }
}

export async function stageFromBytes(layout: VaultLayout, bytes: Uint8Array): Promise<Staged> {
  return stage(layout, async (out, take) => {
    for (let offset = 0; offset < bytes.byteLength; offset += CHUNK) {
      const chunk = bytes.subarray(offset, offset + CHUNK);
      take(chunk);
      await writeAll(out, chunk);
    }
  });
}

export async function exists(file: string): Promise<boolean> {
  try {
    await stat(file);
    return true;
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT', 'ENOTDIR')) return false;
    throw err;
  }
}

/**
 * Moves a staged original to blobs/<aa>/<sha>. Returns false when that blob already existed, in which
 * case the staged copy is dropped and the stored one is left untouched.
 */
export async function commitBlob(layout: VaultLayout, staged: Staged): Promise<boolean> {
  const dest = layout.blob(staged.sha256);
  const dir = path.dirname(dest);
  await mkdir(dir, { recursive: true });
  try {
    // link() fails with EEXIST instead of replacing, which rename() would silently do.
    await link(staged.tmpPath, dest);
  } catch (err) {
    if (hasErrorCode(err, 'EEXIST')) {
      await rm(staged.tmpPath, { force: true });
      return false;
    }
    // File systems without hard links (FAT, some network shares): check, then rename.
    if (!hasErrorCode(err, 'EPERM', 'ENOTSUP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EOPNOTSUPP')) throw err;
    if (await exists(dest)) {
      await rm(staged.tmpPath, { force: true });
      return false;
    }
    await rename(staged.tmpPath, dest);
    await fsyncDir(dir);
    return true;
  }
  await fsyncDir(dir);
  await unlink(staged.tmpPath);
  return true;
}

/** Derived copies can always be rebuilt, so they skip fsync; the rename still prevents torn files. */
export async function writeDerived(layout: VaultLayout, dest: string, data: Uint8Array): Promise<void> {
  await writeFileAtomic(dest, data, { tmpPath: layout.tmp(path.extname(dest)), durable: false });
}

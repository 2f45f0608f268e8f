// Crash-safe file replacement (temp → fsync → rename → fsync dir): a crash leaves the old file or the
// new one, never half. Vault sidecars, trash entries, intents, reminders, the OCR queue and results,
// exported calendars and case folders all go through here.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import { hasErrorCode } from './errors';

/** Makes a rename durable. Windows cannot open or fsync a directory, which is fine there. */
export async function fsyncDir(dir: string): Promise<void> {
  let fh: FileHandle;
  try {
    fh = await open(dir, 'r');
  } catch (err) {
    if (hasErrorCode(err, 'EISDIR', 'EPERM', 'EACCES')) return;
    throw err;
  }
  try {
    await fh.sync();
  } catch (err) {
    if (!hasErrorCode(err, 'EISDIR', 'EPERM', 'EINVAL', 'EBADF', 'ENOTSUP')) throw err;
  } finally {
    await fh.close();
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Windows briefly locks a file that an antivirus or indexer is reading; a rename then fails with EPERM. */
export async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (err) {
      if (attempt >= 4 || !hasErrorCode(err, 'EPERM', 'EACCES', 'EBUSY')) throw err;
      await sleep(20 * 2 ** attempt);
    }
  }
}

/** Writes every byte: FileHandle.write may write fewer than asked. */
export async function writeAll(fh: FileHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await fh.write(bytes, offset, bytes.byteLength - offset);
    offset += bytesWritten;
  }
}

export interface AtomicOptions {
  /**
   * Where the temporary copy goes; it must be on the same file system as `file`. The vault passes a
   * name in its tmp/, which its start-up reconcile empties. By default it sits beside `file`.
   */
  tmpPath?: string;
  /** False skips both fsyncs, for files that can be rebuilt (thumbnails); the rename still prevents torn files. */
  durable?: boolean;
}

/** Replaces `file` with `data` atomically and durably: readers see the old or the new file, never a torn one. */
export async function writeFileAtomic(file: string, data: Uint8Array | string, opts: AtomicOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  await mkdir(dir, { recursive: true });
  const tmp = opts.tmpPath ?? `${file}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const fh = await open(tmp, 'wx', 0o644);
    try {
      await writeAll(fh, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      if (opts.durable !== false) await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
  if (opts.durable !== false) await fsyncDir(dir);
}

// The one SHA-256 file hasher: streamed in 1 MB chunks, so a long video is never held in memory.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { hasErrorCode } from './errors';

const CHUNK = 1024 * 1024;

export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { highWaterMark: CHUNK, signal })) {
    hash.update(chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk)));
  }
  return hash.digest('hex');
}

/** For bytes already in memory (a rendered PDF part, a backup's small JSON files, an audit line). */
export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export type ListedHash = { kind: 'hashed'; sha256: string } | { kind: 'missing' } | { kind: 'not-regular' } | { kind: 'too-large' };

/**
 * Hashes a file someone else listed (an export's manifest), trusting nothing about it: a link is never
 * followed (a copy linked to /dev/zero or a system file is reported, not read), only a regular file is
 * read, and reading stops one byte past `maxBytes` when the listing gave a size.
 */
export async function hashListedFile(file: string, maxBytes: number | null, signal?: AbortSignal): Promise<ListedHash> {
  let info;
  try {
    info = await lstat(file);
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT', 'ENOTDIR')) return { kind: 'missing' };
    throw err;
  }
  if (!info.isFile()) return { kind: 'not-regular' };
  if (maxBytes !== null && info.size > maxBytes) return { kind: 'too-large' };
  // O_NOFOLLOW closes the gap between lstat and open (a file swapped for a link); Windows has none.
  const fh = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    if (!(await fh.stat()).isFile()) return { kind: 'not-regular' };
    const hash = createHash('sha256');
    let read = 0;
    // The signal is checked between chunks: handed to the stream, an abort surfaces a second,
    // unhandled error after the loop has already stopped.
    signal?.throwIfAborted();
    const stream = fh.createReadStream({ highWaterMark: CHUNK, autoClose: false, ...(maxBytes === null ? {} : { end: maxBytes }) });
    for await (const chunk of stream) {
      signal?.throwIfAborted();
      const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk));
      read += bytes.byteLength;
      if (maxBytes !== null && read > maxBytes) return { kind: 'too-large' };
      hash.update(bytes);
    }
    return { kind: 'hashed', sha256: hash.digest('hex') };
  } finally {
    await fh.close();
  }
}

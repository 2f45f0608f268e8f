// The one SHA-256 file hasher: streamed in 1 MB chunks, so a long video is never held in memory.
import { createHash } from 'node:crypto';
import { constants, createReadStream } from 'node:fs';
import { lstat, open } from 'node:fs/promises';
import { hasErrorCode } from './errors';

const CHUNK = 1024 * 1024;

/**
 * The digest of a stream of chunks, or null once more than `maxBytes` arrived. The signal is checked
 * between chunks: handed to the stream itself, an abort surfaces a second, unhandled error after the
 * loop has already stopped.
 */
async function digest(chunks: AsyncIterable<unknown>, signal: AbortSignal | undefined, maxBytes: number | null): Promise<string | null> {
  const hash = createHash('sha256');
  let read = 0;
  for await (const chunk of chunks) {
    signal?.throwIfAborted();
    const bytes = chunk instanceof Uint8Array ? chunk : Buffer.from(String(chunk));
    read += bytes.byteLength;
    if (maxBytes !== null && read > maxBytes) return null;
    hash.update(bytes);
  }
  return hash.digest('hex');
}

export async function hashFile(file: string, signal?: AbortSignal): Promise<string> {
  signal?.throwIfAborted();
  const stream = createReadStream(file, { highWaterMark: CHUNK });
  try {
    return (await digest(stream, signal, null)) ?? '';
  } finally {
    stream.destroy();
  }
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
    signal?.throwIfAborted();
    const stream = fh.createReadStream({ highWaterMark: CHUNK, autoClose: false, ...(maxBytes === null ? {} : { end: maxBytes }) });
    const sha256 = await digest(stream, signal, maxBytes);
    return sha256 === null ? { kind: 'too-large' } : { kind: 'hashed', sha256 };
  } finally {
    await fh.close();
  }
}

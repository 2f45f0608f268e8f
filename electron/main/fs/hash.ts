// The one SHA-256 file hasher: streamed in 1 MB chunks, so a long video is never held in memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

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

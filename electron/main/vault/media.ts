// Duration for video and audio. Best effort by design: an unreadable duration never fails an import.
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import type { Detected } from './detect';

const PARSE_TIMEOUT_MS = 15_000;
const ISO_MEDIA = new Set(['mp4', 'mov', 'm4v', '3gp', 'm4a']);

function usable(seconds: number | undefined | null): seconds is number {
  return typeof seconds === 'number' && Number.isFinite(seconds) && seconds > 0;
}

const roundMs = (seconds: number): number => Math.round(seconds * 1000) / 1000;

async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function readAt(fh: FileHandle, position: number, length: number): Promise<Buffer | null> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, position);
  return bytesRead === length ? buf : null;
}

interface Box {
  type: string;
  start: number;
  headerSize: number;
  end: number;
}

async function readBox(fh: FileHandle, position: number, limit: number): Promise<Box | null> {
  const header = await readAt(fh, position, 8);
  if (header === null) return null;
  let size = header.readUInt32BE(0);
  let headerSize = 8;
  if (size === 1) {
    const large = await readAt(fh, position + 8, 8);
    if (large === null) return null;
    size = Number(large.readBigUInt64BE(0));
    headerSize = 16;
  } else if (size === 0) {
    size = limit - position;
  }
  if (size < headerSize || position + size > limit) return null;
  return { type: header.toString('latin1', 4, 8), start: position, headerSize, end: position + size };
}

async function findChild(fh: FileHandle, from: number, to: number, type: string): Promise<Box | null> {
  // A real file has a handful of top-level boxes; the cap only guards against crafted loops of tiny boxes.
  for (let position = from, steps = 0; position < to && steps < 10_000; steps += 1) {
    const box = await readBox(fh, position, to);
    if (box === null) return null;
    if (box.type === type) return box;
    position = box.end;
  }
  return null;
}

/**
 * The movie header's duration. music-metadata only reports MP4 duration from an audio track, so a
 * silent screen recording (very common evidence) would otherwise show none. Reads a few boxes by
 * seeking; the moov box may sit at the end of a multi-gigabyte file.
 */
export async function mvhdDurationSec(file: string): Promise<number | null> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const moov = await findChild(fh, 0, size, 'moov');
    if (moov === null) return null;
    const mvhd = await findChild(fh, moov.start + moov.headerSize, moov.end, 'mvhd');
    if (mvhd === null) return null;
    const body = await readAt(fh, mvhd.start + mvhd.headerSize, Math.min(32, mvhd.end - mvhd.start - mvhd.headerSize));
    if (body === null || body.length < 20) return null;
    const version = body.readUInt8(0);
    if (version === 1 && body.length >= 32) {
      const timescale = body.readUInt32BE(20);
      const duration = Number(body.readBigUInt64BE(24));
      return timescale > 0 && usable(duration / timescale) ? roundMs(duration / timescale) : null;
    }
    const timescale = body.readUInt32BE(12);
    const duration = body.readUInt32BE(16);
    // All ones means "unknown" in a version-0 header.
    if (timescale === 0 || duration === 0xffffffff) return null;
    return usable(duration / timescale) ? roundMs(duration / timescale) : null;
  } finally {
    await fh.close();
  }
}

export async function readDurationSec(file: string, detected: Detected): Promise<number | null> {
  try {
    // A full scan is only needed (and only affordable) for audio without a header that states the length.
    const meta = await withTimeout(
      parseFile(file, { duration: detected.mediaType === 'audio', skipCovers: true, mkvUseIndex: true }),
      PARSE_TIMEOUT_MS,
    );
    const seconds = meta?.format.duration;
    if (usable(seconds)) return roundMs(seconds);
  } catch {
    // Unknown or damaged containers are still stored; only the duration is lost.
  }
  if (!ISO_MEDIA.has(detected.format)) return null;
  try {
    return await mvhdDurationSec(file);
  } catch {
    return null;
  }
}

// Saved web pages in the vault: the bounded read of a stored page (its provenance and text) and the
// capture time it gives. The original is only ever read; rendering is ../webpage's job.
import { open } from 'node:fs/promises';
import type { CaptureTime } from './capture';
import { PageReadError, parseMailDate, readSavedPage, type SavedPage } from '../../../shared/webpage/read';
import type { PageFormat, PageProvenance } from '../../../shared/webpage/provenance';
import { MAX_EXTRACT_CHARS } from '../../../shared/extract';
import { VaultError } from './errors';

/**
 * A page's document is its first part, so this much of a file holds it even when the images after it
 * make the file far larger; the rest is stored but not read for text (the result says so).
 */
export const PAGE_READ_BYTES = 48 * 1024 * 1024;

export function isPageFormat(format: string): format is PageFormat {
  return format === 'mhtml' || format === 'html';
}

/** Reads a stored or staged page, bounded; a page that cannot be read becomes a VaultError. */
export async function readPageFile(file: string, format: PageFormat, resources = 0, limit = PAGE_READ_BYTES): Promise<SavedPage> {
  const fh = await open(file, 'r');
  let bytes: Buffer;
  let size: number;
  try {
    size = (await fh.stat()).size;
    bytes = Buffer.alloc(Math.min(size, limit));
    const { bytesRead } = await fh.read(bytes, 0, bytes.length, 0);
    bytes = bytes.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
  try {
    return readSavedPage(bytes, format, { complete: size <= limit, maxTextChars: MAX_EXTRACT_CHARS }, resources);
  } catch (err) {
    if (err instanceof PageReadError) throw new VaultError(err.code === 'unsupported-type' ? 'unsupported-type' : 'corrupt-file', err.message, { cause: err });
    throw err;
  }
}

/** Up to a day ahead is a clock set a little wrong; beyond that the file's own date is not believed. */
const FUTURE_SLACK_MS = 24 * 60 * 60 * 1000;

/** The save time the file records, as the capture time with source `file`; null when there is none to trust. */
export function pageCaptureTime(page: PageProvenance, now: Date): CaptureTime | null {
  const savedAtEpoch = page.savedAtRaw === null ? null : parseMailDate(page.savedAtRaw);
  if (page.savedAt === null || savedAtEpoch === null) return null;
  if (savedAtEpoch > now.getTime() + FUTURE_SLACK_MS) return null;
  return { capturedAt: page.savedAt, captureSource: 'file' };
}

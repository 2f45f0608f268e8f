// Chooses a capture time and says where it came from: EXIF, then the file name, then the file's own
// time. A wrong "exact" time misleads more than an honest fallback, so implausible values fall through.
import exifReader from 'exif-reader';
import {
  captureTimeFromFileName,
  formatShanghai,
  localDateTime,
  localDateTimeAtOffset,
  shanghaiDateTime,
} from '../../../shared/domain/captureTime';
import type { CaptureSource } from '../../../shared/domain/evidence';

export interface CaptureHints {
  /** User-visible name; only its last segment is read. */
  name: string;
  exif: Buffer | null;
  /** File mtime, or a dropped file's lastModified; null when unknown. */
  mtimeMs: number | null;
  /** Pasted images have no file time: the paste itself is the best witness. */
  clipboard: boolean;
  now: Date;
}

export interface CaptureTime {
  capturedAt: string;
  captureSource: CaptureSource;
}

/** DateTimeOriginal as Shanghai wall-clock time, or null when absent, unreadable or absurd. */
export function exifCaptureTime(exif: Buffer): string | null {
  let tags: ReturnType<typeof exifReader>;
  try {
    tags = exifReader(exif);
  } catch {
    return null;
  }
  const original = tags.Photo?.DateTimeOriginal;
  if (!(original instanceof Date) || Number.isNaN(original.getTime())) return null;
  // exif-reader stores the camera's wall-clock fields in the Date's UTC slots; EXIF has no zone.
  const fields: [number, number, number, number, number, number] = [
    original.getUTCFullYear(),
    original.getUTCMonth() + 1,
    original.getUTCDate(),
    original.getUTCHours(),
    original.getUTCMinutes(),
    original.getUTCSeconds(),
  ];
  // exif-reader builds the Date with Date.UTC, which rolls "2026:13:45 25:61:61" over into 2027. A
  // date that really was written reads back as the same text, so anything else is refused.
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  const [y, mo, d, h, mi, s] = fields;
  const written = `${pad(y, 4)}:${pad(mo)}:${pad(d)} ${pad(h)}:${pad(mi)}:${pad(s)}`;
  if (!exif.includes(Buffer.from(written, 'latin1'))) return null;
  const offset = tags.Photo?.OffsetTimeOriginal;
  if (typeof offset === 'string') {
    const shifted = localDateTimeAtOffset(fields, offset);
    if (shifted !== null) return shifted;
  }
  // Without an offset the phone's clock is taken to be China time, which is what buyers' phones use.
  return localDateTime(...fields);
}

export function resolveCaptureTime(hints: CaptureHints): CaptureTime {
  const fromExif = hints.exif === null ? null : exifCaptureTime(hints.exif);
  if (fromExif !== null) return { capturedAt: fromExif, captureSource: 'exif' };
  const fromName = captureTimeFromFileName(hints.name);
  if (fromName !== null) return { capturedAt: fromName, captureSource: 'filename' };
  const now = hints.now.getTime();
  if (hints.clipboard) return { capturedAt: formatShanghai(now), captureSource: 'clipboard' };
  const fromMtime = hints.mtimeMs !== null && hints.mtimeMs > 0 ? shanghaiDateTime(hints.mtimeMs) : null;
  if (fromMtime !== null) return { capturedAt: fromMtime, captureSource: 'mtime' };
  return { capturedAt: formatShanghai(now), captureSource: 'import' };
}

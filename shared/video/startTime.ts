// When a screen recording started, from what the recorder itself wrote: the file name Android and
// iOS recorders give it, or the container's creation_time. Pure and table-tested; every time is
// local Asia/Shanghai wall clock "YYYY-MM-DDTHH:mm:ss[.s]" like the rest of the vault.
import { captureTimeFromFileName, localDateTime, shanghaiDateTime } from '../domain/captureTime';

export type StartSource = 'filename' | 'metadata';

export interface RecordingStart {
  /** Local Shanghai wall clock of the first frame, "YYYY-MM-DDTHH:mm:ss" (".sss" when the name has ms). */
  at: string;
  source: StartSource;
  /** What it was read from, for the buyer to check: the file name or the raw creation_time. */
  raw: string;
}

// iOS: "ScreenRecording_11-17-2026 12-03-04.MP4" (month first, local time), sometimes " 2" appended.
const IOS = /^ScreenRecording_(\d{2})-(\d{2})-(\d{4})[ _](\d{2})-(\d{2})-(\d{2})(?!\d)/iu;
// Milliseconds some Android recorders append: "Screenrecorder-2026-11-17-12-03-04-123.mp4".
const MILLIS = /^(?:screenrecorder|screen[_-]?record(?:ing)?)[-_]\d{4}-\d{2}-\d{2}-\d{2}-\d{2}-\d{2}-(\d{3})(?!\d)/iu;

const baseName = (name: string): string => name.split(/[\\/]/u).pop() ?? name;

/** The start written into a recorder's file name, or null when the name carries none we trust. */
export function startFromFileName(name: string): string | null {
  const base = baseName(name).normalize('NFC');
  const ios = IOS.exec(base);
  if (ios) {
    const [mo, d, y, h, mi, s] = ios.slice(1, 7).map(Number);
    return localDateTime(y ?? NaN, mo ?? NaN, d ?? NaN, h ?? NaN, mi ?? NaN, s ?? NaN);
  }
  const at = captureTimeFromFileName(base);
  if (at === null) return null;
  const ms = MILLIS.exec(base)?.[1];
  return ms !== undefined ? `${at}.${ms}` : at;
}

/**
 * A container's creation_time ("2026-11-17T04:03:04.000000Z", as ffmpeg prints it) in Shanghai time.
 * Null for the zero dates muxers write when they know nothing (1904, 1970) and for anything unparseable.
 */
export function startFromCreationTime(raw: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/u.exec(raw.trim());
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  if (localDateTime(y ?? NaN, mo ?? NaN, d ?? NaN, h ?? NaN, mi ?? NaN, s ?? NaN) === null) return null;
  const zone = m[7] ?? 'Z';
  const offsetMin = zone === 'Z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  return shanghaiDateTime(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0) - offsetMin * 60_000);
}

/**
 * The recorder's file name first: it is written when recording starts, while creation_time is reset
 * by any app that re-muxes the file (a chat app's transcode sets it to the time of sending).
 */
export function recordingStart(name: string, creationTime: string | null): RecordingStart | null {
  const fromName = startFromFileName(name);
  if (fromName !== null) return { at: fromName, source: 'filename', raw: baseName(name) };
  const fromMeta = creationTime === null ? null : startFromCreationTime(creationTime);
  if (fromMeta !== null && creationTime !== null) return { at: fromMeta, source: 'metadata', raw: creationTime };
  return null;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

/** An offset into the video as mm:ss.s (h:mm:ss.s past an hour), truncated to the tenth shown. */
export function formatOffset(seconds: number): string {
  const tenths = Math.max(0, Math.floor(seconds * 10 + 1e-6));
  const h = Math.floor(tenths / 36000);
  const m = Math.floor((tenths % 36000) / 600);
  const s = Math.floor((tenths % 600) / 10);
  const body = `${pad(m)}:${pad(s)}.${tenths % 10}`;
  return h > 0 ? `${h}:${body}` : body;
}

/** The wall-clock time of a frame: the start plus its offset, "YYYY-MM-DDTHH:mm:ss.s" in Shanghai time. */
export function frameWallClock(start: string, offsetSec: number): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?$/u.exec(start);
  if (!m) return null;
  const [y, mo, d, h, mi, s] = m.slice(1, 7).map(Number);
  const ms = m[7] ? Number(m[7].padEnd(3, '0')) : 0;
  // Shanghai wall clock treated as UTC fields: only differences matter here, and China has no DST.
  const t = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0, s ?? 0, ms) + Math.round(offsetSec * 1000);
  const at = new Date(t);
  const tenth = Math.floor(at.getUTCMilliseconds() / 100);
  return `${pad(at.getUTCFullYear(), 4)}-${pad(at.getUTCMonth() + 1)}-${pad(at.getUTCDate())}T${pad(at.getUTCHours())}:${pad(at.getUTCMinutes())}:${pad(at.getUTCSeconds())}.${tenth}`;
}

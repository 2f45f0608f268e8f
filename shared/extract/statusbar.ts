// The phone's clock in the status bar of a screenshot (issue 12): written by the phone itself at the
// moment of capture, it is the capture's time of day. Read from the OCR boxes in the top strip only,
// since a bare HH:mm anywhere else is a chat stamp.
import type { CaptureSource } from '../domain/evidence';
import { captureTrust } from '../domain/evidence';
import { parseLocalDateTime } from './dates';
import type { BBox, OcrWord } from './types';

export interface StatusBarClock {
  /** 0–23 when the bar said 上午/下午 or showed 13–23/0; else the 1–12 it showed. */
  h: number;
  mi: number;
  /** A 12-hour clock without 上午/下午 (iOS shows "3:05"): the hour may be h or h+12. */
  ambiguous: boolean;
  text: string;
  box: BBox;
}

export interface ImageSize {
  width: number;
  height: number;
}

/**
 * The status bar's height: about 5% of a phone screen, and the same share of the width on a long
 * (scrolling) screenshot, whose height says nothing about it.
 */
export function statusStrip(size: ImageSize): number {
  return Math.min(size.height * 0.07, size.width * 0.13);
}

const CLOCK = /(?<![\d:.])(?:(凌晨|早上|上午|中午|下午|晚上)\s?)?(\d{1,2})[:：](\d{2})(?![\d:%])/;

function hour24(h: number, period: string | undefined): number | null {
  if (period === undefined) return h;
  if (h < 1 || h > 12) return null;
  if (period === '凌晨' || period === '早上' || period === '上午') return h === 12 ? 0 : h;
  if (period === '中午') return h >= 11 ? h : h + 12;
  return h === 12 ? 12 : h + 12;
}

/** The clock in the top strip, leftmost first (Android and iOS put it at the left or centre); null when none. */
export function readStatusBarClock(words: readonly OcrWord[], size: ImageSize): StatusBarClock | null {
  const strip = statusStrip(size);
  const top = words.filter((w) => w.bbox.y1 <= strip + 2 && w.bbox.y0 < strip).sort((a, b) => a.bbox.x0 - b.bbox.x0);
  for (const w of top) {
    const m = CLOCK.exec(w.text.replace(/\s+/g, ' ').trim());
    if (!m) continue;
    const [, period, hh, mm] = m;
    const h = hour24(Number(hh), period);
    const mi = Number(mm);
    if (h === null || h > 23 || mi > 59) continue;
    return { h, mi, ambiguous: period === undefined && h >= 1 && h <= 12, text: m[0], box: w.bbox };
  }
  return null;
}

export interface CaptureReading {
  /** Local "YYYY-MM-DDTHH:mm:ss". */
  capturedAt: string;
  captureSource: CaptureSource;
  /** Where the date came from when the time of day is the status bar's. */
  dateFrom?: CaptureSource;
  /** The bar's clock as "HH:mm", and whether it agrees (within a minute) with the time it was compared to. */
  statusBar: { time: string; agrees: boolean } | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
const AGREE_MINUTES = 1;

/**
 * Combines the capture time found at import with the status-bar clock:
 * - trusted (EXIF, file name, the buyer's): kept; the bar confirms it or exposes the disagreement;
 * - weak (mtime, clipboard, import) within a minute of the bar: the file was written when the
 *   screenshot was taken, so its date is the capture's and the bar vouches for the time (source
 *   `statusbar`, date from the weak time);
 * - weak and different: the file was copied or pasted later, on a day nobody can tell from the
 *   pixels. The weak time stays, and the bar's time is kept to say it disagrees. (Taking the copy's
 *   date with the bar's time would date a screenshot copied days later to the day of copying.)
 */
export function refineCapture(anchor: { capturedAt: string; captureSource: CaptureSource } | null, clock: StatusBarClock | null): CaptureReading | null {
  if (anchor === null) return null;
  const at = parseLocalDateTime(anchor.capturedAt);
  if (clock === null || at === null) return { capturedAt: anchor.capturedAt, captureSource: anchor.captureSource, statusBar: null };
  const anchorMin = at.h * 60 + at.mi;
  const hours = clock.ambiguous ? [clock.h % 12, (clock.h % 12) + 12] : [clock.h];
  const candidates = hours.map((h) => h * 60 + clock.mi);
  const closest = candidates.reduce((a, b) => (Math.abs(b - anchorMin) < Math.abs(a - anchorMin) ? b : a));
  const agrees = Math.abs(closest - anchorMin) <= AGREE_MINUTES;
  const hhmm = (min: number) => `${pad(Math.floor(min / 60))}:${pad(min % 60)}`;
  if (captureTrust(anchor.captureSource) === 'trusted') {
    return { capturedAt: anchor.capturedAt, captureSource: anchor.captureSource, statusBar: { time: hhmm(closest), agrees } };
  }
  // A file time within a minute of the bar's is the moment of capture itself (the file was written then).
  if (agrees) return { capturedAt: anchor.capturedAt, captureSource: 'statusbar', dateFrom: anchor.captureSource, statusBar: { time: hhmm(closest), agrees } };
  // The bar's reading nearest the file time, at or before it when the clock is 12-hour.
  const earlier = candidates.filter((c) => c <= anchorMin);
  const shown = earlier.length > 0 ? Math.max(...earlier) : closest;
  return { capturedAt: anchor.capturedAt, captureSource: anchor.captureSource, statusBar: { time: hhmm(shown), agrees: false } };
}

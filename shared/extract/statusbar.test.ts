import { describe, expect, it } from 'vitest';
import type { CaptureSource } from '../domain/evidence';
import { readStatusBarClock, refineCapture } from './statusbar';
import type { OcrWord } from './types';

const SIZE = { width: 750, height: 1624 };
const word = (text: string, x0: number, y0: number, w = 80, h = 28): OcrWord => ({ text, confidence: 90, bbox: { x0, y0, x1: x0 + w, y1: y0 + h } });

describe('readStatusBarClock', () => {
  it.each([
    ['Android bar, clock at the left', [word('12:03', 30, 20), word('5G', 560, 20), word('86%', 640, 20)], { h: 12, mi: 3, ambiguous: true }],
    ['one box for the whole bar', [word('12:03 5G 86%', 30, 20, 680)], { h: 12, mi: 3, ambiguous: true }],
    ['下午3:05', [word('下午3:05', 30, 22)], { h: 15, mi: 5, ambiguous: false }],
    ['上午 with a space', [word('上午 9:41', 30, 22)], { h: 9, mi: 41, ambiguous: false }],
    ['24-hour 21:15', [word('21:15', 30, 22)], { h: 21, mi: 15, ambiguous: false }],
    ['0:07 after midnight', [word('0:07', 30, 22)], { h: 0, mi: 7, ambiguous: false }],
    ['iOS centre clock, full-width colon', [word('中国移动', 20, 20), word('9：41', 330, 20)], { h: 9, mi: 41, ambiguous: true }],
  ])('%s', (_name, words, expected) => {
    expect(readStatusBarClock(words, SIZE)).toMatchObject(expected);
  });

  it.each([
    ['a chat stamp below the bar', [word('10:41', 330, 600)]],
    ['the battery percentage', [word('86%', 640, 20)]],
    ['an impossible time', [word('25:61', 30, 20)]],
    ['a date, not a clock', [word('2026.11.17', 30, 20, 160)]],
    ['nothing', []],
  ])('ignores %s', (_name, words) => {
    expect(readStatusBarClock(words, SIZE)).toBeNull();
  });

  it('uses the width, not the height, on a long screenshot', () => {
    const tall = { width: 750, height: 12_000 };
    expect(readStatusBarClock([word('12:03', 30, 20)], tall)).not.toBeNull();
    expect(readStatusBarClock([word('12:03', 30, 200)], tall)).toBeNull();
  });
});

describe('refineCapture', () => {
  const clock = (h: number, mi: number, ambiguous = false) => ({ h, mi, ambiguous, text: '', box: { x0: 0, y0: 0, x1: 1, y1: 1 } });
  const at = (capturedAt: string, captureSource: CaptureSource) => ({ capturedAt, captureSource });

  it.each([
    // Trusted: kept; the bar confirms or exposes.
    ['file name confirmed', at('2026-11-17T12:03:04', 'filename'), clock(12, 3, true), { capturedAt: '2026-11-17T12:03:04', captureSource: 'filename', statusBar: { time: '12:03', agrees: true } }],
    ['file name a minute off at the boundary', at('2026-11-17T12:03:59', 'filename'), clock(12, 4), { captureSource: 'filename', statusBar: { time: '12:04', agrees: true } }],
    ['file name disagrees (renamed, or another zone)', at('2026-11-17T12:03:04', 'filename'), clock(15, 5), { capturedAt: '2026-11-17T12:03:04', captureSource: 'filename', statusBar: { time: '15:05', agrees: false } }],
    ['EXIF confirmed by a 12-hour bar', at('2026-11-17T15:05:10', 'exif'), clock(3, 5, true), { captureSource: 'exif', statusBar: { time: '15:05', agrees: true } }],
    ['the buyer’s time is kept', at('2026-11-17T09:00:00', 'user'), clock(12, 3), { captureSource: 'user', statusBar: { time: '12:03', agrees: false } }],
    // Weak and equal to the bar: the file was written at capture; the bar vouches for it.
    ['mtime equal to the bar: the original file', at('2026-12-04T10:39:30', 'mtime'), clock(10, 39), { capturedAt: '2026-12-04T10:39:30', captureSource: 'statusbar', dateFrom: 'mtime', statusBar: { time: '10:39', agrees: true } }],
    ['a paste the moment it was taken, 12-hour bar', at('2026-11-22T21:30:20', 'clipboard'), clock(9, 30, true), { capturedAt: '2026-11-22T21:30:20', captureSource: 'statusbar', dateFrom: 'clipboard', statusBar: { time: '21:30', agrees: true } }],
    // Weak and different: copied or pasted later, on an unknown day. The weak time stays; the bar says it disagrees.
    ['mtime later the same day', at('2026-12-04T10:39:00', 'mtime'), clock(9, 12), { capturedAt: '2026-12-04T10:39:00', captureSource: 'mtime', statusBar: { time: '09:12', agrees: false } }],
    ['mtime earlier than the bar', at('2026-12-04T10:39:00', 'mtime'), clock(18, 3), { capturedAt: '2026-12-04T10:39:00', captureSource: 'mtime', statusBar: { time: '18:03', agrees: false } }],
    ['clipboard, ambiguous 12-hour bar shown at or before the paste', at('2026-11-22T22:00:00', 'clipboard'), clock(9, 30, true), { capturedAt: '2026-11-22T22:00:00', captureSource: 'clipboard', statusBar: { time: '21:30', agrees: false } }],
    ['no bar', at('2026-12-04T10:39:00', 'mtime'), null, { capturedAt: '2026-12-04T10:39:00', captureSource: 'mtime', statusBar: null }],
  ] as const)('%s', (_name, anchor, bar, expected) => {
    expect(refineCapture(anchor, bar)).toMatchObject(expected);
  });

  it('has nothing to refine without a capture time', () => {
    expect(refineCapture(null, clock(12, 3))).toBeNull();
  });
});

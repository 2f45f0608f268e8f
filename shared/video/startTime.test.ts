import { describe, expect, it } from 'vitest';
import { formatOffset, frameWallClock, recordingStart, startFromCreationTime, startFromFileName } from './startTime';

describe('startFromFileName', () => {
  it.each([
    ['Screenrecorder-2026-11-17-12-03-04-123.mp4', '2026-11-17T12:03:04.123'],
    ['Screenrecorder-2026-11-17-12-03-04.mp4', '2026-11-17T12:03:04'],
    ['录屏_20261117_120304.mp4', '2026-11-17T12:03:04'],
    ['ScreenRecording_11-17-2026 12-03-04.mov', '2026-11-17T12:03:04'],
    ['ScreenRecording_11-17-2026 12-03-04 2.MP4', '2026-11-17T12:03:04'],
    ['Screen_Recording_20261117-120304_Taobao.mp4', '2026-11-17T12:03:04'],
    ['/sdcard/DCIM/ScreenRecorder/Screenrecorder-2026-11-17-12-03-04-123.mp4', '2026-11-17T12:03:04.123'],
    ['屏幕录制2026-11-17 120304.mp4', '2026-11-17T12:03:04'],
  ])('%s → %s', (name, at) => expect(startFromFileName(name)).toBe(at));

  it.each([
    'video.mp4',
    // An order number is not a time.
    '202611152031071234.mp4',
    'ScreenRecording_13-17-2026 12-03-04.mov',
    'ScreenRecording_02-30-2026 12-03-04.mov',
    'ScreenRecording_11-17-2026 25-03-04.mov',
    '录屏_20261117_126304.mp4',
  ])('%s → null', (name) => expect(startFromFileName(name)).toBeNull());
});

describe('startFromCreationTime', () => {
  it.each([
    ['2026-11-17T04:03:04.000000Z', '2026-11-17T12:03:04'],
    ['2026-11-17T04:03:04Z', '2026-11-17T12:03:04'],
    ['2026-11-17T12:03:04+0800', '2026-11-17T12:03:04'],
    ['2026-11-17T12:03:04+08:00', '2026-11-17T12:03:04'],
    ['2026-11-16T23:03:04-05:00', '2026-11-17T12:03:04'],
    ['2026-11-17 04:03:04', '2026-11-17T12:03:04'],
  ])('%s → %s', (raw, at) => expect(startFromCreationTime(raw)).toBe(at));

  it.each(['1970-01-01T00:00:00.000000Z', '1904-01-01T00:00:00Z', 'yesterday', '', '2026-13-01T00:00:00Z'])('%s → null', (raw) =>
    expect(startFromCreationTime(raw)).toBeNull(),
  );
});

describe('recordingStart', () => {
  it('prefers the recorder name over a creation_time a transcode may have reset', () => {
    expect(recordingStart('录屏_20261117_120304.mp4', '2026-11-18T01:00:00Z')).toEqual({ at: '2026-11-17T12:03:04', source: 'filename', raw: '录屏_20261117_120304.mp4' });
  });
  it('falls back to creation_time, and says so', () => {
    expect(recordingStart('video.mp4', '2026-11-17T04:03:04.000000Z')).toEqual({ at: '2026-11-17T12:03:04', source: 'metadata', raw: '2026-11-17T04:03:04.000000Z' });
  });
  it('is null when neither says anything', () => {
    expect(recordingStart('video.mp4', null)).toBeNull();
    expect(recordingStart('video.mp4', '1970-01-01T00:00:00Z')).toBeNull();
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '00:00.0'],
    [3.04, '00:03.0'],
    [12.35, '00:12.3'],
    [59.99, '00:59.9'],
    [61.5, '01:01.5'],
    [3599.9, '59:59.9'],
    [3600, '1:00:00.0'],
    [4 * 3600 - 0.5, '3:59:59.5'],
    [-1, '00:00.0'],
  ])('%d s → %s', (s, text) => expect(formatOffset(s)).toBe(text));
});

describe('frameWallClock', () => {
  it.each([
    ['2026-11-17T12:03:04', 0, '2026-11-17T12:03:04.0'],
    ['2026-11-17T12:03:04', 12.3, '2026-11-17T12:03:16.3'],
    ['2026-11-17T12:03:04.123', 1, '2026-11-17T12:03:05.1'],
    ['2026-11-17T23:59:58', 3.5, '2026-11-18T00:00:01.5'],
    ['2026-12-31T23:59:59', 1, '2027-01-01T00:00:00.0'],
  ])('%s + %d s → %s', (start, offset, at) => expect(frameWallClock(start, offset)).toBe(at));
  it('refuses a malformed start', () => expect(frameWallClock('soon', 1)).toBeNull());
});

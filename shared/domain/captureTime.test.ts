import { describe, expect, it } from 'vitest';
import { captureTimeFromFileName, formatShanghai, localDateTime, localDateTimeAtOffset, shanghaiDateTime } from './captureTime';

describe('captureTimeFromFileName', () => {
  const cases: [name: string, expected: string | null][] = [
    // The four shapes named in the issue.
    ['Screenshot_20261117_120304.jpg', '2026-11-17T12:03:04'],
    ['Screenshot_2026-11-17-12-03-04-123_com.tencent.mm.jpg', '2026-11-17T12:03:04'],
    ['微信图片_20261117120304.jpg', '2026-11-17T12:03:04'],
    ['IMG_20261117_120304.jpg', '2026-11-17T12:03:04'],
    // Close variants from other phones, PCs and apps.
    ['Screenshot_20261117-120304.png', '2026-11-17T12:03:04'],
    ['Screenshot_20261117-120304_WeChat.jpg', '2026-11-17T12:03:04'],
    ['Screenshot_20261117_120304_com.taobao.taobao.jpg', '2026-11-17T12:03:04'],
    ['Screenshot_2026-11-17-12-03-04-12_a1b2c3d4e5.jpg', '2026-11-17T12:03:04'],
    ['screenshot_20261117_120304.PNG', '2026-11-17T12:03:04'],
    ['IMG20261117120304.jpg', '2026-11-17T12:03:04'],
    ['IMG_20261117_120304_123.jpg', '2026-11-17T12:03:04'],
    ['VID_20261117_120304.mp4', '2026-11-17T12:03:04'],
    ['微信图片_20261117120304_12.jpg', '2026-11-17T12:03:04'],
    ['微信图片_2026-11-17_120304_123.png', '2026-11-17T12:03:04'],
    ['QQ截图20261117120304.png', '2026-11-17T12:03:04'],
    ['QQ图片20261117120304.jpg', '2026-11-17T12:03:04'],
    ['Snipaste_2026-11-17_12-03-04.png', '2026-11-17T12:03:04'],
    ['屏幕截图 2026-11-17 120304.png', '2026-11-17T12:03:04'],
    ['Screenshot 2026-11-17 at 12.03.04.png', '2026-11-17T12:03:04'],
    ['Screen Shot 2026-11-17 at 3.03.04 PM.png', '2026-11-17T15:03:04'],
    ['Screen Shot 2026-11-17 at 12.03.04 AM.png', '2026-11-17T00:03:04'],
    ['截屏2026-11-17 下午3.14.15.png', '2026-11-17T15:14:15'],
    ['截屏2026-11-17 上午12.14.15.png', '2026-11-17T00:14:15'],
    ['截屏2026-11-17 12.14.15.png', '2026-11-17T12:14:15'],
    ['Screenrecorder-2026-11-17-12-03-04-123.mp4', '2026-11-17T12:03:04'],
    // A relative drop path: only the base name counts.
    ['证据/聊天/Screenshot_20261117_120304.jpg', '2026-11-17T12:03:04'],
    ['C:\\Users\\me\\Pictures\\IMG_20261117_120304.jpg', '2026-11-17T12:03:04'],
    // Epoch milliseconds (WeChat), converted to Shanghai time: 1700000000000 is 2023-11-14T22:13:20Z.
    ['wx_camera_1700000000000.jpg', '2023-11-15T06:13:20'],
    ['mmexport1700000000000.jpg', '2023-11-15T06:13:20'],
    ['mmexport1700000000000_1.jpg', '2023-11-15T06:13:20'],
    // Pixel names are UTC.
    ['PXL_20261117_040304123.jpg', '2026-11-17T12:03:04'],
    ['PXL_20261117_200304123.jpg', '2026-11-18T04:03:04'],
    // Leap days.
    ['IMG_20240229_120000.jpg', '2024-02-29T12:00:00'],
    ['IMG_20250229_120000.jpg', null],
    // Invalid fields are refused rather than rolled over.
    ['Screenshot_20261317_120304.jpg', null],
    ['Screenshot_20261131_120304.jpg', null],
    ['Screenshot_20261117_250304.jpg', null],
    ['Screenshot_20261117_126004.jpg', null],
    ['Screenshot_20261117_120360.jpg', null],
    ['Screenshot_00001117_120304.jpg', null],
    ['Screenshot_99991117_120304.jpg', null],
    ['Screen Shot 2026-11-17 at 13.03.04 PM.png', null],
    // Too many digits: not a time we understand.
    ['IMG_20261117_1203041234.jpg', null],
    ['mmexport17000000000001.jpg', null],
    // No trusted prefix: an order number looks like a timestamp but is not one.
    ['20261115203107123.png', null],
    ['订单20261115203107.png', null],
    ['IMG_1234.JPG', null],
    ['IMG-20261117-WA0001.jpg', null],
    ['photo.jpg', null],
    ['', null],
  ];

  it.each(cases)('%s → %s', (name, expected) => {
    expect(captureTimeFromFileName(name)).toBe(expected);
  });
});

describe('shanghaiDateTime', () => {
  it.each([
    [Date.UTC(2026, 10, 17, 4, 3, 4), '2026-11-17T12:03:04'],
    [Date.UTC(2026, 11, 31, 16, 0, 0), '2027-01-01T00:00:00'],
    [Date.UTC(2024, 1, 28, 16, 30, 0), '2024-02-29T00:30:00'],
    [0, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
    [8.64e15 + 1, null],
  ])('%s → %s', (ms, expected) => {
    expect(shanghaiDateTime(ms)).toBe(expected);
  });
});

describe('formatShanghai', () => {
  it('formats any finite instant, even an implausible one', () => {
    expect(formatShanghai(Date.UTC(2026, 10, 17, 4, 3, 4))).toBe('2026-11-17T12:03:04');
    expect(formatShanghai(0)).toBe('1970-01-01T08:00:00');
    expect(formatShanghai(Number.NaN)).toBe('1970-01-01T08:00:00');
  });
});

describe('localDateTime', () => {
  it('formats valid fields and refuses invalid ones', () => {
    expect(localDateTime(2026, 1, 2, 3, 4, 5)).toBe('2026-01-02T03:04:05');
    expect(localDateTime(2026, 2, 29, 0, 0, 0)).toBeNull();
    expect(localDateTime(2026, 0, 1, 0, 0, 0)).toBeNull();
    expect(localDateTime(2026, 1, 1, 0, 0, 1.5)).toBeNull();
  });
});

describe('localDateTimeAtOffset', () => {
  it.each([
    ['+08:00', '2026-11-17T12:03:04'],
    ['+09:00', '2026-11-17T11:03:04'],
    ['-05:00', '2026-11-18T01:03:04'],
    ['+0000', '2026-11-17T20:03:04'],
    ['bogus', null],
    ['+15:00', null],
  ])('12:03:04 at %s → %s', (offset, expected) => {
    expect(localDateTimeAtOffset([2026, 11, 17, 12, 3, 4], offset)).toBe(expected);
  });
});

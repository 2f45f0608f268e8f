import { describe, expect, it } from 'vitest';
import { cleanOcrText } from './cleanup';
import { extractTimestamps } from './timestamps';

// 2026-11-18 is a Wednesday.
const CAPTURE = '2026-11-18T12:03:04';

const values = (text: string, capturedAt: string | null = CAPTURE, chatStamps = true): string[] =>
  extractTimestamps(cleanOcrText(text), { capturedAt, anchorTrusted: true, chatStamps }).map((h) => h.value);

describe('absolute timestamps', () => {
  it.each([
    ['date-time with seconds', '创建时间: 2026-11-15 20:31:07', ['2026-11-15T20:31:07']],
    ['date-time without seconds', '下单时间 2026-11-15 20:31', ['2026-11-15T20:31']],
    ['single-digit month, day and hour', '2026-1-5 8:05', ['2026-01-05T08:05']],
    ['slashes with time', '支付时间 2026/11/15 20:31', ['2026-11-15T20:31']],
    ['slashes, date only', '有效期至 2026/12/31', ['2026-12-31']],
    ['dots, date only', '生产日期 2026.11.01', ['2026-11-01']],
    ['Chinese date with time', '2026年11月15日 20:31', ['2026-11-15T20:31']],
    ['Chinese date glued to time', '2026年11月15日20:31:07', ['2026-11-15T20:31:07']],
    ['Chinese date, date only', '签收日期:2026年11月5日', ['2026-11-05']],
    ['Chinese date with 下午', '2026年11月15日 下午8:31', ['2026-11-15T20:31']],
    ['OCR spaces in a Chinese date', '2026 年 11 月 15 日 20:31', ['2026-11-15T20:31']],
    ['dropped space repaired by cleanup', '创建时间:2026-11-1520:31:07', ['2026-11-15T20:31:07']],
    ['several stamps, in order', '付款时间 2026-11-15 20:31:15\n创建时间 2026-11-15 20:31:07', ['2026-11-15T20:31:15', '2026-11-15T20:31:07']],
    ['duplicates reported once', '2026-11-15 20:31\n2026-11-15 20:31', ['2026-11-15T20:31']],
    ['invalid day rejected', '2026-02-30 10:00', []],
    ['invalid time rejected, date not salvaged', '2026-11-15 25:61', []],
    ['invalid Chinese date rejected', '2026年2月29日', []],
    ['leap day accepted', '2028-02-29', ['2028-02-29']],
    ['PDD order number is not a date', '订单编号: 251128-123456789012345', []],
    ['phone and ids contain no time', '客服 400-123-4567 订单号 202611152031075823', []],
    ['amount is not a date', '实付款 ¥2026.11', []],
    ['a time glued to a long number belongs to it', '单号 2026111520:31:07', []],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('works without a capture time', () => {
    expect(values('2026-11-15 20:31:07', null)).toEqual(['2026-11-15T20:31:07']);
  });

  it('keeps the on-screen label', () => {
    const [hit] = extractTimestamps('付款时间: 2026-11-15 20:31:15', { capturedAt: null, anchorTrusted: false });
    expect(hit).toMatchObject({ label: '付款时间', line: 1 });
    const [next] = extractTimestamps('成交时间\n2026-11-15 20:31:15', { capturedAt: null, anchorTrusted: false });
    expect(next).toMatchObject({ label: '成交时间', line: 2 });
  });
});

describe('chat stamps resolved against the capture time', () => {
  it.each([
    ['today HH:mm', '聊天\n14:02', ['2026-11-18T14:02']],
    ['昨天', '昨天 21:15', ['2026-11-17T21:15']],
    ['前天', '前天 09:30', ['2026-11-16T09:30']],
    ['today 今天', '今天 08:00', ['2026-11-18T08:00']],
    ['星期三 is last week, not today', '星期三 10:20', ['2026-11-11T10:20']],
    ['星期二 is yesterday', '星期二 10:20', ['2026-11-17T10:20']],
    ['星期四 is six days ago', '星期四 10:20', ['2026-11-12T10:20']],
    ['周日', '周日 18:40', ['2026-11-15T18:40']],
    ['星期天', '星期天 18:40', ['2026-11-15T18:40']],
    ['下午3:05', '下午3:05', ['2026-11-18T15:05']],
    ['凌晨1:10', '凌晨1:10', ['2026-11-18T01:10']],
    ['上午9:41', '上午9:41', ['2026-11-18T09:41']],
    ['中午12:30', '中午12:30', ['2026-11-18T12:30']],
    ['中午1:15', '中午1:15', ['2026-11-18T13:15']],
    ['晚上11:59', '晚上11:59', ['2026-11-18T23:59']],
    ['下午12:10 is just after noon', '下午12:10', ['2026-11-18T12:10']],
    ['昨天 with 12-hour time', '昨天 下午3:05', ['2026-11-17T15:05']],
    ['星期三 with 12-hour time', '星期三 晚上8:00', ['2026-11-11T20:00']],
    ['M月D日 HH:mm this year', '11月3日 15:05', ['2026-11-03T15:05']],
    ['M月D日 later than capture is last year', '12月24日 20:00', ['2025-12-24T20:00']],
    ['M月D日 上午', '11月3日 上午10:05', ['2026-11-03T10:05']],
    ['M月D日 without a time is too vague', '11月15日购买点卡', []],
    ['上午13:00 is impossible', '上午13:00', []],
    ['25:61 is rejected', '25:61', []],
    ['status bar clock on the first line is skipped', '12:03 5G 86%\n张三\n10:15', ['2026-11-18T10:15']],
    ['first line clock alone is skipped', '12:03\n客服小美\n昨天 21:15', ['2026-11-17T21:15']],
    ['time inside a message is a promise, not a stamp', '聊天\n明天10:00前发货', []],
    ['opening hours are a range', '聊天\n9:00-21:00', []],
    ['opening hours with 至', '聊天\n09:00 至 21:00', []],
  ])('%s', (_name, text, expected) => {
    expect(values(text)).toEqual(expected);
  });

  it('drops relative stamps without a capture time or outside chats', () => {
    expect(values('昨天 21:15', null)).toEqual([]);
    expect(values('聊天\n昨天 21:15', CAPTURE, false)).toEqual([]);
  });

  it('reads a noisy WeChat chat screenshot', () => {
    const ocr = [
      '12:03 ⚡ 5G 86%',
      '< 小 美 ( 淘 宝 客 服 )',
      '星 期 一 21:15',
      '亲 ， 请 提 供 一 下 订 单 号',
      '昨 天 下 午 3:05',
      '订 单 号 3789654123456789012',
      '10:41',
      '已 为 您 提 交 退 款 申 请',
      '按 住 说 话',
    ].join('\n');
    expect(values(ocr)).toEqual(['2026-11-16T21:15', '2026-11-17T15:05', '2026-11-18T10:41']);
  });
});

describe('how each time was obtained (issue 12)', () => {
  const hits = (text: string, anchorTrusted: boolean, capturedAt: string | null = CAPTURE) =>
    extractTimestamps(cleanOcrText(`聊天\n${text}`), { capturedAt, anchorTrusted }).map((h) => ({ value: h.value, basis: h.basis, after: h.afterCapture ?? false }));

  // Every relative or partial form, against a trusted anchor (EXIF, file name, status bar, the buyer)
  // and a weak one (clipboard, file mtime): the same value, but only the trusted one is exact.
  it.each([
    ['昨天', '昨天 16:33', '2026-11-17T16:33'],
    ['前天', '前天 09:30', '2026-11-16T09:30'],
    ['今天', '今天 08:00', '2026-11-18T08:00'],
    ['星期三', '星期三 10:20', '2026-11-11T10:20'],
    ['周日', '周日 18:40', '2026-11-15T18:40'],
    ['bare HH:mm', '11:58', '2026-11-18T11:58'],
    ['12-hour 上午', '上午9:41', '2026-11-18T09:41'],
    ['昨天 下午', '昨天 下午3:05', '2026-11-17T15:05'],
    ['M月D日 without a year', '11月7日 15:05', '2026-11-07T15:05'],
    ['M月D日 later in the year is last year', '12月24日 20:00', '2025-12-24T20:00'],
  ])('%s: inferred against a trusted anchor, approx against a weak one', (_name, text, value) => {
    expect(hits(text, true)).toEqual([{ value, basis: 'inferred', after: false }]);
    expect(hits(text, false)).toEqual([{ value, basis: 'approx', after: false }]);
  });

  it.each([
    ['numeric date-time', '付款时间 2026-11-15 20:31:15', '2026-11-15T20:31:15'],
    ['Chinese date with a year', '2026年11月15日 20:31', '2026-11-15T20:31'],
    ['date only', '有效期至 2026/11/01', '2026-11-01'],
  ])('%s is shown on screen whatever the anchor', (_name, text, value) => {
    expect(hits(text, true)).toEqual([{ value, basis: 'shown', after: false }]);
    expect(hits(text, false)).toEqual([{ value, basis: 'shown', after: false }]);
    expect(hits(text, false, null)).toEqual([{ value, basis: 'shown', after: false }]);
  });

  it.each([
    // A bare 18:03 on a screenshot taken at 12:03 cannot be: the capture time is wrong.
    ['bare time later today', '18:03', true, { value: '2026-11-18T18:03', basis: 'inferred', after: true }],
    ['bare time later today, weak anchor', '18:03', false, { value: '2026-11-18T18:03', basis: 'approx', after: true }],
    ['今天 later', '今天 13:00', true, { value: '2026-11-18T13:00', basis: 'inferred', after: true }],
    ['yearless date later the same day', '11月18日 15:00', true, { value: '2026-11-18T15:00', basis: 'inferred', after: true }],
    ['a shown time after the capture stays shown', '付款时间 2026-11-19 08:00', true, { value: '2026-11-19T08:00', basis: 'shown', after: true }],
    ['a shown date after the capture day', '2026/11/20', true, { value: '2026-11-20', basis: 'shown', after: true }],
    ['the same minute is not after', '12:03', true, { value: '2026-11-18T12:03', basis: 'inferred', after: false }],
    ['the capture day itself is not after', '2026/11/18', true, { value: '2026-11-18', basis: 'shown', after: false }],
  ])('%s: flagged, never moved to another day', (_name, text, trusted, expected) => {
    expect(hits(text, trusted)).toEqual([expected]);
  });
});

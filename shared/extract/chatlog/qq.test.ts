import { describe, expect, it } from 'vitest';
import { parseQqTxt } from './qq';

const SEP = '='.repeat(64);

const EXPORT = [
  '消息记录（此消息记录为文本格式，不支持重新导入）',
  '',
  SEP,
  '消息分组:我的好友',
  SEP,
  '消息对象:星辰卡盟客服',
  SEP,
  '',
  '2026-11-15 20:35:02 小明(10001)',
  '你好，我在你们店买的腾讯视频月卡，卡密提示已被使用',
  '订单号 202611152031075823',
  '',
  '2026-11-15 20:36:40 星辰卡盟客服(2851234567)',
  '[图片]',
  '',
  '2026-11-15 9:05:07 星辰卡盟客服(2851234567)',
  '亲，这边需要您私下加我微信处理理赔',
  '',
  '2026-11-16 8:01:02 PM 小明(10001)',
  '好的',
  '',
  '2026-11-16 下午 3:04:05 小明<xiaoming@example.com>',
  '第一行',
  '',
  '第三行，中间有空行',
  '',
  '',
].join('\n');

describe('parseQqTxt', () => {
  const parsed = parseQqTxt(EXPORT);

  it('reads every message with sender, id, time and source line', () => {
    expect(parsed.format).toBe('qq-txt');
    expect(parsed.messages.map((m) => [m.index, m.sender, m.senderId, m.at, m.line])).toEqual([
      [0, '小明', '10001', '2026-11-15T20:35:02', 9],
      [1, '星辰卡盟客服', '2851234567', '2026-11-15T20:36:40', 13],
      [2, '星辰卡盟客服', '2851234567', '2026-11-15T09:05:07', 16],
      [3, '小明', '10001', '2026-11-16T20:01:02', 19],
      [4, '小明', 'xiaoming@example.com', '2026-11-16T15:04:05', 22],
    ]);
  });

  it('keeps multi-line content and placeholders', () => {
    expect(parsed.messages[0]?.text).toBe('你好，我在你们店买的腾讯视频月卡，卡密提示已被使用\n订单号 202611152031075823');
    expect(parsed.messages[1]?.text).toBe('[图片]');
    expect(parsed.messages[4]?.text).toBe('第一行\n\n第三行，中间有空行');
    expect(parsed.messages.some((m) => m.malformed)).toBe(false);
  });

  it.each([
    ['12 AM is midnight', '2026-11-16 12:30:00 AM 小明(10001)', '2026-11-16T00:30:00'],
    ['12 PM is noon', '2026-11-16 12:30:00 PM 小明(10001)', '2026-11-16T12:30:00'],
    ['上午 before the time', '2026-11-16 上午 9:30:00 小明(10001)', '2026-11-16T09:30:00'],
    ['slashes in the date', '2026/11/6 9:30:00 小明(10001)', '2026-11-06T09:30:00'],
    ['fullwidth parentheses around the id', '2026-11-16 09:30:00 小明（10001）', '2026-11-16T09:30:00'],
    ['nickname with spaces and brackets', '2026-11-16 09:30:00 [店长] Tom Lee(10001)', '2026-11-16T09:30:00'],
  ])('header: %s', (_name, header, at) => {
    const [msg] = parseQqTxt(`${header}\n在吗`).messages;
    expect(msg).toMatchObject({ at, text: '在吗', line: 1 });
    expect(msg?.malformed).toBeUndefined();
  });

  it('keeps a header with an impossible time as a malformed message', () => {
    const { messages } = parseQqTxt('2026-02-30 25:61:00 小明(10001)\n你好');
    expect(messages).toEqual([{ index: 0, sender: '小明', senderId: '10001', at: null, text: '你好', line: 1, malformed: true }]);
  });

  it('keeps stray lines before the first message, flagged', () => {
    const { messages } = parseQqTxt(['消息记录（此消息记录为文本格式，不支持重新导入）', '这行不该出现在这里', SEP, '2026-11-15 20:35:02 小明(10001)', '你好'].join('\n'));
    expect(messages.map((m) => [m.text, m.line, m.malformed ?? false])).toEqual([
      ['这行不该出现在这里', 2, true],
      ['你好', 4, false],
    ]);
  });

  it('treats a content line that merely starts with a date as content', () => {
    const { messages } = parseQqTxt('2026-11-15 20:35:02 小明(10001)\n2026-11-15 20:31 下的单');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('2026-11-15 20:31 下的单');
  });

  it('handles CRLF and a BOM', () => {
    const { messages } = parseQqTxt('\ufeff2026-11-15 20:35:02 小明(10001)\r\n你好\r\n');
    expect(messages[0]).toMatchObject({ sender: '小明', text: '你好', line: 1 });
  });
});

import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv';
import { parseWechatMsgCsv, parseWechatMsgTxt } from './wechatmsg';

const HEADER = 'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender';

const CSV = [
  `\ufeff${HEADER}`,
  '1,wxid_shop123,1,0,0,1794746102,2,在吗？,2026-11-15 20:35:02,卡盟客服小王,小王,wxid_shop123',
  '2,wxid_shop123,1,0,1,1794746160,2,"订单号 202611152031075823,卡密提示""已被使用""",2026-11-15 20:36:00,卡盟客服小王,小王,',
  '3,wxid_shop123,3,0,1,1794746170,2,<img src="x"/>,2026-11-15 20:36:10,卡盟客服小王,小王,',
  '4,wxid_shop123,1,0,0,1794746200,2,"亲，需要您先缴纳保证金',
  '才能解冻退款通道",2026-11-15 20:36:40,卡盟客服小王,小王,wxid_shop123',
  '5,wxid_shop123,1,0,0,1794746102,2,时间坏了,2026-13-45 99:00:00,卡盟客服小王,小王,wxid_shop123',
  '6,wxid_shop123,1,0,0',
  '7,123456@chatroom,1,0,0,1794746300,2,群里有人说是骗子,2026-11-15 20:38:20,,维权群,wxid_member9',
  '8,wxid_shop123,49,6,0,1794746400,2,,2026-11-15 20:40:00,卡盟客服小王,小王,wxid_shop123',
  '',
].join('\r\n');

describe('parseCsv', () => {
  it('follows RFC 4180 quoting and remembers start lines', () => {
    const records = parseCsv('a,"b,c","d ""e""",\n"multi\nline",2\n\n3');
    expect(records.map((r) => [r.fields, r.line])).toEqual([
      [['a', 'b,c', 'd "e"', ''], 1],
      [['multi\nline', '2'], 2],
      [['3'], 5],
    ]);
  });

  it('returns an unterminated quoted field, flagged', () => {
    expect(parseCsv('1,"never closed\nmore')).toEqual([{ fields: ['1', 'never closed\nmore'], line: 1, raw: '1,"never closed\nmore', unterminated: true }]);
  });
});

describe('parseWechatMsgCsv', () => {
  const { format, messages } = parseWechatMsgCsv(CSV);

  it('reads rows into messages with sender, time and line', () => {
    expect(format).toBe('wechatmsg-csv');
    expect(messages.map((m) => [m.index, m.sender, m.fromSelf, m.at, m.line])).toEqual([
      [0, '卡盟客服小王', false, '2026-11-15T20:35:02', 2],
      [1, '我', true, '2026-11-15T20:36:00', 3],
      [2, '我', true, '2026-11-15T20:36:10', 4],
      [3, '卡盟客服小王', false, '2026-11-15T20:36:40', 5],
      [4, '卡盟客服小王', false, '2026-11-15T20:35:02', 7],
      [5, 'wxid_shop123', false, null, 8],
      [6, 'wxid_member9', false, '2026-11-15T20:38:20', 9],
      [7, '卡盟客服小王', false, '2026-11-15T20:40:00', 10],
    ]);
  });

  it('unquotes content, keeps multi-line content, and uses placeholders for media', () => {
    expect(messages[1]?.text).toBe('订单号 202611152031075823,卡密提示"已被使用"');
    expect(messages[2]?.text).toBe('[图片]');
    expect(messages[3]?.text).toBe('亲，需要您先缴纳保证金\n才能解冻退款通道');
    expect(messages[7]?.text).toBe('[文件]');
  });

  it('falls back to CreateTime when StrTime is broken', () => {
    expect(messages[4]).toMatchObject({ text: '时间坏了', at: '2026-11-15T20:35:02' });
    expect(messages[4]?.malformed).toBeUndefined();
  });

  it('keeps a short row verbatim as a malformed message', () => {
    expect(messages[5]).toMatchObject({ text: '6,wxid_shop123,1,0,0', at: null, malformed: true });
  });

  it('names group members by their Sender column', () => {
    expect(messages[6]).toMatchObject({ sender: 'wxid_member9', senderId: 'wxid_member9' });
  });

  it('reads a file without the header row by the documented column order', () => {
    const rows = parseWechatMsgCsv('1,wxid_a,1,0,1,1794746102,2,你好,2026-11-15 20:35:02,,,').messages;
    expect(rows).toEqual([{ index: 0, sender: '我', fromSelf: true, at: '2026-11-15T20:35:02', text: '你好', line: 1 }]);
  });
});

describe('parseWechatMsgTxt', () => {
  const TXT = [
    '2026-11-15 20:35:02 卡盟客服小王',
    '在吗？',
    '',
    '2026-11-15 20:36:00 我',
    '订单号 202611152031075823',
    '卡密提示已被使用',
    '',
    '2026-11-15 20:36:10 我',
    '[图片]',
    '',
    '2026-02-30 20:36:40 卡盟客服小王',
    '时间坏了也要保留',
    '',
    '',
  ].join('\n');

  it('reads blocks with sender, time, content and line', () => {
    const { format, messages } = parseWechatMsgTxt(TXT);
    expect(format).toBe('wechatmsg-txt');
    expect(messages).toEqual([
      { index: 0, sender: '卡盟客服小王', at: '2026-11-15T20:35:02', text: '在吗？', line: 1 },
      { index: 1, sender: '我', at: '2026-11-15T20:36:00', text: '订单号 202611152031075823\n卡密提示已被使用', line: 4 },
      { index: 2, sender: '我', at: '2026-11-15T20:36:10', text: '[图片]', line: 8 },
      { index: 3, sender: '卡盟客服小王', at: null, text: '时间坏了也要保留', line: 11, malformed: true },
    ]);
  });

  it('keeps a date-like content line inside its message', () => {
    const { messages } = parseWechatMsgTxt('2026-11-15 20:35:02 我\n下单时间\n2026-11-15 20:31:07 付款\n');
    expect(messages).toHaveLength(1);
    expect(messages[0]?.text).toBe('下单时间\n2026-11-15 20:31:07 付款');
  });

  it('keeps text before the first block, flagged', () => {
    const { messages } = parseWechatMsgTxt('\ufeff聊天记录导出\n\n2026-11-15 20:35:02 我\n你好\n');
    expect(messages.map((m) => [m.text, m.line, m.malformed ?? false])).toEqual([
      ['聊天记录导出', 1, true],
      ['你好', 3, false],
    ]);
  });
});

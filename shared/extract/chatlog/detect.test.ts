import { describe, expect, it } from 'vitest';
import { detectChatLog, parseChatLog } from './detect';

const QQ = ['消息记录（此消息记录为文本格式，不支持重新导入）', '', '='.repeat(64), '消息分组:我的好友', '='.repeat(64), '消息对象:客服', '='.repeat(64), '', '2026-11-15 20:35:02 小明(10001)', '你好'].join('\n');
const QQ_HALF_WIDTH = QQ.replace('（此消息记录为文本格式，不支持重新导入）', '(此消息记录为文本格式,不支持重新导入)');
const QQ_NO_HEADER = '2026-11-15 8:35:02 小明(10001)\n你好\n';
const CSV = '\ufefflocalId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\r\n1,wxid_a,1,0,1,1794746102,2,你好,2026-11-15 20:35:02,,,\r\n';
const TXT = '2026-11-15 20:35:02 卡盟客服小王\n在吗？\n\n2026-11-15 20:36:00 我\n在\n\n';

describe('detectChatLog', () => {
  it.each([
    ['QQ export with fullwidth header', QQ, 'QQ.txt', 'qq-txt'],
    ['QQ export with half-width header', QQ_HALF_WIDTH, '客服.txt', 'qq-txt'],
    ['QQ messages without the header block', QQ_NO_HEADER, 'part.txt', 'qq-txt'],
    ['WeChatMsg CSV with BOM', CSV, '卡盟客服小王.csv', 'wechatmsg-csv'],
    ['WeChatMsg CSV whatever the extension', CSV, 'export', 'wechatmsg-csv'],
    ['WeChatMsg TXT', TXT, '卡盟客服小王.txt', 'wechatmsg-txt'],
    ['a plain note', '11月15日买的点卡，卡密无效\n订单号 202611152031075823', 'note.txt', null],
    ['another CSV', 'date,amount\n2026-11-15,149.90', 'bill.csv', null],
    ['a WeChatMsg-like text in a .csv file', TXT, 'odd.csv', null],
    ['empty', '', 'empty.txt', null],
  ])('%s', (_name, text, fileName, expected) => {
    expect(detectChatLog(text, fileName)).toBe(expected);
  });
});

describe('parseChatLog', () => {
  it('dispatches to the right parser', () => {
    expect(parseChatLog(QQ, 'QQ.txt')?.messages[0]).toMatchObject({ sender: '小明', text: '你好' });
    expect(parseChatLog(CSV, 'a.csv')?.messages[0]).toMatchObject({ sender: '我', text: '你好' });
    expect(parseChatLog(TXT, 'a.txt')?.messages).toHaveLength(2);
    expect(parseChatLog('随便写点什么', 'a.txt')).toBeNull();
  });
});

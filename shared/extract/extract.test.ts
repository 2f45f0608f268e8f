import { describe, expect, it } from 'vitest';
import { parseQqTxt } from './chatlog/qq';
import { parseWechatMsgCsv } from './chatlog/wechatmsg';
import { extractFields, extractFromChatLog, toScanJson } from './extract';
import type { OcrPage, OcrWord } from './types';

/** Raw tesseract-style lines to a page: one word per space-separated token, boxes laid out left to right. */
function ocrPage(lines: readonly string[], lowConfidence: readonly string[] = []): OcrPage {
  const words: OcrWord[] = [];
  lines.forEach((line, row) => {
    let x = 20;
    for (const token of line.split(' ').filter((t) => t !== '')) {
      const width = 18 * [...token].length;
      words.push({ text: token, confidence: lowConfidence.includes(token) ? 40 : 92, bbox: { x0: x, y0: 100 + 48 * row, x1: x + width, y1: 130 + 48 * row } });
      x += width + 10;
    }
  });
  return { text: lines.join('\n'), words };
}

const CAPTURE = '2026-11-18T12:03:04';

const TAOBAO = ocrPage([
  '12:03 ⚡ 5G 86%',
  '< 订 单 详 情',
  '交 易 成 功',
  '罗 技 官 方 旗 舰 店 淘 宝 网',
  'G304 无 线 鼠 标 ¥ 159.00 x1',
  '商 品 总 额 ¥ 159.00',
  '店 铺 优 惠 - ¥ 10.00',
  '实 付 款 # 149.90',
  '订 单 编 号 : 3789654123456789012 复 制',
  '支 付 宝 交 易 号 : 2026111522001456781234567890',
  '创 建 时 间 : 2026-11-1520:31:07',
  '付 款 时 间 : 2026-11-15 20:31:15',
  '客 服 电 话 : 400-123-4567 手 机 : 138 1234 5678',
  '确 认 收 货 申 请 售 后',
]);

describe('extractFields on screenshots', () => {
  it('reads a Taobao order page into the CLI contract, key order included', () => {
    const json = toScanJson(extractFields(TAOBAO, { capturedAt: CAPTURE, anchorTrusted: true }), CAPTURE, 'filename');
    expect(Object.keys(json)).toEqual(['capturedAt', 'capturedAtSource', 'platform', 'kind', 'orderNumbers', 'transactionIds', 'timestamps', 'approxTimestamps', 'amount', 'scam', 'scamSignals', 'text']);
    expect({ ...json, text: undefined }).toEqual({
      capturedAt: CAPTURE,
      capturedAtSource: 'filename',
      platform: 'taobao',
      kind: 'order',
      orderNumbers: ['3789654123456789012'],
      transactionIds: ['2026111522001456781234567890'],
      timestamps: ['2026-11-15T20:31:07', '2026-11-15T20:31:15'],
      approxTimestamps: [],
      amount: '149.90',
      scam: false,
      scamSignals: [],
      text: undefined,
    });
    expect(json.text).toContain('实付款 ¥149.90');
  });

  it('names the tied amounts of an order list instead of taking one, and the scan line is unchanged', () => {
    const list = ocrPage(['我 的 订 单', '绿 源 旗 舰 店 交 易 成 功', '共 1 件 商 品 实 付 款 ¥ 59.00', '晨 光 文 具 专 营 店 卖 家 已 发 货', '共 1 件 商 品 实 付 款 ¥ 26.90']);
    const x = extractFields(list, { capturedAt: CAPTURE, anchorTrusted: true });
    expect(x.amount).toBeNull();
    expect(x.amountChoices).toEqual(['59.00', '26.90']);
    expect(toScanJson(x, CAPTURE, 'filename')).not.toHaveProperty('amountChoices');
    expect(extractFields(TAOBAO, { capturedAt: CAPTURE, anchorTrusted: true })).not.toHaveProperty('amountChoices');
  });

  it('gives every field its box, label and a confidence', () => {
    const r = extractFields(TAOBAO, { capturedAt: CAPTURE, anchorTrusted: true });
    const order = r.orderNumbers[0];
    expect(order).toMatchObject({ label: '订单编号', scheme: 'taobao', line: 9 });
    // The order number is one word on row 8: its box is that word's box.
    const word = TAOBAO.words?.find((w) => w.text === '3789654123456789012');
    expect(order?.box).toEqual(word?.bbox);
    // "#" and "149.90" are two words: the amount's box spans both.
    const hash = TAOBAO.words?.find((w) => w.text === '#');
    const figure = TAOBAO.words?.find((w) => w.text === '149.90');
    expect(r.amount?.box).toEqual({ x0: hash?.bbox.x0, y0: hash?.bbox.y0, x1: figure?.bbox.x1, y1: figure?.bbox.y1 });
    expect(r.amount).toMatchObject({ value: '149.90', label: '实付款' });
    // The date-time was glued together by OCR; it is still found in the word "2026-11-1520:31:07".
    expect(r.timestamps[0]).toMatchObject({ value: '2026-11-15T20:31:07', label: '创建时间' });
    expect(r.timestamps[0]?.box).not.toBeNull();
    for (const f of [...r.orderNumbers, ...r.transactionIds, ...r.timestamps]) {
      expect(f.confidence).toBeGreaterThan(0.5);
      expect(f.confidence).toBeLessThanOrEqual(1);
    }
  });

  it('lowers confidence when tesseract was unsure of the words', () => {
    const unsure = ocrPage(['订 单 编 号 : 3789654123456789012'], ['3789654123456789012']);
    const sure = ocrPage(['订 单 编 号 : 3789654123456789012']);
    const a = extractFields(unsure, { capturedAt: null, anchorTrusted: false }).orderNumbers[0]?.confidence ?? 1;
    const b = extractFields(sure, { capturedAt: null, anchorTrusted: false }).orderNumbers[0]?.confidence ?? 0;
    expect(a).toBeLessThan(b);
  });

  it.each([
    {
      name: 'Alipay bill detail',
      lines: ['账 单 详 情', '淘 宝 ( 中 国 ) 软 件 有 限 公 司', '-149.90', '交 易 成 功', '支 付 时 间 2026-11-15 20:31:15', '付 款 方 式 花 呗', '订 单 号 2026111522001456781234567890', '商 家 订 单 号 T200P3789654123456789012', '账 单 分 类 日 用 百 货'],
      expected: { platform: 'alipay', kind: 'payment', orderNumbers: ['T200P3789654123456789012'], transactionIds: ['2026111522001456781234567890'], timestamps: ['2026-11-15T20:31:15'], amount: '149.90' },
    },
    {
      name: 'WeChat Pay bill detail',
      lines: ['账 单 详 情', '京 东 商 城 平 台 商 户', '一149.90', '当 前 状 态 支 付 成 功', '支 付 时 间 2026年11月15日 20:31:15', '支 付 方 式 零 钱', '交 易 单 号 4200002345202611151234567890', '商 户 单 号 298765432101'],
      expected: { platform: 'wechatpay', kind: 'payment', orderNumbers: ['298765432101'], transactionIds: ['4200002345202611151234567890'], timestamps: ['2026-11-15T20:31:15'], amount: '149.90' },
    },
    {
      name: 'JD order with a hotline',
      lines: ['订 单 详 情', '京 东 自 营', '应 付 总 额 羊 149.90', '订 单 编 号 : 298765432101', '下 单 时 间 : 2026-11-14 09:12:45', '京 东 客 服 400-606-5500', '运 单 号 : JDVA12345678901'],
      expected: { platform: 'jd', kind: 'order', orderNumbers: ['298765432101'], transactionIds: [], timestamps: ['2026-11-14T09:12:45'], amount: '149.90' },
    },
    {
      name: 'Pinduoduo order',
      lines: ['拼 单 成 功', '商 品 金 额 ¥ 39.90', '实 付 : ¥ 37.9', '订 单 编 号 : 251128-123456789012345', '成 交 时 间 : 2025/11/28 08:05', '申 请 售 后'],
      expected: { platform: 'pdd', kind: 'order', orderNumbers: ['251128-123456789012345'], transactionIds: [], timestamps: ['2025-11-28T08:05'], amount: '37.90' },
    },
    {
      name: 'Douyin order',
      lines: ['抖 音 商 城', '订 单 信 息', '实 付 款 ¥ 99.00', '订 单 编 号 6923456789012345678', '下 单 时 间 2026年11月16日 下 午 3:05'],
      expected: { platform: 'douyin', kind: 'order', orderNumbers: ['6923456789012345678'], transactionIds: [], timestamps: ['2026-11-16T15:05'], amount: '99.00' },
    },
    {
      name: '卡盟 order with QQ, phone and card-code distractors',
      lines: ['星 辰 卡 盟 自 动 发 货', '订 单 号 : 202611152031075823', '商 品 : 腾 讯 视 频 VIP 月 卡', '订 单 金 额 : 30.00 元', '卡 密 : 8H3K-2M9Q-X7WP-4TZL', '卡 号 : 3789654123456789012', '客 服 QQ : 2851234567', '售 后 电 话 13812345678', '下 单 时 间 : 2026-11-15 20:31:07'],
      expected: { platform: 'kameng', kind: 'order', orderNumbers: ['202611152031075823'], transactionIds: [], timestamps: ['2026-11-15T20:31:07'], amount: '30.00' },
    },
    {
      name: 'WeChat chat with relative stamps and a scam',
      lines: ['12:03 ⚡ 5G 86%', '< 抖 音 客 服 专 员', '星 期 一 21:15', '您 好 ， 您 误 开 通 了 百 万 保 障', '昨 天 下 午 3:05', '不 取 消 的 话 每 月 扣 费 500 元', '需 要 您 下 载 腾 讯 会 议 配 合 操 作', '11:58', '[图 片]', '按 住 说 话'],
      expected: { platform: 'wechat', kind: 'chat', orderNumbers: [], transactionIds: [], timestamps: ['2026-11-16T21:15', '2026-11-17T15:05', '2026-11-18T11:58'], amount: null, scam: true },
    },
    {
      name: 'ordinary Taobao customer-service chat',
      lines: ['12:03 5G', '< 店 铺 客 服', '昨 天 14:02', '亲 ， 请 提 供 一 下 订 单 号', '3789654123456789012', '11:10', '已 为 您 提 交 退 款 申 请 , 1-3 个 工 作 日 原 路 退 回', '淘 宝 旺 旺 发 送'],
      expected: { platform: 'taobao', kind: 'chat', orderNumbers: ['3789654123456789012'], transactionIds: [], timestamps: ['2026-11-17T14:02', '2026-11-18T11:10'], approxTimestamps: [], amount: null, scam: false },
    },
  ])('$name', ({ lines, expected }) => {
    const json = toScanJson(extractFields(ocrPage(lines), { capturedAt: CAPTURE, anchorTrusted: true }), CAPTURE, 'filename');
    expect(json).toMatchObject(expected);
  });
});

describe('extract hints and the scan shape', () => {
  // Bubble colours say chat, but the words (订单号, 卡密, 实付款) lean towards an order page.
  const CHAT_LOOKING_LIKE_ORDER = ocrPage([
    '12:03 5G 86%',
    '< 星 辰 卡 盟 客 服',
    '昨 天 21:15',
    '订 单 号 : 202611152031075823',
    '卡 密 提 示 已 被 使 用 , 实 付 款 30.00 元',
    '星 期 一 10:02',
    '订 单 详 情 查 看 物 流 申 请 售 后',
  ]);

  it('a kind hint makes the page read as a chat, relative stamps included', () => {
    const plain = extractFields(CHAT_LOOKING_LIKE_ORDER, { capturedAt: CAPTURE, anchorTrusted: true });
    expect(plain.kind).toBe('order');
    expect(plain.timestamps).toEqual([]);
    const hinted = toScanJson(extractFields(CHAT_LOOKING_LIKE_ORDER, { capturedAt: CAPTURE, anchorTrusted: true, hints: { kind: 'chat', platform: 'wechat' } }), CAPTURE, 'filename');
    expect(hinted).toMatchObject({ kind: 'chat', platform: 'wechat', orderNumbers: ['202611152031075823'], timestamps: ['2026-11-17T21:15', '2026-11-16T10:02'] });
  });

  it('a platform hint alone keeps the words’ kind', () => {
    const r = extractFields(TAOBAO, { capturedAt: CAPTURE, anchorTrusted: true, hints: { platform: 'tmall' } });
    expect(r).toMatchObject({ kind: 'order', platform: 'tmall' });
    expect(r.orderNumbers[0]?.scheme).toBe('tmall');
  });

  it.each([
    ['a date shown without a time', '本 规 则 自 2026年6月28日 起 生 效', [], ['2026-06-28']],
    ['a numeric date without a time', '生 效 日 期 2026-06-28', [], ['2026-06-28']],
    ['date-times are kept next to a date', '生 效 日 期 2026/06/28\n更 新 时 间 2026-06-30 10:00', ['2026-06-30T10:00'], ['2026-06-28', '2026-06-30T10:00']],
  ])('scan lists date-times only: %s', (_name, text, scan, all) => {
    const r = extractFields({ text }, { capturedAt: CAPTURE, anchorTrusted: true });
    expect(r.timestamps.map((f) => f.value)).toEqual(all);
    expect(toScanJson(r, CAPTURE, 'filename').timestamps).toEqual(scan);
  });
});

describe('extractFromChatLog', () => {
  it('reads a QQ export: message times, ids and the scam message', () => {
    const parsed = parseQqTxt(
      [
        '消息记录（此消息记录为文本格式，不支持重新导入）',
        '='.repeat(64),
        '消息对象:星辰卡盟客服',
        '='.repeat(64),
        '',
        '2026-11-15 20:35:02 小明(10001)',
        '卡密提示已被使用，订单号 202611152031075823，实付款30.00元',
        '',
        '2026-11-15 20:36:40 星辰卡盟客服(2851234567)',
        '退款需要您先缴纳保证金',
        '',
      ].join('\n'),
    );
    const r = extractFromChatLog(parsed);
    expect(r).toMatchObject({ platform: 'qq', kind: 'chat', scam: true });
    expect(r.orderNumbers).toEqual([{ value: '202611152031075823', confidence: 0.95, box: null, line: 6, label: '订单号', scheme: 'kameng' }]);
    expect(r.timestamps.map((t) => t.value)).toEqual(['2026-11-15T20:35:02', '2026-11-15T20:36:40']);
    expect(r.amount).toMatchObject({ value: '30.00', label: '实付款', line: 6 });
    expect(r.scamSignals).toEqual([expect.objectContaining({ id: 'deposit', messageIndex: 1, line: 9 })]);
    expect(toScanJson(r, null, null)).toMatchObject({ capturedAt: null, scamSignals: ['deposit'], text: expect.stringContaining('2026-11-15 20:36:40 星辰卡盟客服: 退款需要您先缴纳保证金') });
  });

  it('reads a WeChatMsg export as a WeChat chat', () => {
    const parsed = parseWechatMsgCsv(
      'localId,TalkerId,Type,SubType,IsSender,CreateTime,Status,StrContent,StrTime,Remark,NickName,Sender\n' +
        '1,wxid_a,1,0,1,1794746102,2,支付宝交易号 2026111522001456781234567890,2026-11-15 20:35:02,,小王,\n',
    );
    const json = toScanJson(extractFromChatLog(parsed), null, null);
    expect(json).toMatchObject({ platform: 'wechat', kind: 'chat', transactionIds: ['2026111522001456781234567890'], scam: false, scamSignals: [] });
  });
});

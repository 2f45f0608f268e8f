import { describe, expect, it } from 'vitest';
import { cleanOcrText } from './cleanup';
import { isAlipayTradeNo, isCardCode, isIdCardNumber, isPddOrder, isPhoneNumber, isWechatTransactionId } from './id-formats';
import { extractIds } from './ids';
import type { ExtractKind, ExtractPlatform } from './types';

const ALIPAY = '2026111522001456781234567890';
const WECHAT = '4200002345202611151234567890';
const WECHAT_REFUND = '5030000123420261115123456789';
const TAOBAO19 = '3789654123456789012';
const TAOBAO18 = '284849152912345678';
const DOUYIN = '6923456789012345678';
const JD = '298765432101';
const PDD = '251128-123456789012345';
const KAMENG = '202611152031075823';
const BANK_CARD = '6222021234567890128';
const ID_CARD = '440305199003071236';

interface Case {
  name: string;
  text: string;
  platform?: ExtractPlatform;
  kind?: ExtractKind;
  orders?: string[];
  transactions?: string[];
  tracking?: string[];
}

const cases: Case[] = [
  {
    name: 'Taobao order page with Alipay trade number',
    text: `订 单 编 号 : ${TAOBAO19} 复 制\n支 付 宝 交 易 号 : ${ALIPAY}\n创 建 时 间 : 2026-11-15 20:31:07`,
    platform: 'taobao',
    orders: [TAOBAO19],
    transactions: [ALIPAY],
  },
  { name: 'Tmall 18-digit order', text: `订单号:${TAOBAO18}`, platform: 'tmall', orders: [TAOBAO18] },
  { name: 'Douyin order, unlabelled line', text: `抖音商城\n${DOUYIN}\n下单时间 2026-11-15 20:31`, platform: 'douyin', orders: [DOUYIN] },
  { name: 'JD labelled 12 digits', text: `订单编号: ${JD}\n京东快递 运单号: JDVA12345678901`, platform: 'jd', orders: [JD], tracking: ['JDVA12345678901'] },
  { name: 'JD unlabelled 12 digits on a JD page', text: `京东 订单详情\n${JD}\n客服电话 400-606-5500`, platform: 'jd', orders: [JD] },
  { name: 'JD-length number on a non-JD page is not taken', text: `活动编号 ${JD}`, platform: 'taobao' },
  { name: 'Pinduoduo order', text: `订单编号: ${PDD}\n拼单成功`, platform: 'pdd', orders: [PDD] },
  { name: 'Pinduoduo order without a label', text: `${PDD} 复制`, platform: 'pdd', orders: [PDD] },
  { name: '卡盟 date-time order', text: `订单号: ${KAMENG}\n卡密: 8H3K-2M9Q-X7WP-4TZL`, platform: 'kameng', orders: [KAMENG] },
  { name: '卡盟 order with letters', text: `订单号:K2026111520310758AB`, platform: 'kameng', orders: ['K2026111520310758AB'] },
  { name: '卡盟 unlabelled date-time order', text: `查询结果 ${KAMENG} 已发货`, platform: 'kameng', orders: [KAMENG] },
  {
    name: 'WeChat bill: transaction id and merchant number',
    text: `交易单号\n${WECHAT}\n商户单号\nT200P${TAOBAO19}`,
    orders: [`T200P${TAOBAO19}`],
    transactions: [WECHAT],
  },
  {
    name: 'Alipay bill: 订单号 holding the trade number, 商家订单号 holding the shop number',
    text: `订单号 ${ALIPAY}\n商家订单号 T200P${TAOBAO19}`,
    platform: 'alipay',
    orders: [`T200P${TAOBAO19}`],
    transactions: [ALIPAY],
  },
  { name: 'unlabelled Alipay trade number', text: `交易成功 ${ALIPAY}`, transactions: [ALIPAY] },
  { name: 'unlabelled WeChat transaction id', text: `${WECHAT}`, transactions: [WECHAT] },
  { name: 'transaction id wrapped over two lines', text: `交易单号: 42000023452026\n11151234567890`, transactions: [WECHAT] },
  { name: 'WeChat refund number is not a transaction id', text: `退款单号 ${WECHAT_REFUND}\n${WECHAT_REFUND}` },
  { name: '28 digits without a date prefix are not taken', text: '1234567890123456789012345678' },
  { name: 'a misread trade number of the wrong length is dropped', text: `支付宝交易号: ${ALIPAY}9\n交易单号 ${WECHAT.slice(1)}` },
  { name: 'a labelled 28-digit number of unknown prefix is kept', text: '交易单号 4300002345202611151234567890', transactions: ['4300002345202611151234567890'] },
  { name: 'merchant number with letters', text: '商户单号: wx2026111520310758', orders: ['wx2026111520310758'] },
  { name: 'order number in a chat sentence', text: `我的订单号是${TAOBAO19}，卡密无效`, orders: [TAOBAO19] },
  { name: 'labelled order number on the next line', text: `订单编号\n${TAOBAO19}`, orders: [TAOBAO19] },
  { name: 'tracking number labelled 快递单号', text: '中通快递 快递单号: 78912345678901', tracking: ['78912345678901'] },
  { name: 'unlabelled tracking-like number is ignored', text: '中通快递 78912345678901 已签收' },
  // Values the layout wrapped; OCR may leave a blank line between the halves.
  { name: 'Alipay trade number wrapped with a blank line between', text: `支付宝交易号 ${ALIPAY.slice(0, 27)}\n\n${ALIPAY.slice(27)}\n\n创建时间 2026-11-15 20:31:07`, platform: 'taobao', transactions: [ALIPAY] },
  { name: 'Alipay trade number wrapped under 订单号 on a bill', text: `订单号 ${ALIPAY.slice(0, 20)}\n${ALIPAY.slice(20)}\n商家订单号 T200P${TAOBAO19}`, platform: 'alipay', orders: [`T200P${TAOBAO19}`], transactions: [ALIPAY] },
  { name: 'wrapped 商家订单号 is rejoined, not cut', text: `商家订单号 T200P${TAOBAO19.slice(0, 12)}\n${TAOBAO19.slice(12)}\n账单分类 数码电器`, platform: 'alipay', orders: [`T200P${TAOBAO19}`] },
  { name: 'wrapped 商家订单号 with a blank line between', text: `商家订单号 T200P${TAOBAO19.slice(0, 12)}\n\n${TAOBAO19.slice(12)}`, platform: 'alipay', orders: [`T200P${TAOBAO19}`] },
  { name: 'wrapped 订单号 completes a known format', text: `订单编号 ${TAOBAO19.slice(0, 13)}\n${TAOBAO19.slice(13)}\n下单时间 2026-11-15 20:31:07`, platform: 'taobao', orders: [TAOBAO19] },
  { name: 'wrapped Pinduoduo number', text: `订单编号 ${PDD.slice(0, 15)}\n${PDD.slice(15)}`, platform: 'pdd', orders: [PDD] },
  // The copy button sits right of the first half, on the same line, and the tail is one digit.
  { name: 'wrapped Pinduoduo number with 复制 after the first half', text: `订单编号 ${PDD.slice(0, -1)} 复制\n${PDD.slice(-1)}\n下单时间 2026-10-29 15:52:04`, platform: 'pdd', orders: [PDD] },
  { name: 'a 复制 button alone does not pull in the next line’s number', text: `订单编号 ${PDD} 复制\n1\n下单时间 2026-10-29 15:52:04`, platform: 'pdd', orders: [PDD] },
  { name: 'a complete order number does not swallow the next line', text: `订单号 ${TAOBAO19}\n${PDD}`, orders: [TAOBAO19, PDD] },
  { name: 'a merchant number does not swallow a phone on the next line', text: `商户单号 MO2026111520310758\n13812345678`, orders: ['MO2026111520310758'] },
  { name: 'in a chat a lone line after a merchant number is its own message', text: `商户单号 MO2026111520310758\n1234567`, kind: 'chat', orders: ['MO2026111520310758'] },
  // Stacked rows: the label on its own line, the value under it, OCR often leaving a blank line between.
  { name: 'stacked 服务单号 with a blank line is not an order', text: `订单编号\n\n${DOUYIN} 复制\n\n服务单号\n\n771615453115660810\n\n收货人手机\n\n15874695664`, platform: 'douyin', orders: [DOUYIN] },
  { name: 'stacked 会员号 with a blank line is not an order', text: `会员号\n\n506667024820262951`, platform: 'taobao' },
  { name: 'stacked 订单号 with a blank line is labelled', text: `订单号\n\n${JD} 复制`, platform: 'jd', orders: [JD] },
  { name: 'a label two lines up with text between does not reach', text: `会员号\n张三\n${TAOBAO19}`, platform: 'taobao', orders: [TAOBAO19] },
  // Pinduoduo numbers with the dash misread.
  { name: 'Pinduoduo number with a dot for the dash', text: `订单编号: ${PDD.replace('-', '.')}`, platform: 'pdd', orders: [PDD] },
  { name: 'Pinduoduo number with an underscore', text: `订单编号 ${PDD.replace('-', '_')}`, platform: 'pdd', orders: [PDD] },
  { name: 'Pinduoduo number with a spaced long dash', text: `订单编号 ${PDD.replace('-', ' — ')}`, platform: 'pdd', orders: [PDD] },
  { name: 'Pinduoduo number with a space, unlabelled', text: `${PDD.replace('-', ' ')} 复制`, platform: 'pdd', orders: [PDD] },
  { name: 'no Pinduoduo repair without a valid YYMMDD', text: '订单编号 251332.123456789012345', platform: 'pdd', orders: [] },
  // 卡盟 numbers pasted into a chat without a label.
  { name: '卡盟 number with letters alone in a chat bubble', text: '订单查不到\nKM2026111520310758231\n亲,稍等', kind: 'chat', orders: ['KM2026111520310758231'] },
  { name: '卡盟 digits alone in a chat bubble', text: '在吗\n2026111520310758\n卡密无效', kind: 'chat', orders: ['2026111520310758'] },
  { name: '卡盟-like code inside a sentence is not taken', text: '兑换码D2026111520310758AB已失效', kind: 'chat' },
  // Distractors.
  { name: 'mobile number', text: '联系电话 13812345678', platform: 'jd' },
  { name: 'mobile number unlabelled on a JD page', text: '收货人 张三 13812345678', platform: 'jd' },
  { name: 'spaced mobile number', text: '138 1234 5678', platform: 'jd' },
  { name: 'dashed mobile with country code', text: '+86 138-1234-5678', platform: 'jd' },
  { name: '400 number', text: '客服热线 400-123-4567 / 4001234567', platform: 'jd' },
  { name: 'landline', text: '门店电话 075512345678', platform: 'jd' },
  { name: 'QQ number after 客服QQ', text: '客服QQ: 2851234567 12345678901', platform: 'jd' },
  { name: 'QQ glued to the label', text: 'QQ2851234567', platform: 'jd' },
  { name: '卡密 code', text: '卡密 8H3K-2M9Q-X7WP-4TZL\n激活码:ABCD-1234-EFGH-5678', platform: 'kameng' },
  { name: 'digit-only 卡密 next to its label', text: `卡密: ${TAOBAO19}\n卡号: ${TAOBAO18}`, platform: 'kameng' },
  { name: 'amounts', text: '实付款 ¥1234567890123.00 共 149.90元 1234567890123456789元', platform: 'taobao' },
  { name: 'dates and times', text: '2026-11-15 20:31:07 2026/11/15 20261115 202611152031', platform: 'jd' },
  { name: 'bank card number', text: `请提供银行卡 ${BANK_CARD}`, platform: 'taobao' },
  { name: 'unlabelled bank card number', text: `${BANK_CARD}`, platform: 'taobao' },
  { name: 'identity card number', text: `${ID_CARD}`, platform: 'taobao' },
  { name: 'percentage and counts', text: '好评率 99.8% 已售 12345678901234567890%', platform: 'taobao' },
];

describe('extractIds', () => {
  it.each(cases)('$name', ({ text, platform, kind, orders = [], transactions = [], tracking = [] }) => {
    const ids = extractIds(cleanOcrText(text), { ...(platform ? { platform } : {}), ...(kind ? { kind } : {}) });
    expect(ids.orderNumbers.map((h) => h.value)).toEqual(orders);
    expect(ids.transactionIds.map((h) => h.value)).toEqual(transactions);
    expect(ids.trackingNumbers.map((h) => h.value)).toEqual(tracking);
  });

  const SOUP = [
    '客 服 热 线 4008-123-456 手 机 138-1234-5678 QQ 群 : 123456789',
    '卡 密 : ABCD-EFGH-1234-5678 CDK : 8H3K2M9QX7WP4TZL',
    '银 行 卡 6222 0212 3456 7890 128 身 份 证 440305199003071236',
    '会 员 号 123456789012345678 金 额 1234.56 元 有 效 期 2026-12-31 23:59:59',
    '联 系 电 话 : 02112345678 投 诉 : 12315 邮 编 200000',
    `退 款 单 号 : ${WECHAT_REFUND} 发 票 号 码 : 044001900111`,
  ].join('\n');

  it.each<ExtractPlatform>(['jd', 'taobao', 'kameng', 'unknown'])('reports no id from a page of distractors (%s)', (platform) => {
    const ids = extractIds(cleanOcrText(SOUP), { platform });
    expect([...ids.orderNumbers, ...ids.transactionIds, ...ids.trackingNumbers]).toEqual([]);
  });

  it('labels raise confidence and are reported', () => {
    const labelled = extractIds(`订单编号: ${TAOBAO19}`, { platform: 'taobao' }).orderNumbers[0];
    const bare = extractIds(`${TAOBAO19}`, { platform: 'taobao' }).orderNumbers[0];
    expect(labelled).toMatchObject({ label: '订单编号', scheme: 'taobao' });
    expect(bare?.label).toBeUndefined();
    expect(labelled?.confidence ?? 0).toBeGreaterThan(bare?.confidence ?? 1);
    expect(extractIds(`京东\n${JD}`, { platform: 'jd' }).orderNumbers[0]?.confidence).toBeLessThan(0.5);
  });

  it('classifies schemes', () => {
    const ids = extractIds(`订单号 ${PDD}\n交易单号 ${WECHAT}\n支付宝交易号 ${ALIPAY}\n商户单号 M2026A1`);
    expect(ids.orderNumbers.map((h) => h.scheme)).toEqual(['pdd', 'merchant']);
    expect(ids.transactionIds.map((h) => h.scheme)).toEqual(['wechatpay', 'alipay']);
  });

  it('reports a repeated number once, with its labelled copy', () => {
    const ids = extractIds(`${TAOBAO19}\n订单编号: ${TAOBAO19}`, { platform: 'taobao' });
    expect(ids.orderNumbers).toHaveLength(1);
    expect(ids.orderNumbers[0]).toMatchObject({ label: '订单编号', line: 2 });
  });

  it('repairs OCR confusions through cleanOcrText first', () => {
    const ids = extractIds(cleanOcrText('订 单 编 号 ： 37896541234567890l2'), { platform: 'taobao' });
    expect(ids.orderNumbers.map((h) => h.value)).toEqual([TAOBAO19]);
  });
});

describe('id formats', () => {
  it.each([
    [isAlipayTradeNo, ALIPAY, true],
    [isAlipayTradeNo, '2026133022001456781234567890', false],
    [isWechatTransactionId, WECHAT, true],
    [isWechatTransactionId, '4200002345202613451234567890', false],
    [isWechatTransactionId, ALIPAY, false],
    [isPddOrder, PDD, true],
    [isPddOrder, '251332-123456789012345', false],
    [isPhoneNumber, '13812345678', true],
    [isPhoneNumber, '400-123-4567', true],
    [isPhoneNumber, TAOBAO19, false],
    [isCardCode, '8H3K-2M9Q-X7WP-4TZL', true],
    [isCardCode, PDD, false],
    [isIdCardNumber, ID_CARD, true],
    [isIdCardNumber, TAOBAO18, false],
  ])('%o(%s) → %s', (fn, value, expected) => {
    expect(fn(value)).toBe(expected);
  });
});

describe('ids read by PP-OCR', () => {
  it('splits an id glued to the Latin word after it (a table cell run into the product name)', () => {
    const text = '订单号 商品名称 金额 下单时间 状态\n202611190737435778Office365 家庭版 1年 99.00 2026-11-19 07:37:43 已发货';
    expect(extractIds(cleanOcrText(text)).orderNumbers.map((h) => h.value)).toEqual(['202611190737435778']);
  });

  it('keeps letters that belong to the id (upper case) and full-width label punctuation', () => {
    expect(extractIds(cleanOcrText('订单号：KM202611081117198643，已发货')).orderNumbers.map((h) => h.value)).toEqual(['KM202611081117198643']);
    expect(extractIds(cleanOcrText('订单号 T200P20261119073743577 复制')).orderNumbers.map((h) => h.value)).toEqual(['T200P20261119073743577']);
  });
});

// Issue 11: bills and invoices photographed or captured for real carry long numbers that are not
// the order's: a product code in 商品说明, the invoice's own codes.
describe('ids on bills and invoices', () => {
  const ids = (text: string, platform: ExtractPlatform = 'unknown'): { orders: string[]; transactions: string[] } => {
    const found = extractIds(cleanOcrText(text), { platform });
    return { orders: found.orderNumbers.map((h) => h.value), transactions: found.transactionIds.map((h) => h.value) };
  };

  it.each<[string, string, ExtractPlatform, string[], string[]]>([
    [
      'Alipay bill: a long number in 商品说明 is the goods, the order number has its label',
      ['账单详情', '-50.00', '交易成功', '商品说明 京东E卡 面值50元 卡号段6912345678901234567', '订单号 2026111822001456781234567890', '商家订单号 T200P3789654123456789012'].join('\n'),
      'alipay',
      ['T200P3789654123456789012'],
      ['2026111822001456781234567890'],
    ],
    ['商品说明 with only a bare long number', '商品说明 6912345678901234567 100元话费', 'alipay', [], []],
    ['商品说明 above its value', '商品说明\n6912345678901234567\n支付时间 2026-11-18 20:00:01', 'alipay', [], []],
    ['商品名称 cell holding an SKU code', '商品名称：苹果数据线 SKU 100234567890123456', 'unknown', [], []],
    ['an order number the description names with its label is still taken', `商品说明 淘宝订单号${TAOBAO19}`, 'alipay', [TAOBAO19], []],
    [
      'paper invoice: 发票代码, 发票号码, 校验码 and the seller tax number are not order numbers',
      ['电子发票（普通发票）', '发票代码：144032000111', '发票号码：26442000000123456789', '校验码：12345 67890 12345 67890', '纳税人识别号：914403001922038216', '机器编号：661234567890'].join('\n'),
      'unknown',
      [],
      [],
    ],
  ])('%s', (_name, text, platform, orders, transactions) => {
    expect(ids(text, platform)).toEqual({ orders, transactions });
  });
});

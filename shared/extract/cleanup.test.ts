import { describe, expect, it } from 'vitest';
import { cleanOcrText, matchKey } from './cleanup';

describe('cleanOcrText', () => {
  it.each([
    ['spaces between CJK characters', '交 易 成 功', '交易成功'],
    ['spaces before CJK punctuation', '亲 ， 请 提 供 一 下 订 单 号 。', '亲，请提供一下订单号。'],
    ['Latin words keep their spaces', 'iPhone 15 Pro Max 256GB', 'iPhone 15 Pro Max 256GB'],
    ['space between CJK and a number is kept', '共 1 件 商 品', '共 1 件商品'],
    ['fullwidth colon and spaces around it', '订 单 编 号 ： 3789654123456789012', '订单编号: 3789654123456789012'],
    ['fullwidth digits', '实付款 ￥１４９．９０', '实付款 ￥149.90'],
    ['fullwidth letters', 'ＶＩＰ会员', 'VIP会员'],
    ['semicolon read for a time colon', '2026-10-24 22:49;55', '2026-10-24 22:49:55'],
    ['semicolon in a chat stamp', '星期一 15;31', '星期一 15:31'],
    ['a semicolon between longer numbers stays', '订单 123;456', '订单 123;456'],
    ['# read for ¥', '实 付 款 # 149.90', '实付款 ¥149.90'],
    ['羊 read for ¥', '实付款 羊149.90', '实付款¥149.90'],
    ['Y read for ¥', '合计:Y149.90', '合计:¥149.90'],
    ['x read for ¥ before a price with cents', '实付款 x91.10', '实付款 ¥91.10'],
    ['x read for ¥ on an unlabelled price', '商品总价 x228.50', '商品总价 ¥228.50'],
    ['a quantity x1 stays', '默认规格 x1', '默认规格 x1'],
    ['x in a Latin word stays', 'Max12.50', 'Max12.50'],
    ['宝 read for 实 in 实付款', '宝付款 ¥91.10', '实付款 ¥91.10'],
    ['支付宝付款 stays', '支付宝付款 ¥91.10', '支付宝付款 ¥91.10'],
    ['Pinduoduo dash read as a dot', '订单编号 251128.123456789012345', '订单编号 251128-123456789012345'],
    ['Pinduoduo dash read as an underscore', '251128_123456789012345', '251128-123456789012345'],
    ['Pinduoduo dash read as a spaced dash', '251128 — 123456789012345', '251128-123456789012345'],
    ['Pinduoduo dash lost to a space', '251128 123456789012345', '251128-123456789012345'],
    ['no Pinduoduo repair without a valid date', '251340.123456789012345', '251340.123456789012345'],
    ['no Pinduoduo repair with 14 digits after', '251128.12345678901234', '251128.12345678901234'],
    ['labelled integer amount with a misread sign', '实付款 #150', '实付款 ¥150'],
    ['# not before an amount is left alone', '#3 号 楼 取 件', '#3 号楼取件'],
    ['Y inside a word is left alone', 'PAY149.90', 'PAY149.90'],
    ['space after ¥ dropped', '¥ 59.00', '¥59.00'],
    ['O inside a digit run', '订单号 37896541234567890O2', '订单号 3789654123456789002'],
    ['o and l inside digit runs', '2o25-1l-28 2O:43', '2025-11-28 20:43'],
    ['| between digits', '4200001|23420261115', '420000112342026111' + '5'],
    ['| as a UI separator is kept', '已售 1000+ | 包邮', '已售 1000+ | 包邮'],
    ['O in a Latin word is kept', 'iOS 17 OPPO Reno', 'iOS 17 OPPO Reno'],
    ['letters without digits are kept', 'lOl', 'lOl'],
    ['dropped space in a date-time', '创建时间:2025-11-2820:43:28', '创建时间:2025-11-28 20:43:28'],
    ['dropped space with a single-digit day', '2025-11-820:43', '2025-11-8 20:43'],
    ['dropped space with slashes', '2025/11/2809:05', '2025/11/28 09:05'],
    ['spaces inside a time', '20 : 43 : 28', '20:43:28'],
    ['一 read for a hyphen between digits', '2025一11一28', '2025-11-28'],
    ['CRLF and trailing spaces', '第一行  \r\n  第二行\t', '第一行\n第二行'],
    ['ideographic space', '退款\u3000成功', '退款成功'],
  ])('%s', (_name, raw, expected) => {
    expect(cleanOcrText(raw)).toBe(expected);
  });

  it('is idempotent on a noisy page', () => {
    const raw = [
      '10:41 5G 86%',
      '< 订 单 详 情',
      '实 付 款 # 149.9O',
      '订 单 编 号 ： 2511 28-1234567890l2345',
      '创 建 时 间 ： 2025-11-2820:43:28',
    ].join('\n');
    const once = cleanOcrText(raw);
    expect(cleanOcrText(once)).toBe(once);
    expect(once).toContain('实付款 ¥149.90');
    expect(once).toContain('创建时间: 2025-11-28 20:43:28');
    expect(once).toContain('123456789012345');
  });
});

describe('matchKey', () => {
  it('keys raw OCR words and cleaned text alike', () => {
    expect(matchKey('# 149.9O')).toBe(matchKey('¥149.90'));
    expect(matchKey('订单编号：')).toBe(matchKey('订单编号:'));
  });
});

describe('cleanOcrText on PP-OCR output', () => {
  it('reads a dash after 星期 as 一 (PP-OCR draws 星期一 as 星期—)', () => {
    expect(cleanOcrText('星期—15:31')).toBe('星期一15:31');
    expect(cleanOcrText('星期— 15:31\n星期—')).toBe('星期一 15:31\n星期一');
    expect(cleanOcrText('星期三—15:31')).toBe('星期三—15:31');
  });
});

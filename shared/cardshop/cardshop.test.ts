import { describe, expect, it } from 'vitest';
import { cardShopFromExtraction, cardShopFromText, mergeFound } from './fromOcr';
import { EMPTY_CARD_SHOP, cardShopRecordOf, missingCardShopFields, normalizeDomain } from './record';

describe('normalizeDomain', () => {
  it.each([
    ['https://Shop.Example.com/order?id=1', 'shop.example.com'],
    ['ka.example.top', 'ka.example.top'],
    ['http://user@faka.cn:8080/x', 'faka.cn'],
    ['星辰发卡', ''],
    ['', ''],
  ])('%s → %s', (text, domain) => {
    expect(normalizeDomain(text)).toBe(domain);
  });
});

describe('missingCardShopFields', () => {
  it('lists every field of an empty record, in display order', () => {
    expect(missingCardShopFields(EMPTY_CARD_SHOP, '')).toEqual(['domain', 'orderNumber', 'contact', 'queryPassword', 'cardCode', 'paymentTxn', 'ticketUrl']);
  });
  it('counts a sealed secret as present and the case order number as the order number', () => {
    const r = { ...EMPTY_CARD_SHOP, domain: 'ka.example.com', queryPasswordSealed: 'fk1:x', cardCodeSealed: 'fk1:y', contact: 'a@b.cn' };
    expect(missingCardShopFields(r, 'T20261115203140123')).toEqual(['paymentTxn', 'ticketUrl']);
  });
  it('reads old rows field by field and never shows secrets by default', () => {
    expect(cardShopRecordOf({ domain: 'x.cn' })).toEqual({ ...EMPTY_CARD_SHOP, domain: 'x.cn' });
    expect(cardShopRecordOf(null).showSecrets).toBe(false);
  });
});

describe('cardShopFromText (order-lookup and delivery pages)', () => {
  it.each([
    ['查询密码：abc123', { queryPassword: 'abc123' }],
    ['订单密码 Qw3rty!', { queryPassword: 'Qw3rty!' }],
    ['卡密：ABCD-EFGH-JKLM-NPQR', { cardCode: 'ABCD-EFGH-JKLM-NPQR' }],
    ['您的卡密如下 激活码:X9Y8Z7W6V5U4', { cardCode: 'X9Y8Z7W6V5U4' }],
    ['发货内容 Q1W2-E3R4-T5Y6-U7I8', { cardCode: 'Q1W2-E3R4-T5Y6-U7I8' }],
    ['联系邮箱 buyer.li@example.com', { contact: 'buyer.li@example.com' }],
    ['手机号：13800138000', { contact: '13800138000' }],
    ['支付单号：2026111522001412345678901234', { paymentTxn: '2026111522001412345678901234' }],
    ['https://ka.example.com/orderquery', { domain: 'ka.example.com' }],
    ['投诉入口 https://ka.example.com/complaint?id=9', { domain: 'ka.example.com', ticketUrl: 'https://ka.example.com/complaint?id=9' }],
    ['卡 密 ： ZZZZ-1111-2222-3333', { cardCode: 'ZZZZ-1111-2222-3333' }],
    ['客服QQ 12345678 订单已完成', {}],
  ])('%s', (text, found) => {
    expect(cardShopFromText(text)).toEqual(found);
  });

  it('takes an e-mail over a phone and never an e-mail domain for the shop', () => {
    expect(cardShopFromText('邮箱 li@qq.com 手机 13800138000')).toEqual({ contact: 'li@qq.com' });
  });

  it('adds the ids OCR already found, preferring a 卡盟 order number', () => {
    const x = {
      text: '查询密码 pw1234',
      orderNumbers: [
        { value: '3456789012345678901', scheme: 'taobao' as const, confidence: 1, box: null },
        { value: 'T20261115203140123', scheme: 'kameng' as const, confidence: 1, box: null },
      ],
      transactionIds: [{ value: '4200001234202611151234567890', scheme: 'wechatpay' as const, confidence: 1, box: null }],
    };
    expect(cardShopFromExtraction(x)).toEqual({ queryPassword: 'pw1234', orderNumber: 'T20261115203140123', paymentTxn: '4200001234202611151234567890' });
  });

  it('merges several screenshots, the first to show a field winning', () => {
    expect(mergeFound([{ domain: 'a.cn' }, { domain: 'b.cn', cardCode: 'C' }])).toEqual({ domain: 'a.cn', cardCode: 'C' });
  });
});

// Card-shop fields found in the text of a screenshot (the order-lookup page, the delivery page).
// Only labelled values are taken, except for e-mail addresses and URLs, whose shape says what they
// are: a code-like string with no 卡密 label next to it could be anything.
import { isCardCode } from '../extract/id-formats';
import type { Extraction } from '../extract/types';
import { CARD_SHOP_FIELDS, normalizeDomain } from './record';

export interface CardShopFound {
  domain?: string;
  orderNumber?: string;
  contact?: string;
  queryPassword?: string;
  cardCode?: string;
  paymentTxn?: string;
  ticketUrl?: string;
}

const SEP = '\\s*[:：]?\\s*';
const labelled = (labels: string, value: string) => new RegExp(`(?:${labels})${SEP}(${value})`, 'i');

const QUERY_PASSWORD = labelled('查询密码|订单密码|取卡密码|查单密码|提取密码', '[!-~]{3,32}');
const CARD_CODE = labelled('卡密|卡号|激活码|兑换码|CDK(?:EY)?', '[0-9A-Za-z][0-9A-Za-z-]{5,63}');
const CONTACT_PHONE = labelled('手机号码?|联系方式|手机', '(?:\\+?86)?1[3-9]\\d{9}');
const PAYMENT = labelled('支付(?:交易)?单号|交易(?:单)?号|商户单号|流水号|trade_no', '[0-9A-Za-z]{10,40}');
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/;
const URL = /(?:https?:\/\/)?(?:[a-z0-9-]+\.)+(?:com|cn|net|top|shop|xyz|vip|cc|me|io|org|store|club|site|online|ltd)(?::\d+)?(?:\/[^\s，。、]*)?/gi;
const TICKET = /complain|tousu|ticket|gongdan|workorder|feedback|售后|投诉/i;

/** The card-shop fields this page of text shows; absent keys were not seen. */
export function cardShopFromText(text: string): CardShopFound {
  const out: CardShopFound = {};
  const flat = text.replace(/[\u4e00-\u9fa5]\s+(?=[\u4e00-\u9fa5])/g, (m) => m.trim());
  const pw = QUERY_PASSWORD.exec(flat)?.[1];
  if (pw) out.queryPassword = pw;
  const code = CARD_CODE.exec(flat)?.[1] ?? flat.split(/\s+/).find(isCardCode);
  if (code) out.cardCode = code;
  const email = EMAIL.exec(flat)?.[0];
  const phone = CONTACT_PHONE.exec(flat)?.[1];
  if (email) out.contact = email;
  else if (phone) out.contact = phone;
  const pay = PAYMENT.exec(flat)?.[1];
  if (pay) out.paymentTxn = pay;
  for (const m of flat.matchAll(URL)) {
    const url = m[0];
    // An e-mail's domain part is not the shop.
    if (email?.includes(url)) continue;
    if (TICKET.test(url) && out.ticketUrl === undefined) out.ticketUrl = /^https?:\/\//i.test(url) ? url : `https://${url}`;
    if (out.domain === undefined) out.domain = normalizeDomain(url);
  }
  return out;
}

/** From one screenshot's extraction: the text fields plus the order and payment ids OCR already found. */
export function cardShopFromExtraction(x: Pick<Extraction, 'text' | 'orderNumbers' | 'transactionIds'>): CardShopFound {
  const out = cardShopFromText(x.text);
  const order = x.orderNumbers.find((f) => f.scheme === 'kameng') ?? x.orderNumbers[0];
  if (order) out.orderNumber = order.value;
  const txn = x.transactionIds[0];
  if (txn && out.paymentTxn === undefined) out.paymentTxn = txn.value;
  return out;
}

/** Merges what several screenshots show: the first one to show a field wins (exhibit order). */
export function mergeFound(list: readonly CardShopFound[]): CardShopFound {
  const out: CardShopFound = {};
  for (const found of list) {
    for (const k of CARD_SHOP_FIELDS) {
      const v = found[k];
      if (v !== undefined && out[k] === undefined) out[k] = v;
    }
  }
  return out;
}

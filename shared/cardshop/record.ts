// The card-shop (卡盟/发卡网) order record. Shops vanish, and the lookup password (查询密码) and the
// delivered card text (卡密) are what a buyer needs to prove what was sold. Those two are secrets: the
// renderer stores them only as main sealed them (see electron/main/secrets/) and prints them only when
// the buyer chooses to show them.
import type { Platform } from '../domain/case';

export const CARD_SHOP_FIELDS = ['domain', 'orderNumber', 'contact', 'queryPassword', 'cardCode', 'paymentTxn', 'ticketUrl'] as const;
export type CardShopField = (typeof CARD_SHOP_FIELDS)[number];
export const SECRET_FIELDS = ['queryPassword', 'cardCode'] as const;
export type SecretField = (typeof SECRET_FIELDS)[number];

export const CARD_SHOP_LABELS: Record<CardShopField, string> = {
  domain: '店铺域名',
  orderNumber: '订单号',
  contact: '下单邮箱/手机号',
  queryPassword: '查询密码',
  cardCode: '卡密',
  paymentTxn: '支付交易号',
  ticketUrl: '投诉/工单页面',
};

/** As the renderer stores it: the secrets sealed by main ('' when not recorded). The order number is the case's own. */
export interface CardShopRecord {
  domain: string;
  contact: string;
  queryPasswordSealed: string;
  cardCodeSealed: string;
  paymentTxn: string;
  ticketUrl: string;
  /** The buyer's choice to print the secrets in the bundle; off by default. */
  showSecrets: boolean;
}

export const EMPTY_CARD_SHOP: CardShopRecord = { domain: '', contact: '', queryPasswordSealed: '', cardCodeSealed: '', paymentTxn: '', ticketUrl: '', showSecrets: false };

/** As the bundle prints it: every value display text, secrets already masked or opened. */
export type CardShopPrint = Record<CardShopField, string>;

/** What the letter and the case page show instead of a hidden secret. */
export const SECRET_MASK = '●●●●●●（已隐藏）';

export const isCardShopCase = (platform: Platform): boolean => platform === 'kameng';

/** "https://Shop.Example.com/order?id=1" → "shop.example.com"; '' when there is no host name in it. */
export function normalizeDomain(text: string): string {
  const t = text.trim().toLowerCase();
  const m = /^(?:[a-z][a-z0-9+.-]*:\/\/)?(?:[^@/\s]*@)?([a-z0-9\u4e00-\u9fa5-]+(?:\.[a-z0-9\u4e00-\u9fa5-]+)+)(?::\d+)?(?:[/?#].*)?$/.exec(t);
  return m?.[1] ?? '';
}

/** The fields of the record still empty, in display order: the case page lists them. */
export function missingCardShopFields(record: CardShopRecord, orderNumber: string): CardShopField[] {
  const has: Record<CardShopField, boolean> = {
    domain: record.domain.trim() !== '',
    orderNumber: orderNumber.trim() !== '',
    contact: record.contact.trim() !== '',
    queryPassword: record.queryPasswordSealed !== '',
    cardCode: record.cardCodeSealed !== '',
    paymentTxn: record.paymentTxn.trim() !== '',
    ticketUrl: record.ticketUrl.trim() !== '',
  };
  return CARD_SHOP_FIELDS.filter((f) => !has[f]);
}

/** Older rows (and hand-written case.json) may lack fields: each one defaults on its own. */
export function cardShopRecordOf(raw: Partial<CardShopRecord> | undefined | null): CardShopRecord {
  return { ...EMPTY_CARD_SHOP, ...(raw ?? {}), showSecrets: raw?.showSecrets === true };
}

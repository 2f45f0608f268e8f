// Format predicates for identifiers and for the look-alike numbers that must never be reported.
// Formats are from the domain notes; all ids stay strings (they overflow doubles, keep leading zeros).

import { hasDatePrefix, hasDateTimePrefix, isValidDate } from './dates';

export const isDigits = (v: string): boolean => /^\d+$/.test(v);

export function isAlipayTradeNo(v: string): boolean {
  return /^\d{28}$/.test(v) && hasDatePrefix(v);
}

/** 4200 + 6 digits + yyyymmdd (positions 11–18, 1-based) + 10 digits. */
export function isWechatTransactionId(v: string): boolean {
  return /^4200\d{24}$/.test(v) && hasDatePrefix(v, 10);
}

/** WeChat Pay refund numbers (退款单号) start with 50 or 52. */
export function isRefundNumber(v: string): boolean {
  return /^5[02]\d{26,30}$/.test(v) && !isAlipayTradeNo(v);
}

export function isPddOrder(v: string): boolean {
  const m = /^(\d{2})(\d{2})(\d{2})-\d{15}$/.exec(v);
  return m !== null && isValidDate(2000 + Number(m[1]), Number(m[2]), Number(m[3]));
}

/** 卡盟 orders: optional letter prefix, yyyymmddHHmmss, then a short digit or letter tail. */
export function isKamengOrder(v: string): boolean {
  const m = /^[A-Za-z]{0,4}(\d{14})([0-9A-Za-z]{2,10})$/.exec(v);
  return m !== null && hasDateTimePrefix(m[1] ?? '', 14) && !/^\d{28}$/.test(v);
}

export function isPhoneNumber(v: string): boolean {
  const d = v.replace(/[\s-]/g, '');
  return (
    /^(?:\+?86)?1[3-9]\d{9}$/.test(d) || // mobile
    /^[48]00\d{7}$/.test(d) || // 400/800 service lines
    /^0\d{9,11}$/.test(d) || // landline with area code
    /^95\d{3,6}$/.test(d) // 95xxx bank and courier hotlines
  );
}

/** 卡密 / 激活码 codes such as XXXX-XXXX-XXXX-XXXX. */
export function isCardCode(v: string): boolean {
  return /^[0-9A-Za-z]{4,6}(?:-[0-9A-Za-z]{4,6}){2,}$/.test(v);
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      n *= 2;
      if (n > 9) n -= 9;
    }
    sum += n;
  }
  return sum % 10 === 0;
}

/** UnionPay and 6013 card numbers; a Taobao order starting 60/62 passes Luhn only one time in ten. */
export function isBankCardNumber(v: string): boolean {
  return /^6[02]\d{14,17}$/.test(v) && luhnValid(v);
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** 18-digit resident identity card number with a valid birth date and check digit. */
export function isIdCardNumber(v: string): boolean {
  if (!/^[1-8]\d{16}[\dXx]$/.test(v)) return false;
  const y = Number(v.slice(6, 10));
  if (y < 1900 || !isValidDate(y, Number(v.slice(10, 12)), Number(v.slice(12, 14)))) return false;
  const sum = ID_WEIGHTS.reduce((acc, w, i) => acc + w * Number(v[i]), 0);
  return '10X98765432'[sum % 11] === v[17]?.toUpperCase();
}

/** 12- or 14-digit numbers that read as yyyymmddHHmm[ss] are timestamps, not JD orders. */
export function looksLikeCompactDateTime(v: string): boolean {
  return (v.length === 12 && hasDateTimePrefix(v, 12)) || (v.length === 14 && hasDateTimePrefix(v, 14)) || (v.length === 8 && hasDatePrefix(v));
}

// The complainant's identity document, as Order 121's 投诉登记表 asks for it (证件类型 and 证件号码).
// Only the mainland 居民身份证 has a check digit (GB 11643-1999, ISO 7064 MOD 11-2), so only it is
// checked; every other document is taken as typed, since its format varies by issuer and year.

export const ID_TYPES = ['resident-id', 'passport', 'hk-macau-permit', 'taiwan-permit', 'foreign-permanent', 'other'] as const;
export type IdType = (typeof ID_TYPES)[number];

export const ID_TYPE_LABELS: Record<IdType, string> = {
  'resident-id': '居民身份证',
  passport: '护照',
  'hk-macau-permit': '港澳居民来往内地通行证',
  'taiwan-permit': '台湾居民来往大陆通行证',
  'foreign-permanent': '外国人永久居留身份证',
  other: '其他证件',
};

export const isIdType = (v: string): v is IdType => (ID_TYPES as readonly string[]).includes(v);

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export type ResidentIdProblem = 'length' | 'characters' | 'birth-date' | 'check-digit';

/** Drops spaces and upper-cases a trailing x, as people type it. */
export const normalizeIdNumber = (id: string): string => id.replace(/\s+/g, '').toUpperCase();

/** The 18th character the first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i] ?? 0) * (WEIGHTS[i] ?? 0);
  return CHECK[sum % 11] ?? '';
}

/** Why `id` is not a valid 18-digit 居民身份证号码, or null when it is. */
export function residentIdProblem(id: string): ResidentIdProblem | null {
  const c = normalizeIdNumber(id);
  if (c.length !== 18) return 'length';
  if (!/^\d{17}[\dX]$/.test(c)) return 'characters';
  const y = Number(c.slice(6, 10));
  const m = Number(c.slice(10, 12));
  const d = Number(c.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'birth-date';
  return residentIdCheckChar(c.slice(0, 17)) === c[17] ? null : 'check-digit';
}

export const RESIDENT_ID_MESSAGES: Record<ResidentIdProblem, string> = {
  length: '居民身份证号码应为18位',
  characters: '居民身份证号码应为17位数字加1位数字或X',
  'birth-date': '居民身份证号码中的出生日期（第7–14位）不是真实日期',
  'check-digit': '居民身份证号码的校验位（最后一位）不符，可能有输错的数字，请对照证件核对',
};

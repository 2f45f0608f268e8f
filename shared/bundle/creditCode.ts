// 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character alphabet (no I, O, S, V, Z);
// the 18th is a check character over the first 17 with weights 3^i mod 31. A respondent's code is
// what 12315 searches companies by, so a mistyped one is caught before the letter goes out.

const ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

export type CreditCodeProblem = 'length' | 'characters' | 'check-digit';

/** Upper-cases and drops the spaces people paste from licence photos. */
export const normalizeCreditCode = (code: string): string => code.replace(/[\s-]/g, '').toUpperCase();

/** The check character the first 17 characters call for. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i] ?? '') * (WEIGHTS[i] ?? 0);
  return ALPHABET[(31 - (sum % 31)) % 31] ?? '';
}

/** Why `code` is not a valid 统一社会信用代码, or null when it is. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  const c = normalizeCreditCode(code);
  if (c.length !== 18) return 'length';
  if (!SHAPE.test(c)) return 'characters';
  return creditCodeCheckChar(c.slice(0, 17)) === c[17] ? null : 'check-digit';
}

export const CREDIT_CODE_MESSAGES: Record<CreditCodeProblem, string> = {
  length: '统一社会信用代码应为18位',
  characters: '统一社会信用代码含有不会出现的字符（不含字母 I、O、S、V、Z，第3–8位为数字）',
  'check-digit': '统一社会信用代码的校验位不符，可能有输错的字符，请对照营业执照核对',
};

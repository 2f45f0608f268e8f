import { describe, expect, it } from 'vitest';
import { creditCodeCheckChar, creditCodeProblem, normalizeCreditCode } from './creditCode';

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it('accepts the example printed in the standard itself', () => {
    // GB 32100-2015 Appendix: 91350100M000100Y43 — its own worked example of the check character.
    expect(creditCodeCheckChar('91350100M000100Y4')).toBe('3');
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
  });

  it.each([
    ['91350100M000100Y43', null],
    [' 9135 0100 M000 100Y 43 ', null],
    ['91350100m000100y43', null],
    ['91350100M000100Y42', 'check-digit'],
    ['91350100M000100Y34', 'check-digit'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['', 'length'],
    ['91350100M000100I43', 'characters'],
    ['91350100M000100O43', 'characters'],
    ['9135010AM000100Y43', 'characters'],
    ['913501００M000100Y43', 'characters'],
  ])('%j → %s', (code, problem) => {
    expect(creditCodeProblem(code)).toBe(problem);
  });

  it('every 17-character body has exactly one valid check character', () => {
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (const c of alphabet) {
      const body = `91350100M000100Y${c}`;
      const valid = [...alphabet].filter((k) => creditCodeProblem(body + k) === null);
      expect(valid).toEqual([creditCodeCheckChar(body)]);
    }
  });

  it('normalises spaces, dashes and case', () => {
    expect(normalizeCreditCode('9135-0100 m000100y43')).toBe('91350100M000100Y43');
  });
});

import { describe, expect, it } from 'vitest';
import { inputOf, caseOf } from '../../tests/fixtures/bundle';
import { normalizeIdNumber, residentIdCheckChar, residentIdProblem } from './idNumber';
import { PASTE_KEYS, pasteFields } from './pasteForm';
import { requestLine } from './request';

describe('residentIdProblem (GB 11643, ISO 7064 MOD 11-2)', () => {
  it.each([
    ['11010519491231002X', null],
    ['11010519491231002x', null],
    [' 110105 19491231 002X ', null],
    ['440524198001010013', null],
    ['110105194912310021', 'check-digit'],
    ['440524198001010014', 'check-digit'],
    ['11010519491231002', 'length'],
    ['1101051949123100212', 'length'],
    ['11010519491231002Y', 'characters'],
    ['11010519490230002X', 'birth-date'],
    ['110105180001010012', 'birth-date'],
  ] as const)('%s → %s', (id, problem) => {
    expect(residentIdProblem(id)).toBe(problem);
  });

  it('computes the check character from the first 17 digits', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
    expect(residentIdCheckChar('44052419800101001')).toBe('3');
    expect(normalizeIdNumber('11010519491231002x')).toBe('11010519491231002X');
  });
});

describe('requestLine', () => {
  it.each([
    [['refund'], '149.9', '', '退还货款/服务费，金额 149.90 元'],
    [['compensation', 'refund'], '', '', '退还货款/服务费、赔偿损失'],
    [['replace'], '', '补发有效卡密', '更换；补发有效卡密'],
    [[], '', '全额退款', '全额退款'],
    [['return', 'repair', 'redo', 'make-up'], '0', '', '修理、重作、退货、补足数量，金额 0.00 元'],
  ] as const)('%j %s %s → %s', (kinds, amount, words, line) => {
    expect(requestLine(kinds, amount, words)).toBe(line);
  });
});

describe('pasteFields (the 12315 web form order)', () => {
  const input = inputOf({ target: '12315', case: caseOf({ statement: '2026年11月15日购买XX游戏点卡，卡密提示已被使用。', request: '' }) });
  input.respondent = { ...input.respondent, creditCode: '91350100M000100Y43', contact: '王经理', phone: '0571-88888888' };
  const fields = pasteFields(input);
  const value = (k: (typeof PASTE_KEYS)[number]) => fields.find((f) => f.key === k)?.value;

  it('follows the web flow: company first, then goods, time, order number, what happened, what you want', () => {
    const order = fields.map((f) => f.key);
    expect(order).toEqual([...PASTE_KEYS]);
    expect(order.indexOf('respondent.name')).toBeLessThan(order.indexOf('goods'));
    expect(order.indexOf('time')).toBeLessThan(order.indexOf('orderNumber'));
    expect(order.indexOf('orderNumber')).toBeLessThan(order.indexOf('statement'));
    expect(order.indexOf('statement')).toBeLessThan(order.indexOf('request'));
  });

  it.each([
    ['respondent.creditCode', '91350100M000100Y43'],
    ['respondent.contact', '王经理 0571-88888888'],
    ['goods', 'XX游戏点卡 100元'],
    ['time', '2026-11-15 20:31'],
    ['orderNumber', '3456789012345678901'],
    ['amount', '149.90'],
    ['place', '淘宝 星辰数码专营店'],
    ['issue', '卡密无效'],
    ['request', '退还货款/服务费'],
    ['requestAmount', '149.90'],
    ['complainant.idType', '居民身份证'],
    ['complainant.idNumber', '11010519491231002X'],
    ['consentPublish', '不同意'],
    ['consentMediation', '同意'],
  ] as const)('%s = %s', (key, expected) => {
    expect(value(key)).toBe(expected);
  });

  it('leaves an unanswered consent blank rather than guessing', () => {
    const open = pasteFields({ ...input, complainant: { ...input.complainant, consentPublish: null } });
    expect(open.find((f) => f.key === 'consentPublish')?.value).toBe('');
  });
});

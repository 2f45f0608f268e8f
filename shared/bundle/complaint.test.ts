import { describe, expect, it } from 'vitest';
import { blockingErrors, isValidPhone, validateComplaint } from './complaint';
import type { ComplaintField } from './complaint';
import { caseOf, inputOf } from '../../tests/fixtures/bundle';
import type { BundleInput } from './types';

const statement = '2026年11月15日购买点卡，卡密提示已被使用，订单号3456789012345678901，要求全额退款149.90元。';
const complete = (): BundleInput => inputOf({ target: '12315', case: caseOf({ statement }) });

describe('validateComplaint', () => {
  it('accepts a complete complaint', () => {
    expect(validateComplaint(complete())).toEqual([]);
  });

  const cases: Array<{ name: string; change: (i: BundleInput) => void; errors: Array<[ComplaintField, 'required' | 'invalid']> }> = [
    { name: 'no complainant name', change: (i) => (i.complainant.name = ' '), errors: [['complainant.name', 'required']] },
    { name: 'no phone', change: (i) => (i.complainant.phone = ''), errors: [['complainant.phone', 'required']] },
    { name: 'a phone that is not one', change: (i) => (i.complainant.phone = '12345'), errors: [['complainant.phone', 'invalid']] },
    { name: 'a vague address', change: (i) => (i.complainant.address = '上海'), errors: [['complainant.address', 'invalid']] },
    { name: 'a valid credit code', change: (i) => (i.respondent.creditCode = '91350100M000100Y43'), errors: [] },
    { name: 'a credit code with a wrong check character', change: (i) => (i.respondent.creditCode = '91350100M000100Y42'), errors: [['respondent.creditCode', 'invalid']] },
    { name: 'a credit code too short', change: (i) => (i.respondent.creditCode = '9135010'), errors: [['respondent.creditCode', 'invalid']] },
    {
      name: 'no respondent at all',
      change: (i) => {
        i.respondent.name = '';
        i.respondent.address = '';
      },
      errors: [
        ['respondent.name', 'required'],
        ['respondent.address', 'required'],
      ],
    },
    {
      name: 'no request or statement',
      change: (i) => {
        i.case.request = '';
        i.case.statement = '';
      },
      errors: [
        ['request', 'required'],
        ['statement', 'required'],
      ],
    },
    { name: 'a one-line statement', change: (i) => (i.case.statement = '卡密无效要求退款'), errors: [['statement', 'invalid']] },
  ];

  it.each(cases)('$name', ({ change, errors }) => {
    const input = complete();
    change(input);
    const found = validateComplaint(input);
    expect(found.map((e) => [e.field, e.code])).toEqual(errors);
    for (const e of found) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('explains where a respondent address can be found', () => {
    const input = complete();
    input.respondent.address = '';
    expect(validateComplaint(input)[0]?.message).toContain('平台经营者的住所地');
  });

  it('blocks only 12315 exports', () => {
    const input = complete();
    input.complainant.phone = '';
    expect(blockingErrors(input, 'platform')).toEqual([]);
    expect(blockingErrors(input, '12315')).toHaveLength(1);
  });
});

describe('isValidPhone', () => {
  it.each([
    ['13800138000', true],
    ['138 0013 8000', true],
    ['+86 138-0013-8000', true],
    ['021-12345678', true],
    ['0571-8765432', true],
    ['400-123-4567', false],
    ['1380013800', false],
    ['23800138000', false],
  ])('%s → %s', (phone, ok) => {
    expect(isValidPhone(phone)).toBe(ok);
  });
});

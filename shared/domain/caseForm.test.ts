import { describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT, normalizeAmount, toCaseInput, toCaseRecord, validateCaseInput } from './caseForm';

describe('normalizeAmount', () => {
  it.each([
    ['149.9', '149.90'],
    ['149.90', '149.90'],
    ['¥1,299', '1299.00'],
    ['￥ 88', '88.00'],
    ['30元', '30.00'],
    ['007.5', '7.50'],
    ['', ''],
    ['12.345', null],
    ['abc', null],
    ['-5', null],
  ])('%s → %s', (raw, out) => expect(normalizeAmount(raw)).toBe(out));
});

describe('validateCaseInput', () => {
  it('needs a title and a sane amount', () => {
    expect(validateCaseInput({ ...EMPTY_CASE_INPUT, title: '  ', amount: 'x' })).toEqual({ title: 'required', amount: 'badAmount' });
    expect(validateCaseInput({ ...EMPTY_CASE_INPUT, title: '点卡', amount: '' })).toEqual({});
  });
});

describe('toCaseRecord', () => {
  it('cleans fields and round-trips through toCaseInput', () => {
    const rec = toCaseRecord(
      { ...EMPTY_CASE_INPUT, title: ' 点卡无效 ', orderNumber: '3456 7890 1234 5678 90', amount: '149.9', goodsType: 'virtual', virtualState: null },
      { id: 'c1', now: '2026-11-22T10:00:00' },
    );
    expect(rec).toMatchObject({ title: '点卡无效', orderNumber: '34567890123456789' + '0', amount: '149.90', virtualState: 'unactivated', createdAt: '2026-11-22T10:00:00' });
    expect(toCaseRecord(toCaseInput(rec), { id: 'c1', now: 'later', createdAt: rec.createdAt })).toEqual({ ...rec, updatedAt: 'later' });
  });

  it('drops the virtual state for physical goods', () => {
    expect(toCaseRecord({ ...EMPTY_CASE_INPUT, title: 't', virtualState: 'used' }, { id: 'c', now: 'n' }).virtualState).toBeNull();
  });
});

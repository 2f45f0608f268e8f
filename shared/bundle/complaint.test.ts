import { describe, expect, it } from 'vitest';
import { blockingErrors, isValidPhone, limitationEnds, refusalSummary, validateComplaint } from './complaint';
import type { ComplaintField, FieldError } from './complaint';
import { caseOf, inputOf } from '../../tests/fixtures/bundle';
import type { BundleInput } from './types';

const statement = '2026年11月15日购买点卡，卡密提示已被使用，订单号3456789012345678901，要求全额退款149.90元。';
const complete = (): BundleInput => inputOf({ target: '12315', case: caseOf({ statement }) });
const TODAY = '2026-11-22T10:00:00';

describe('validateComplaint', () => {
  it('accepts a complete complaint', () => {
    expect(validateComplaint(complete(), TODAY)).toEqual([]);
  });

  const cases: Array<{ name: string; change: (i: BundleInput) => void; errors: Array<[ComplaintField, FieldError['code']]> }> = [
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
        i.complaint.requestKinds = [];
        i.case.statement = '';
      },
      errors: [
        ['request', 'required'],
        ['statement', 'required'],
      ],
    },
    { name: 'a one-line statement', change: (i) => (i.case.statement = '卡密无效要求退款'), errors: [['statement', 'invalid']] },
    // Order 121's registration form: the complainant's ID and the two consents, never preset.
    { name: 'no ID type', change: (i) => (i.complainant.idType = ''), errors: [['complainant.idType', 'required']] },
    { name: 'no ID number', change: (i) => (i.complainant.idNumber = ''), errors: [['complainant.idNumber', 'required']] },
    { name: 'a 身份证 with a wrong check digit', change: (i) => (i.complainant.idNumber = '110105194912310021'), errors: [['complainant.idNumber', 'invalid']] },
    { name: 'a 身份证 with a lower-case x and spaces', change: (i) => (i.complainant.idNumber = '110105 19491231 002x'), errors: [] },
    { name: 'a 身份证 born on 30 February', change: (i) => (i.complainant.idNumber = '110105194902300021'), errors: [['complainant.idNumber', 'invalid']] },
    {
      name: 'a passport number is free text',
      change: (i) => {
        i.complainant.idType = 'passport';
        i.complainant.idNumber = 'E12345678';
      },
      errors: [],
    },
    { name: 'publication consent unanswered', change: (i) => (i.complainant.consentPublish = null), errors: [['complainant.consentPublish', 'required']] },
    { name: 'mediation consent unanswered', change: (i) => (i.complainant.consentMediation = null), errors: [['complainant.consentMediation', 'required']] },
    { name: 'both consents refused is still an answer', change: (i) => Object.assign(i.complainant, { consentPublish: false, consentMediation: false }), errors: [] },
    { name: 'a respondent phone that is a 400 line', change: (i) => (i.respondent.phone = '400-123-4567'), errors: [] },
    { name: 'a respondent phone that is not one', change: (i) => (i.respondent.phone = '12345'), errors: [['respondent.phone', 'invalid']] },
    // Facts: time, place, goods, amount.
    { name: 'no purchase time', change: (i) => (i.case.purchasedAt = ''), errors: [['facts.time', 'required']] },
    { name: 'no place', change: (i) => (i.complaint.place = ''), errors: [['facts.place', 'required']] },
    { name: 'no goods', change: (i) => (i.case.item = ''), errors: [['facts.goods', 'required']] },
    { name: 'no amount', change: (i) => (i.case.amount = ''), errors: [['facts.amount', 'required']] },
    { name: 'a request amount that is not one', change: (i) => (i.complaint.requestAmount = '一百'), errors: [['request.amount', 'invalid']] },
    { name: 'no request amount is allowed', change: (i) => (i.complaint.requestAmount = ''), errors: [] },
    // Art. 16.
    { name: 'harm known exactly 3 years before (last day)', change: (i) => (i.complaint.knewOfHarmAt = '2023-11-22'), errors: [] },
    { name: 'harm known 3 years and a day before', change: (i) => (i.complaint.knewOfHarmAt = '2023-11-21'), errors: [['knewOfHarmAt', 'refused']] },
    { name: 'no date of knowing the harm', change: (i) => (i.complaint.knewOfHarmAt = ''), errors: [['knewOfHarmAt', 'required']] },
    { name: 'a date of knowing the harm in the future', change: (i) => (i.complaint.knewOfHarmAt = '2026-12-01'), errors: [['knewOfHarmAt', 'invalid']] },
    { name: 'not a date', change: (i) => (i.complaint.knewOfHarmAt = '2026-02-30'), errors: [['knewOfHarmAt', 'invalid']] },
    { name: 'other proceedings unanswered', change: (i) => (i.complaint.otherProceeding = ''), errors: [['otherProceeding', 'required']] },
    { name: 'already before a court', change: (i) => (i.complaint.otherProceeding = 'court'), errors: [['otherProceeding', 'refused']] },
    { name: 'already before an arbitration body', change: (i) => (i.complaint.otherProceeding = 'arbitration'), errors: [['otherProceeding', 'refused']] },
    { name: 'already before 消协', change: (i) => (i.complaint.otherProceeding = 'consumer-association'), errors: [['otherProceeding', 'refused']] },
  ];

  it.each(cases)('$name', ({ change, errors }) => {
    const input = complete();
    change(input);
    const found = validateComplaint(input, TODAY);
    expect(found.map((e) => [e.field, e.code])).toEqual(errors);
    for (const e of found) expect(e.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('explains where a respondent address can be found', () => {
    const input = complete();
    input.respondent.address = '';
    expect(validateComplaint(input, TODAY)[0]?.message).toContain('平台经营者的住所地');
  });

  it('blocks only 12315 exports', () => {
    const input = complete();
    input.complainant.phone = '';
    expect(blockingErrors(input, 'platform', TODAY)).toEqual([]);
    expect(blockingErrors(input, '12315', TODAY)).toHaveLength(1);
  });
});

describe('Art. 16 refusal grounds', () => {
  it('names the last day and says plainly that 12315 will not accept it', () => {
    const input = complete();
    input.complaint.knewOfHarmAt = '2022-06-01';
    const [e] = validateComplaint(input, TODAY);
    expect(e?.ground).toBe('limitation');
    expect(e?.message).toContain('已超过三年投诉时效');
    expect(e?.message).toContain('2025-06-01');
    expect(e?.message).toContain('不予受理');
  });

  it('29 February counts to 28 February three years on (民法典 §202)', () => {
    expect(limitationEnds('2024-02-29')).toBe('2027-02-28');
    expect(limitationEnds('2026-11-15')).toBe('2029-11-15');
    expect(limitationEnds('15/11/2026')).toBeNull();
  });

  it('sums up each ground once', () => {
    const input = complete();
    Object.assign(input.complaint, { knewOfHarmAt: '2020-01-01', otherProceeding: 'court' });
    input.complainant.consentPublish = null;
    input.complainant.idNumber = '';
    expect(refusalSummary(validateComplaint(input, TODAY))).toEqual([
      '已超过三年投诉时效（第十六条）',
      '同一纠纷已由法院、仲裁机构或消协处理（第十六条）',
      '必填材料缺少或有误 2 项（第十六条）',
    ]);
  });

  it('says a consent is the buyer\'s own choice', () => {
    const input = complete();
    input.complainant.consentMediation = null;
    expect(validateComplaint(input, TODAY)[0]?.message).toContain('本应用不代选');
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

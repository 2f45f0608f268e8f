import { describe, expect, it } from 'vitest';
import type { CaseRecord } from './case';
import { firstDeadline, sevenDayVerdict } from './outlook';

type Facts = Pick<CaseRecord, 'platform' | 'goodsType' | 'virtualState' | 'purchasedAt' | 'signedAt'>;
const physical: Facts = { platform: 'taobao', goodsType: 'physical', virtualState: null, purchasedAt: '', signedAt: '' };

describe('sevenDayVerdict', () => {
  it.each<[string, Pick<CaseRecord, 'goodsType' | 'virtualState'>, boolean, string | null]>([
    ['physical goods', { goodsType: 'physical', virtualState: null }, true, null],
    ['unactivated virtual goods', { goodsType: 'virtual', virtualState: 'unactivated' }, true, null],
    ['activated, unused', { goodsType: 'virtual', virtualState: 'activated-unused' }, false, 'deadlines.sevenDayReturn.virtualActivated'],
    ['used', { goodsType: 'virtual', virtualState: 'used' }, false, 'deadlines.sevenDayReturn.virtualUsed'],
  ])('%s', (_name, facts, applies, key) => {
    const v = sevenDayVerdict(facts);
    expect(v.applies).toBe(applies);
    if (!v.applies) {
      expect(v.warning.key).toBe(key);
      // The exclusion is quoted from the law, not paraphrased.
      expect(v.warning.citation).toContain('第二十五条');
    }
  });
});

describe('firstDeadline', () => {
  const now = '2026-11-18T09:00:00';
  it.each<[string, Facts, string | null, string | null]>([
    ['no dates: nothing to count from', physical, null, null],
    ['physical, signed: 七日无理由 from the day after 签收', { ...physical, signedAt: '2026-11-17T12:00' }, 'seven-day-return', '2026-11-24T23:59:59'],
    ['used virtual goods: no 七日无理由 even when signed', { ...physical, goodsType: 'virtual', virtualState: 'used', signedAt: '2026-11-17T12:00' }, null, null],
    ['card shop, ordered today: 当天投诉', { ...physical, platform: 'kameng', goodsType: 'virtual', virtualState: 'used', purchasedAt: '2026-11-18T08:00' }, 'card-shop-same-day', '2026-11-18T23:59:59'],
    [
      'card shop, both windows: the earlier one still ahead',
      { ...physical, platform: 'kameng', goodsType: 'virtual', virtualState: 'unactivated', purchasedAt: '2026-11-18T08:00', signedAt: '2026-11-18T08:05' },
      'card-shop-same-day',
      '2026-11-18T23:59:59',
    ],
    [
      'card shop window passed: the seven-day one ahead wins',
      { ...physical, platform: 'kameng', goodsType: 'virtual', virtualState: 'unactivated', purchasedAt: '2026-11-16T08:00', signedAt: '2026-11-16T08:05' },
      'seven-day-return',
      '2026-11-23T23:59:59',
    ],
    ['everything passed: the one that passed last', { ...physical, signedAt: '2026-10-01T10:00' }, 'seven-day-return', '2026-10-08T23:59:59'],
    ['a malformed date gives no deadline', { ...physical, signedAt: '2026-02-30T10:00' }, null, null],
  ])('%s', (_name, facts, presetId, due) => {
    const d = firstDeadline(facts, now);
    expect(d?.presetId ?? null).toBe(presetId);
    expect(d?.due ?? null).toBe(due);
    if (d) expect(d.start).toBe(presetId === 'card-shop-same-day' ? facts.purchasedAt : facts.signedAt);
  });

  it('follows the buyer’s own length for 七日无理由', () => {
    expect(firstDeadline({ ...physical, signedAt: '2026-11-17T12:00' }, now, { 'seven-day-return': 15 })?.due).toBe('2026-12-02T23:59:59');
  });
});

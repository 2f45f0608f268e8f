// Issue 12 in review: approximate times are listed apart, count only once kept, and reach the case
// timeline and the bundle marked as such.
import { describe, expect, it } from 'vitest';
import type { Extraction, Field } from '../extract/types';
import { approxKey, caseFillFrom, fieldKey, isKept, reviewFields, timelineStamps } from './review';
import type { FieldCorrection } from './review';

const f = (value: string, extra: Partial<Field> = {}): Field => ({ value, confidence: 0.8, box: null, ...extra });

const extraction: Extraction = {
  platform: 'wechat',
  kind: 'chat',
  orderNumbers: [],
  transactionIds: [],
  trackingNumbers: [],
  timestamps: [f('2026-11-30T20:31:15', { basis: 'shown', label: '付款时间' }), f('2026-12-03T09:00', { basis: 'inferred' })],
  approxTimestamps: [f('2026-12-03T16:33', { basis: 'approx' }), f('2026-12-04T18:03', { basis: 'approx', afterCapture: true })],
  captureSuspect: true,
  amount: null,
  scam: false,
  scamSignals: [],
  text: '',
};

describe('reviewFields with approximate times', () => {
  it('lists exact times first, then the approximate ones under their own keys', () => {
    const rows = reviewFields(extraction, {});
    expect(rows.map((r) => [r.key, r.basis, r.afterCapture])).toEqual([
      [fieldKey('timestamp', '2026-11-30T20:31:15'), 'shown', false],
      [fieldKey('timestamp', '2026-12-03T09:00'), 'inferred', false],
      [approxKey('2026-12-03T16:33'), 'approx', false],
      [approxKey('2026-12-04T18:03'), 'approx', true],
    ]);
  });

  it.each<[string, Record<string, FieldCorrection>, string[]]>([
    ['nothing kept by default', {}, ['2026-11-30T20:31:15', '2026-12-03T09:00']],
    ['a kept approximate time counts', { [approxKey('2026-12-03T16:33')]: { status: 'confirmed', value: '2026-12-03T16:33' } }, ['2026-11-30T20:31:15', '2026-12-03T09:00', '2026-12-03T16:33']],
    ['an edited approximate time counts as the buyer wrote it', { [approxKey('2026-12-03T16:33')]: { status: 'edited', value: '2026-12-02T16:33' } }, ['2026-11-30T20:31:15', '2026-12-03T09:00', '2026-12-02T16:33']],
    ['a deleted exact time is gone', { [fieldKey('timestamp', '2026-12-03T09:00')]: { status: 'deleted', value: '2026-12-03T09:00' } }, ['2026-11-30T20:31:15']],
    ['confirming an exact time does not keep an approximate twin', { [fieldKey('timestamp', '2026-12-03T16:33')]: { status: 'confirmed', value: '2026-12-03T16:33' } }, ['2026-11-30T20:31:15', '2026-12-03T09:00']],
  ])('%s', (_name, corrections, expected) => {
    const rows = reviewFields(extraction, corrections);
    expect(rows.filter(isKept).map((r) => r.value)).toEqual(expected);
    expect(timelineStamps(rows).map((s) => s.at)).toEqual(expected);
  });

  it('marks kept approximate stamps on the timeline', () => {
    const rows = reviewFields(extraction, { [approxKey('2026-12-03T16:33')]: { status: 'confirmed', value: '2026-12-03T16:33' } });
    expect(timelineStamps(rows)).toEqual([
      { at: '2026-11-30T20:31:15', basis: 'shown' },
      { at: '2026-12-03T09:00', basis: 'inferred' },
      { at: '2026-12-03T16:33', basis: 'approx' },
    ]);
  });

  it('never fills the case from an approximate time, kept or not', () => {
    const only: Extraction = { ...extraction, timestamps: [] };
    const kept = { [approxKey('2026-12-03T16:33')]: { status: 'confirmed' as const, value: '2026-12-03T16:33' } };
    expect(caseFillFrom(reviewFields(only, kept), 'wechat').purchasedAt).toBeUndefined();
  });

  it('treats fields of older builds (no basis) as shown', () => {
    const old: Extraction = { ...extraction, timestamps: [f('2026-11-30T20:31')], approxTimestamps: undefined };
    expect(reviewFields(old, {}).map((r) => r.basis)).toEqual(['shown']);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import type { DeadlineRecord } from '../domain/deadline';
import { installHolidayYears } from './calendar';
import { computeDue } from './due';
import { resolvePreset } from './presets';
import { recomputeProvisional } from './recompute';

afterEach(() => installHolidayYears([]));

const START = '2026-12-30T10:00:00';
function record(over: Partial<DeadlineRecord> = {}): DeadlineRecord {
  const due = computeDue(resolvePreset('platform-review'), START);
  return { id: 'd1', caseId: 'c1', presetId: 'platform-review', label: '平台审核', start: START, ...due, offsetsMin: [], done: false, snoozedUntil: null, createdAt: 0, ...over };
}

describe('recomputeProvisional', () => {
  it('counts a provisional deadline again once its year is loaded, and only then', () => {
    const d = record();
    expect(d.provisional).toBe(true);
    expect(recomputeProvisional([d])).toEqual([]);
    // A made-up 2027 schedule: 1/1–1/6 off.
    installHolidayYears([{ year: 2027, days: ['01', '02', '03', '04', '05', '06'].map((n) => ({ date: `2027-01-${n}`, name: '元旦', off: true })).concat([{ date: '2027-10-01', name: '国庆节', off: true }]) }]);
    const [r] = recomputeProvisional([d]);
    // 12/31, then 1/7 and 1/8: the third working day.
    expect(r).toMatchObject({ id: 'd1', before: d.due, due: '2027-01-08T23:59:59', provisional: false });
  });

  it.each([
    ['done', { done: true }],
    ['typed in by the buyer', { presetId: null }],
    ['not provisional', { provisional: false }],
  ] as const)('leaves a %s deadline alone', (_name, over) => {
    installHolidayYears([{ year: 2027, days: [{ date: '2027-01-04', name: '元旦', off: true }, { date: '2027-10-01', name: '国庆节', off: true }] }]);
    expect(recomputeProvisional([record(over)])).toEqual([]);
  });
});

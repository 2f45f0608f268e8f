import { describe, expect, it } from 'vitest';
import { computeCustomDue, computeDue, type CustomDeadline } from './due';
import { DeadlineInputError } from './localtime';
import { getPreset, type DeadlineRule, type PresetId } from './presets';
import { daysBetween, noticeNthWorkingDay } from '../../tests/fixtures/notices';

const wd = (length: number): DeadlineRule => ({ length, unit: 'working-days' });

describe('working days around every 2026 holiday boundary', () => {
  it.each([
    // [start, N, due day, why]
    ['2025-12-31T10:00', 1, '2026-01-04', '元旦 1/1–1/3 skipped, make-up Sunday counts'],
    ['2025-12-31T10:00', 3, '2026-01-06', ''],
    ['2026-01-03T10:00', 1, '2026-01-04', 'start on a holiday'],
    ['2026-01-04T10:00', 1, '2026-01-05', 'start on a make-up day'],
    ['2026-02-13T10:00', 1, '2026-02-14', 'make-up Saturday before 春节'],
    ['2026-02-13T10:00', 3, '2026-02-25', ''],
    ['2026-02-14T09:00', 1, '2026-02-24', 'start on the make-up Saturday: 2/15–2/23 skipped'],
    ['2026-02-14T09:00', 3, '2026-02-26', ''],
    ['2026-02-23T09:00', 1, '2026-02-24', 'start on the last 春节 day'],
    ['2026-02-26T09:00', 5, '2026-03-04', 'make-up Saturday 2/28 counts'],
    ['2026-02-27T09:00', 1, '2026-02-28', ''],
    ['2026-02-28T09:00', 1, '2026-03-02', ''],
    ['2026-04-03T10:00', 1, '2026-04-07', '清明 4/4–4/6'],
    ['2026-04-03T10:00', 3, '2026-04-09', ''],
    ['2026-04-30T10:00', 1, '2026-05-06', '劳动节 5/1–5/5'],
    ['2026-04-30T10:00', 5, '2026-05-11', 'make-up Saturday 5/9 counts'],
    ['2026-05-08T10:00', 1, '2026-05-09', ''],
    ['2026-06-18T10:00', 1, '2026-06-22', '端午 6/19–6/21'],
    ['2026-06-18T10:00', 3, '2026-06-24', ''],
    ['2026-09-18T10:00', 1, '2026-09-20', 'make-up Sunday 9/20'],
    ['2026-09-24T10:00', 1, '2026-09-28', '中秋 9/25–9/27'],
    ['2026-09-24T10:00', 3, '2026-09-30', ''],
    ['2026-09-30T10:00', 1, '2026-10-08', '国庆 10/1–10/7'],
    ['2026-09-30T10:00', 3, '2026-10-10', 'make-up Saturday 10/10 is the 3rd'],
    ['2026-09-30T23:59:59', 3, '2026-10-10', 'start time of day is irrelevant'],
    ['2026-10-01T00:00', 1, '2026-10-08', ''],
    ['2026-09-30T10:00', 5, '2026-10-13', ''],
    ['2026-10-09T10:00', 1, '2026-10-10', ''],
    ['2026-09-30T10:00', 45, '2026-12-08', '12315 mediation'],
    // 2025
    ['2025-01-24T10:00', 1, '2025-01-26', 'make-up Sunday 1/26'],
    ['2025-01-27T10:00', 1, '2025-02-05', '春节 1/28–2/4'],
    ['2025-02-07T10:00', 1, '2025-02-08', ''],
    ['2025-04-25T10:00', 1, '2025-04-27', ''],
    ['2025-04-30T10:00', 1, '2025-05-06', ''],
    ['2025-09-26T10:00', 1, '2025-09-28', ''],
    ['2025-09-30T10:00', 3, '2025-10-11', '国庆+中秋 10/1–10/8, make-up 10/11'],
  ])('%s + %i wd → %s %s', (start, n, dueDay) => {
    expect(computeDue(wd(n), start)).toMatchObject({ due: `${dueDay}T23:59:59`, provisional: false });
  });

  it('agrees with the transcribed notices for every start day in 2025–2026', () => {
    for (const day of daysBetween('2025-01-01', '2026-09-30')) {
      for (const n of [1, 3, 5, 7, 45]) {
        const expected = `${noticeNthWorkingDay(day, n)}T23:59:59`;
        expect({ day, n, due: computeDue(wd(n), `${day}T12:00`).due }).toEqual({ day, n, due: expected });
      }
    }
  });
});

describe('provisional years', () => {
  it.each([
    ['2026-12-25T10:00', 3, '2026-12-30', false],
    ['2026-12-30T10:00', 1, '2026-12-31', false],
    ['2026-12-31T10:00', 1, '2027-01-04', true],
    ['2026-12-30T10:00', 3, '2027-01-05', true],
    ['2027-03-01T10:00', 1, '2027-03-02', true],
  ])('%s + %i wd → %s provisional=%s', (start, n, dueDay, provisional) => {
    expect(computeDue(wd(n), start)).toMatchObject({ due: `${dueDay}T23:59:59`, provisional });
  });
});

describe('presets by unit', () => {
  it.each<[PresetId, string, string]>([
    ['platform-review', '2026-09-30T10:00', '2026-10-10T23:59:59'],
    ['seller-response', '2026-02-13T09:00', '2026-02-27T23:59:59'],
    ['arbitration-escalate', '2026-04-30T10:00', '2026-05-11T23:59:59'],
    ['refund-arrival-bank', '2026-02-13T15:00', '2026-02-25T23:59:59'],
    ['12315-acceptance', '2026-09-30T10:00', '2026-10-15T23:59:59'],
    // Order 121: sixty calendar days, so 国庆 and weekends count (Order 20's 45 working days ran to 12-08).
    ['12315-mediation', '2026-09-30T10:00', '2026-11-29T23:59:59'],
    // Card shops: the order's own calendar day, to the last second, whatever the hour and the calendar.
    ['card-shop-same-day', '2026-11-17T00:00:01', '2026-11-17T23:59:59'],
    ['card-shop-same-day', '2026-11-17T23:59:00', '2026-11-17T23:59:59'],
    ['card-shop-same-day', '2026-10-01T12:00', '2026-10-01T23:59:59'],
    ['card-shop-same-day', '2026-09-20T09:00', '2026-09-20T23:59:59'],
    // 24 h after the complaint, across midnight, a 调休 working Sunday (9-20) and a holiday eve.
    ['card-shop-platform-step-in', '2026-11-17T23:30:15', '2026-11-18T23:30:15'],
    ['card-shop-platform-step-in', '2026-09-19T20:00', '2026-09-20T20:00:00'],
    ['card-shop-platform-step-in', '2026-09-30T23:59:59', '2026-10-01T23:59:59'],
    // Calendar days: no extension, even when the 7th day is a holiday.
    ['seven-day-return', '2026-09-30T18:00', '2026-10-07T23:59:59'],
    ['seven-day-return', '2026-02-22T23:59:59', '2026-03-01T23:59:59'],
    ['seven-day-return', '2028-02-25T08:00', '2028-03-03T23:59:59'],
    ['seven-day-return', '2026-12-28T08:00', '2027-01-04T23:59:59'],
    // Hours: plain elapsed time, seconds kept.
    ['supplement-materials', '2026-02-28T23:30:15', '2026-03-01T23:30:15'],
    ['supplement-materials', '2026-10-01T00:00', '2026-10-02T00:00:00'],
    ['cooling-period', '2026-12-31T12:00', '2027-01-02T12:00:00'],
    ['cooling-period', '2028-02-28T09:00', '2028-03-01T09:00:00'],
    // Years: 民法典 §202 corresponding day, or the month's end.
    ['complaint-limitation', '2024-02-29T10:00', '2027-02-28T23:59:59'],
    ['complaint-limitation', '2025-02-28T10:00', '2028-02-28T23:59:59'],
    ['complaint-limitation', '2026-11-15T20:31', '2029-11-15T23:59:59'],
    ['complaint-limitation', '2025-12-31T10:00', '2028-12-31T23:59:59'],
  ])('%s from %s → %s', (id, start, due) => {
    expect(computeDue(getPreset(id), start)).toMatchObject({ due, provisional: false });
  });

  it('keeps 29 February when the target year is a leap year', () => {
    expect(computeDue({ length: 4, unit: 'years' }, '2024-02-29T10:00').due).toBe('2028-02-29T23:59:59');
  });

  it('marks calendar-day and hour rules never provisional: they ignore the holiday calendar', () => {
    expect(computeDue({ length: 30, unit: 'calendar-days' }, '2026-12-20T10:00').provisional).toBe(false);
    expect(computeDue({ length: 24 * 30, unit: 'hours' }, '2026-12-20T10:00').provisional).toBe(false);
  });

  it('returns the epoch instant of the local due time', () => {
    expect(computeDue(wd(3), '2026-09-30T10:00').dueAt).toBe(Date.UTC(2026, 9, 10, 15, 59, 59));
  });

  it('accepts parsed fields as the start', () => {
    const start = { year: 2026, month: 9, day: 30, hour: 10, minute: 0, second: 0 };
    expect(computeDue(wd(3), start).due).toBe('2026-10-10T23:59:59');
  });
});

describe('errors', () => {
  it.each([
    [wd(3), '2026-02-30T10:00', '2026-02 has 28 days'],
    [wd(3), '2026-09-30', 'a time is required'],
    [wd(0), '2026-09-30T10:00', 'length 0'],
    [wd(1.5), '2026-09-30T10:00', 'length 1.5'],
    [wd(5000), '2026-09-30T10:00', 'between 1 and 1000'],
    [{ length: Number.NaN, unit: 'hours' } satisfies DeadlineRule, '2026-09-30T10:00', 'length NaN'],
  ])('%j from %s throws %s', (rule, start, message) => {
    expect(() => computeDue(rule, start)).toThrow(DeadlineInputError);
    expect(() => computeDue(rule, start)).toThrow(message);
  });

  it('rejects impossible parsed fields too', () => {
    const start = { year: 2026, month: 2, day: 30, hour: 10, minute: 0, second: 0 };
    expect(() => computeDue(wd(1), start)).toThrow('2026-02 has 28 days');
  });
});

describe('custom deadlines', () => {
  it.each<[CustomDeadline, string]>([
    [{ kind: 'at', at: '2026-10-08' }, '2026-10-08T23:59:59'],
    [{ kind: 'at', at: '2026-10-08T12:00' }, '2026-10-08T12:00:00'],
    [{ kind: 'at', at: '2026-10-08T12:00:30' }, '2026-10-08T12:00:30'],
    [{ kind: 'after', from: '2026-09-30T10:00', length: 3, unit: 'working-days' }, '2026-10-10T23:59:59'],
    [{ kind: 'after', from: '2026-09-30T10:00', length: 72, unit: 'hours' }, '2026-10-03T10:00:00'],
  ])('%j → %s', (spec, due) => {
    expect(computeCustomDue(spec)).toMatchObject({ due, provisional: false });
  });

  it.each([
    ['2026-02-30', '2026-02 has 28 days'],
    ['2026-02-30T10:00', '2026-02 has 28 days'],
    ['next friday', 'expected YYYY-MM-DDTHH:mm'],
  ])('rejects at=%j', (at, message) => {
    expect(() => computeCustomDue({ kind: 'at', at })).toThrow(message);
  });
});

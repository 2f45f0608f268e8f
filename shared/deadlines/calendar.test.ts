import { describe, expect, it } from 'vitest';
import { dayInfo, hasOfficialData, isWorkingDay, officialYears } from './calendar';
import { DeadlineInputError } from './localtime';
import { NOTICE_2025, NOTICE_2026, daysBetween, noticeSaysWorking, type Notice } from '../../tests/fixtures/notices';

// Hand-checked days around each block: the last day before, the first day after, and
// the weekends next to make-up days, where an off-by-one would show first.
const BOUNDARIES: Record<number, ReadonlyArray<[string, boolean, string]>> = {
  2026: [
    ['2025-12-31', true, 'Wed before 元旦'],
    ['2026-01-05', true, 'Mon after make-up Sunday'],
    ['2026-02-13', true, 'Fri before make-up Saturday'],
    ['2026-02-24', true, 'Tue after 春节'],
    ['2026-02-27', true, 'Fri before make-up Saturday 2/28'],
    ['2026-03-01', false, 'Sun after make-up Saturday 2/28'],
    ['2026-04-03', true, 'Fri before 清明'],
    ['2026-04-07', true, 'Tue after 清明'],
    ['2026-04-30', true, 'Thu before 劳动节'],
    ['2026-05-06', true, 'Wed after 劳动节'],
    ['2026-05-10', false, 'Sun after make-up Saturday 5/9'],
    ['2026-06-18', true, 'Thu before 端午'],
    ['2026-06-22', true, 'Mon after 端午'],
    ['2026-09-19', false, 'Sat before make-up Sunday 9/20'],
    ['2026-09-24', true, 'Thu before 中秋'],
    ['2026-09-28', true, 'Mon after 中秋'],
    ['2026-09-30', true, 'Wed before 国庆'],
    ['2026-10-08', true, 'Thu after 国庆'],
    ['2026-10-11', false, 'Sun after make-up Saturday 10/10'],
  ],
  2025: [
    ['2024-12-31', true, 'Tue before 元旦'],
    ['2025-01-02', true, 'Thu after 元旦 (no 调休)'],
    ['2025-01-25', false, 'Sat before make-up Sunday 1/26'],
    ['2025-01-27', true, 'Mon before 春节'],
    ['2025-02-05', true, 'Wed after 春节'],
    ['2025-02-09', false, 'Sun after make-up Saturday 2/8'],
    ['2025-04-03', true, 'Thu before 清明'],
    ['2025-04-07', true, 'Mon after 清明'],
    ['2025-04-26', false, 'Sat before make-up Sunday 4/27'],
    ['2025-04-30', true, 'Wed before 劳动节'],
    ['2025-05-06', true, 'Tue after 劳动节'],
    ['2025-05-30', true, 'Fri before 端午'],
    ['2025-06-03', true, 'Tue after 端午'],
    ['2025-09-27', false, 'Sat before make-up Sunday 9/28'],
    ['2025-09-30', true, 'Tue before 国庆+中秋'],
    ['2025-10-09', true, 'Thu after 国庆+中秋'],
    ['2025-10-12', false, 'Sun after make-up Saturday 10/11'],
  ],
};

function checkNotice(notice: Notice): void {
  for (const block of notice.blocks) {
    for (const day of daysBetween(block.from, block.to)) {
      const info = dayInfo(day);
      expect({ day, working: info.working, official: info.official }).toEqual({ day, working: false, official: true });
      expect([block.name, ...(block.alsoNamed ?? [])]).toContain(info.holiday);
    }
    for (const day of block.makeUp) {
      expect({ day, ...dayInfo(day) }).toMatchObject({ day, working: true, makeUp: true, holiday: null });
    }
  }
  for (const [day, working, why] of BOUNDARIES[notice.year] ?? []) {
    expect({ day, why, working: isWorkingDay(day) }).toEqual({ day, why, working });
  }
  // Nothing beyond the notice: every other day of the year follows the plain weekday rule.
  for (const day of daysBetween(`${notice.year}-01-01`, `${notice.year}-12-31`)) {
    expect({ day, working: isWorkingDay(day) }).toEqual({ day, working: noticeSaysWorking(day) });
  }
}

describe('State Council notices', () => {
  it.each([NOTICE_2026, NOTICE_2025])('$title: every holiday, make-up day and boundary', (notice) => {
    checkNotice(notice);
  });
});

describe('official data coverage', () => {
  it.each([
    [2004, true],
    [2024, true],
    [2025, true],
    [2026, true],
    [2003, false],
    [2027, false],
    [2100, false],
  ])('hasOfficialData(%i) is %s', (year, expected) => {
    expect(hasOfficialData(year)).toBe(expected);
  });

  it('lists contiguous published years detected from the data', () => {
    const years = officialYears();
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBeGreaterThanOrEqual(2026);
    expect(years).toEqual(Array.from({ length: years.length }, (_, i) => 2004 + i));
  });
});

describe('fallback for a year without a notice', () => {
  it.each([
    ['2027-01-01', false, '元旦', 'fixed-date holiday (Fri)'],
    ['2027-01-04', true, null, 'ordinary Monday'],
    ['2027-02-06', false, null, 'Saturday; 春节 is lunar, so not in the fallback'],
    ['2027-02-08', true, null, 'Monday in what will be 春节: unknown, counted as working'],
    ['2027-05-01', false, '劳动节', 'Saturday that is also 劳动节'],
    ['2027-05-03', true, null, 'Monday after 5/1'],
    ['2027-10-01', false, '国庆节', '国庆 day 1 (Fri)'],
    ['2027-10-03', false, '国庆节', '国庆 day 3 (Sun)'],
    ['2027-10-04', true, null, 'Monday after the fixed 国庆 days'],
  ])('%s working=%s (%s)', (day, working, holiday, _why) => {
    expect(dayInfo(day)).toEqual({ date: day, working, official: false, holiday, makeUp: false });
  });
});

describe('input validation', () => {
  it.each(['2026-02-30', '2026-13-01', '2026-1-5', '20260105', '2026-01-05T00:00', ''])('rejects %j', (input) => {
    expect(() => isWorkingDay(input)).toThrow(DeadlineInputError);
  });

  it('names the problem', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow('2026-02 has 28 days');
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  epochMsToLocal,
  formatEpochAsLocal,
  localToEpochMs,
  parseLocalDateTime,
  parseYmd,
  weekdayOf,
} from './localtime';

describe('parseLocalDateTime', () => {
  it.each([
    ['2026-09-30T10:00', { year: 2026, month: 9, day: 30, hour: 10, minute: 0, second: 0 }],
    ['2026-09-30T10:00:07', { year: 2026, month: 9, day: 30, hour: 10, minute: 0, second: 7 }],
    ['2024-02-29T23:59:59', { year: 2024, month: 2, day: 29, hour: 23, minute: 59, second: 59 }],
    ['2000-02-29T00:00', { year: 2000, month: 2, day: 29, hour: 0, minute: 0, second: 0 }],
  ])('accepts %s', (input, value) => {
    expect(parseLocalDateTime(input)).toEqual({ ok: true, value });
  });

  it.each([
    ['2026-02-30T10:00', '2026-02 has 28 days'],
    ['2025-02-29T10:00', '2025-02 has 28 days'],
    ['2100-02-29T10:00', '2100-02 has 28 days'],
    ['2026-04-31T10:00', '2026-04 has 30 days'],
    ['2026-00-10T10:00', 'month 00'],
    ['2026-13-10T10:00', 'month 13'],
    ['2026-01-00T10:00', 'day 00'],
    ['2026-01-10T24:00', 'hour 24'],
    ['2026-01-10T10:60', 'minute 60'],
    ['2026-01-10T10:00:60', 'second 60'],
    ['1899-12-31T10:00', 'outside the supported range'],
    ['2026-01-10 10:00', 'use "T"'],
    ['2026-1-10T10:00', 'two digits'],
    ['2026-01-10', 'a time is required'],
    ['2026-01-10T10:00Z', 'drop the time zone'],
    ['2026-01-10T10:00+08:00', 'drop the time zone'],
    ['2026-01-10T10', 'expected YYYY-MM-DDTHH:mm'],
    ['2026-01-10T10:00:00.000', 'expected YYYY-MM-DDTHH:mm'],
    ['２０２６-01-10T10:00', 'expected YYYY-MM-DDTHH:mm'],
    ['', 'expected YYYY-MM-DDTHH:mm'],
    [' 2026-01-10T10:00', 'expected YYYY-MM-DDTHH:mm'],
  ])('rejects %j naming the problem', (input, message) => {
    const result = parseLocalDateTime(input);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toContain(message);
      expect(result.error).toContain(JSON.stringify(input));
      expect(result.error).not.toContain('\n');
    }
  });
});

describe('parseYmd', () => {
  it.each([
    ['2026-02-28', true],
    ['2026-02-29', false],
    ['2026-2-28', false],
    ['2026-02-28T00:00', false],
  ])('%s ok=%s', (input, ok) => {
    expect(parseYmd(input).ok).toBe(ok);
  });
});

describe('date arithmetic on fields', () => {
  it.each([
    ['2026-12-31', 1, '2027-01-01'],
    ['2028-02-28', 1, '2028-02-29'],
    ['2027-02-28', 1, '2027-03-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-09-30', 45, '2026-11-14'],
  ])('addDays(%s, %i) = %s', (from, n, expected) => {
    expect(addDays(from, n)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2026-02-14', 6],
    ['2026-09-20', 0],
    ['2026-10-01', 4],
    ['1969-12-31', 3],
  ])('weekdayOf(%s) = %i', (ymd, weekday) => {
    expect(weekdayOf(ymd)).toBe(weekday);
  });
});

describe('Shanghai instants', () => {
  it.each([
    ['2026-10-10T23:59:59', Date.UTC(2026, 9, 10, 15, 59, 59)],
    ['2026-01-01T00:00:00', Date.UTC(2025, 11, 31, 16, 0, 0)],
    ['2026-01-01T07:59:59', Date.UTC(2025, 11, 31, 23, 59, 59)],
    ['2026-01-01T08:00:00', Date.UTC(2026, 0, 1, 0, 0, 0)],
  ])('%s is %i', (local, ms) => {
    const parsed = parseLocalDateTime(local);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(localToEpochMs(parsed.value)).toBe(ms);
    expect(formatEpochAsLocal(ms)).toBe(local);
    expect(epochMsToLocal(ms)).toEqual(parsed.value);
  });

  it('drops sub-second parts when formatting', () => {
    expect(formatEpochAsLocal(Date.UTC(2026, 0, 1, 0, 0, 0, 999))).toBe('2026-01-01T08:00:00');
  });
});

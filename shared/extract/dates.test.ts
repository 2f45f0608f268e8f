import { describe, expect, it } from 'vitest';
import { addDays, formatDateTime, fromUnixSeconds, hasDateTimePrefix, isValidDate, isValidTime, parseLocalDateTime, weekday } from './dates';

describe('calendar helpers', () => {
  it.each([
    [2026, 2, 28, true],
    [2026, 2, 29, false],
    [2028, 2, 29, true],
    [2026, 4, 31, false],
    [2026, 13, 1, false],
    [2026, 0, 10, false],
  ])('isValidDate(%i, %i, %i) → %s', (y, m, d, ok) => {
    expect(isValidDate(y, m, d)).toBe(ok);
  });

  it('validates times', () => {
    expect(isValidTime(23, 59, 59)).toBe(true);
    expect(isValidTime(24, 0)).toBe(false);
    expect(isValidTime(25, 61)).toBe(false);
    expect(isValidTime(12, 30, 60)).toBe(false);
  });

  it('crosses month and year boundaries with UTC arithmetic', () => {
    expect(addDays({ y: 2026, m: 1, d: 1 }, -1)).toEqual({ y: 2025, m: 12, d: 31 });
    expect(addDays({ y: 2028, m: 2, d: 28 }, 1)).toEqual({ y: 2028, m: 2, d: 29 });
    expect(weekday({ y: 2026, m: 11, d: 18 })).toBe(3);
  });

  it('parses and formats local date-times', () => {
    expect(parseLocalDateTime('2026-11-18T12:03:04')).toEqual({ y: 2026, m: 11, d: 18, h: 12, mi: 3, s: 4 });
    expect(parseLocalDateTime('2026-11-18 12:03')).toEqual({ y: 2026, m: 11, d: 18, h: 12, mi: 3, s: null });
    expect(parseLocalDateTime('2026-02-30T12:03:04')).toBeNull();
    expect(parseLocalDateTime('yesterday')).toBeNull();
    expect(formatDateTime({ y: 2026, m: 1, d: 5, h: 8, mi: 5, s: null })).toBe('2026-01-05T08:05');
  });

  it('converts unix seconds to Shanghai wall clock', () => {
    expect(fromUnixSeconds(1794746102)).toEqual({ y: 2026, m: 11, d: 15, h: 20, mi: 35, s: 2 });
    expect(fromUnixSeconds(Number.NaN)).toBeNull();
  });

  it('recognises compact date-time prefixes', () => {
    expect(hasDateTimePrefix('202611152031075823', 14)).toBe(true);
    expect(hasDateTimePrefix('202611152561075823', 14)).toBe(false);
  });
});

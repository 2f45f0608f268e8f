import { describe, expect, it } from 'vitest';
import {
  MAX_OFFSETS,
  checkNewOffset,
  describeOffset,
  isDefaultOffsets,
  normalizeOffsets,
  offsetStates,
  remindersFrom,
  withOffset,
  withoutOffset,
  type OffsetCheck,
  type OffsetParts,
  type OffsetStatus,
  type OffsetUnit,
} from './offsets';
import { reminderKey } from './reminders';

describe('describeOffset', () => {
  it.each<[number, OffsetParts]>([
    [0, { kind: 'at' }],
    [1440, { kind: 'before', amount: 1, unit: 'days' }],
    [4320, { kind: 'before', amount: 3, unit: 'days' }],
    [120, { kind: 'before', amount: 2, unit: 'hours' }],
    [1500, { kind: 'before', amount: 25, unit: 'hours' }],
    [30, { kind: 'before', amount: 30, unit: 'minutes' }],
    [90, { kind: 'before', amount: 90, unit: 'minutes' }],
    [-60, { kind: 'after', amount: 1, unit: 'hours' }],
  ])('%i min → %j', (min, parts) => {
    expect(describeOffset(min)).toEqual(parts);
  });
});

describe('normalizeOffsets', () => {
  it.each<[number[], number[]]>([
    [[0, 120, 1440], [1440, 120, 0]],
    [[120, 120, 0], [120, 0]],
    [[1.5, Number.NaN, 30], [30]],
    [[600_000, 60], [60]],
    [[], []],
  ])('%j → %j', (input, out) => {
    expect(normalizeOffsets(input)).toEqual(out);
  });

  it(`keeps at most ${MAX_OFFSETS}, the ones closest to the deadline`, () => {
    const many = Array.from({ length: 12 }, (_, i) => i * 10);
    expect(normalizeOffsets(many)).toEqual([70, 60, 50, 40, 30, 20, 10, 0]);
  });
});

describe('checkNewOffset', () => {
  const defaults = [1440, 120, 0];
  it.each<[string, OffsetUnit, OffsetCheck]>([
    ['30', 'minutes', { ok: true, offsetMin: 30 }],
    ['3', 'days', { ok: true, offsetMin: 4320 }],
    ['5', 'hours', { ok: true, offsetMin: 300 }],
    ['2', 'hours', { ok: false, problem: 'duplicate' }],
    ['1', 'days', { ok: false, problem: 'duplicate' }],
    ['0', 'minutes', { ok: false, problem: 'duplicate' }],
    ['', 'minutes', { ok: false, problem: 'empty' }],
    ['1.5', 'hours', { ok: false, problem: 'not-whole' }],
    ['-5', 'hours', { ok: false, problem: 'not-whole' }],
    ['367', 'days', { ok: false, problem: 'too-large' }],
    ['366', 'days', { ok: true, offsetMin: 366 * 1440 }],
  ])('%j %s → %j', (text, unit, expected) => {
    expect(checkNewOffset(defaults, text, unit)).toEqual(expected);
  });

  it('refuses a ninth offset', () => {
    const full = [1, 2, 3, 4, 5, 6, 7, 8];
    expect(checkNewOffset(full, '9', 'minutes')).toEqual({ ok: false, problem: 'too-many' });
  });
});

describe('editing', () => {
  it('adds in order and removes', () => {
    expect(withOffset([1440, 120, 0], 30)).toEqual([1440, 120, 30, 0]);
    expect(withoutOffset([1440, 120, 0], 1440)).toEqual([120, 0]);
    expect(isDefaultOffsets([0, 1440, 120])).toBe(true);
    expect(isDefaultOffsets([1440, 120])).toBe(false);
  });

  it('counts reminders from the later of creation and the last offset edit', () => {
    expect(remindersFrom({ createdAt: 100 })).toBe(100);
    expect(remindersFrom({ createdAt: 100, offsetsEditedAt: 500 })).toBe(500);
  });
});

describe('offsetStates', () => {
  const DUE = Date.parse('2026-11-27T23:59:59+08:00');
  const MIN = 60_000;
  const base = { id: 'd1', dueAt: DUE, offsetsMin: [1440, 120, 30, 0], done: false, createdAt: DUE - 1500 * MIN };
  it.each<[string, Partial<typeof base>, number[], number, OffsetStatus[]]>([
    ['before any', {}, [], DUE - 2000 * MIN, ['upcoming', 'upcoming', 'upcoming', 'upcoming']],
    ['1-day and 2-hour shown together after sleep', {}, [1440, 120], DUE - 60 * MIN, ['shown', 'shown', 'upcoming', 'upcoming']],
    ['1-day offset was past at creation', { createdAt: DUE - 1000 * MIN }, [120], DUE - 60 * MIN, ['skipped', 'shown', 'upcoming', 'upcoming']],
    ['main has not caught up', {}, [120], DUE - 10 * MIN, ['passed', 'shown', 'passed', 'upcoming']],
    ['done', { done: true }, [120], DUE - 10 * MIN, ['off', 'shown', 'off', 'off']],
  ])('%s', (_name, patch, shownOffsets, now, statuses) => {
    const shown = new Set(shownOffsets.map((o) => reminderKey('d1', DUE, o)));
    const states = offsetStates({ ...base, ...patch }, shown, now);
    expect(states.map((s) => s.offsetMin)).toEqual([1440, 120, 30, 0]);
    expect(states.map((s) => s.status)).toEqual(statuses);
    expect(states[2]?.fireAt).toBe(DUE - 30 * MIN);
  });
});

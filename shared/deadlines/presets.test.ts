import { describe, expect, it } from 'vitest';
import { DeadlineInputError } from './localtime';
import {
  DEADLINE_PRESETS,
  PRESET_IDS,
  checkRule,
  findPreset,
  isPresetId,
  resolvePreset,
  type DeadlineUnit,
} from './presets';

describe('preset table', () => {
  it.each<[string, number, DeadlineUnit]>([
    ['seven-day-return', 7, 'calendar-days'],
    ['platform-review', 3, 'working-days'],
    ['seller-response', 5, 'working-days'],
    ['supplement-materials', 24, 'hours'],
    ['cooling-period', 48, 'hours'],
    ['arbitration-escalate', 5, 'working-days'],
    ['refund-arrival-bank', 3, 'working-days'],
    ['12315-acceptance', 7, 'working-days'],
    ['12315-mediation', 60, 'calendar-days'],
    ['complaint-limitation', 3, 'years'],
    ['card-shop-platform-step-in', 24, 'hours'],
  ])('%s is %i %s, labelled, sourced and editable', (id, length, unit) => {
    const preset = findPreset(id);
    expect(preset).toMatchObject({ id, length, unit, editable: true });
    expect(preset?.label.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(preset?.label.en).toMatch(/^[\x20-\x7e]+$/);
    expect(preset?.source.length).toBeGreaterThan(10);
    expect(checkRule({ length, unit })).toBeNull();
  });

  it('has exactly the ids of the issues, in table order', () => {
    expect(DEADLINE_PRESETS.map((p) => p.id)).toEqual([...PRESET_IDS]);
    expect(PRESET_IDS).toHaveLength(12);
  });

  it('12315 periods cite Order 121, mark what awaits the official text, and say what changed', () => {
    for (const id of ['12315-acceptance', '12315-mediation', 'complaint-limitation'] as const) {
      expect(findPreset(id)?.source).toContain('总局令第121号');
    }
    expect(findPreset('12315-mediation')).toMatchObject({ unconfirmed: true, changedFrom: { zh: expect.stringContaining('45 个工作日') } });
    expect(findPreset('12315-mediation')?.source).toContain('第二十三条');
    expect(findPreset('complaint-limitation')?.source).toContain('第十六条');
    // The acceptance period has no confirmed Order 121 figure: it says it is Order 20's, carried over.
    expect(findPreset('12315-acceptance')).toMatchObject({ unconfirmed: true, source: expect.stringMatching(/^沿用.*第20号/) });
  });

  it('the card-shop same-day window is the shop system rule: zero calendar days, not editable', () => {
    expect(findPreset('card-shop-same-day')).toMatchObject({ length: 0, unit: 'calendar-days', editable: false, basis: 'practice' });
    expect(checkRule({ length: 0, unit: 'calendar-days' })).toBeNull();
    expect(checkRule({ length: 0, unit: 'working-days' })).toMatch(/between 1 and/);
    expect(checkRule({ length: 0, unit: 'hours' })).toMatch(/between 1 and/);
  });

  it('does not know other ids', () => {
    expect(findPreset('seven-days-return')).toBeUndefined();
    expect(isPresetId('platform-review')).toBe(true);
    expect(isPresetId('constructor')).toBe(false);
  });
});

describe('user overrides', () => {
  it('applies an edited length and leaves the table alone', () => {
    expect(resolvePreset('platform-review', { 'platform-review': 1 }).length).toBe(1);
    expect(resolvePreset('platform-review', { 'seller-response': 2 }).length).toBe(3);
    expect(findPreset('platform-review')?.length).toBe(3);
  });

  it.each([0, -1, 2.5, 1001])('rejects length %d with a clear message', (length) => {
    expect(() => resolvePreset('platform-review', { 'platform-review': length })).toThrow(DeadlineInputError);
    expect(() => resolvePreset('platform-review', { 'platform-review': length })).toThrow(/platform-review: length/);
  });
});

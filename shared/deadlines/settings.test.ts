import { describe, expect, it } from 'vitest';
import { computeDue } from './due';
import { DeadlineInputError } from './localtime';
import { PRESET_IDS, resolvePreset, type PresetId, type PresetOverrides } from './presets';
import {
  DEFAULT_DEADLINE_SETTINGS,
  checkPresetLength,
  presetRows,
  sanitizeDeadlineSettings,
  withPresetLength,
  withoutPresetLength,
  type LengthCheck,
} from './settings';
import { planTransition, proposeDeadlines } from './workflow';

describe('checkPresetLength', () => {
  it.each<[PresetId, string, LengthCheck]>([
    ['platform-review', '5', { ok: true, length: 5 }],
    ['platform-review', ' 2 ', { ok: true, length: 2 }],
    ['platform-review', '1000', { ok: true, length: 1000 }],
    ['platform-review', '1001', { ok: false, min: 1, problem: 'too-large', max: 1000 }],
    ['platform-review', '0', { ok: false, min: 1, problem: 'too-small', max: 1000 }],
    ['platform-review', '-3', { ok: false, min: 1, problem: 'too-small', max: 1000 }],
    ['platform-review', '2.5', { ok: false, min: 1, problem: 'not-whole', max: 1000 }],
    ['platform-review', '1e2', { ok: false, min: 1, problem: 'not-whole', max: 1000 }],
    ['platform-review', '三', { ok: false, min: 1, problem: 'not-whole', max: 1000 }],
    ['platform-review', '', { ok: false, min: 1, problem: 'empty', max: 1000 }],
    ['seven-day-return', '3650', { ok: true, length: 3650 }],
    ['seven-day-return', '3651', { ok: false, min: 0, problem: 'too-large', max: 3650 }],
    ['supplement-materials', '87600', { ok: true, length: 87600 }],
    ['supplement-materials', '87601', { ok: false, min: 1, problem: 'too-large', max: 87600 }],
    ['complaint-limitation', '30', { ok: true, length: 30 }],
    ['complaint-limitation', '31', { ok: false, min: 1, problem: 'too-large', max: 30 }],
  ])('%s %j → %j', (id, text, expected) => {
    expect(checkPresetLength(id, text)).toEqual(expected);
  });
});

describe('withPresetLength / withoutPresetLength', () => {
  it.each<[string, PresetOverrides, PresetId, number, PresetOverrides]>([
    ['adds an override', {}, 'platform-review', 5, { 'platform-review': 5 }],
    ['replaces an override', { 'platform-review': 5 }, 'platform-review', 2, { 'platform-review': 2 }],
    ['keeps the others', { 'seller-response': 2 }, 'platform-review', 1, { 'seller-response': 2, 'platform-review': 1 }],
    ['drops an override set back to the default', { 'platform-review': 5 }, 'platform-review', 3, {}],
    ['stores nothing for the default', {}, 'cooling-period', 48, {}],
  ])('%s', (_name, before, id, length, after) => {
    expect(withPresetLength(before, id, length)).toEqual(after);
  });

  it.each([0, 1001, 1.5, Number.NaN])('refuses length %d', (length) => {
    expect(() => withPresetLength({}, 'platform-review', length)).toThrow(DeadlineInputError);
  });

  it('resets one preset and leaves the rest', () => {
    expect(withoutPresetLength({ 'platform-review': 5, 'seller-response': 2 }, 'platform-review')).toEqual({ 'seller-response': 2 });
    expect(withoutPresetLength({}, 'platform-review')).toEqual({});
  });
});

describe('presetRows', () => {
  it('lists every preset in table order, with the override applied and flagged', () => {
    const rows = presetRows({ 'platform-review': 5 });
    expect(rows.map((r) => r.preset.id)).toEqual([...PRESET_IDS]);
    const review = rows.find((r) => r.preset.id === 'platform-review');
    expect(review).toMatchObject({ defaultLength: 3, overridden: true, preset: { length: 5, unit: 'working-days' } });
    expect(rows.filter((r) => r.overridden)).toHaveLength(1);
  });
});

describe('overrides reach every computed deadline', () => {
  it.each<[string, PresetOverrides, string]>([
    // 2026-09-30 + 3 working days crosses 国庆 to the 10/10 make-up Saturday; 1 day lands on 10/8.
    ['default', {}, '2026-10-10T23:59:59'],
    ['one working day', { 'platform-review': 1 }, '2026-10-08T23:59:59'],
    ['five working days', { 'platform-review': 5 }, '2026-10-13T23:59:59'],
  ])('已申请退款 with %s', (_name, overrides, due) => {
    expect(planTransition('collecting', 'refund-requested', '2026-09-30T10:00:00', overrides).deadlines[0]?.due).toBe(due);
  });

  it('chains a changed acceptance period into mediation', () => {
    const [acceptance, mediation] = proposeDeadlines('complaint-12315', '2026-11-02T09:00:00', { '12315-acceptance': 1 });
    expect(acceptance?.due).toBe('2026-11-03T23:59:59');
    expect(mediation?.start).toBe('2026-11-03T23:59:59');
    expect(mediation?.due).toBe(computeDue(resolvePreset('12315-mediation'), '2026-11-03T23:59:59').due);
  });
});

describe('sanitizeDeadlineSettings', () => {
  it.each<[string, unknown, unknown]>([
    ['nothing stored', undefined, DEFAULT_DEADLINE_SETTINGS],
    ['not an object', 'garbage', DEFAULT_DEADLINE_SETTINGS],
    ['wrong shape', { presetOverrides: [] }, DEFAULT_DEADLINE_SETTINGS],
    ['one bad field costs only that field', { presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: 'soon' }, { presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: [1440, 120, 0] }],
    ['valid', { presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: [30, 1440] }, { presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: [1440, 30] }],
    ['unknown preset dropped', { presetOverrides: { 'platform-revue': 5, constructor: 2 } }, DEFAULT_DEADLINE_SETTINGS],
    ['out-of-range length dropped', { presetOverrides: { 'platform-review': 0, 'seller-response': 2.5, 'cooling-period': 24 } }, { presetOverrides: { 'cooling-period': 24 }, defaultOffsetsMin: [1440, 120, 0] }],
    ['an override equal to the default is not one', { presetOverrides: { 'platform-review': 3 } }, DEFAULT_DEADLINE_SETTINGS],
    ['odd offsets dropped, order fixed', { defaultOffsetsMin: [0, 'x', 1.5, 120, 120, 10_000_000] }, { presetOverrides: {}, defaultOffsetsMin: [120, 0] }],
    ['no reminders by default is a choice', { defaultOffsetsMin: [] }, { presetOverrides: {}, defaultOffsetsMin: [] }],
  ])('%s', (_name, raw, expected) => {
    expect(sanitizeDeadlineSettings(raw)).toEqual(expected);
  });
});

describe('lengths of zero', () => {
  it('are a calendar-day rule\'s "the same day", and too small for any other unit', () => {
    expect(checkPresetLength('seven-day-return', '0')).toEqual({ ok: true, length: 0 });
    expect(checkPresetLength('platform-review', '0')).toEqual({ ok: false, problem: 'too-small', min: 1, max: 1000 });
    expect(checkPresetLength('supplement-materials', '0')).toMatchObject({ ok: false, problem: 'too-small', min: 1 });
  });
});

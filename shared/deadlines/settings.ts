// The buyer's deadline settings: edited preset lengths and the reminder offsets new deadlines start
// with. Pure, so the settings screen, the store and storage all agree on what a valid edit is.
// Only new deadlines use them; a deadline keeps the due time it was computed with.
import { z } from 'zod';
import { normalizeOffsets } from './offsets';
import { DEADLINE_PRESETS, PRESET_IDS, checkRule, getPreset, maxLengthOf, minLengthOf, resolvePreset, type DeadlinePreset, type PresetId, type PresetOverrides } from './presets';
import { DEFAULT_OFFSETS_MIN } from './reminders';

export interface DeadlineSettings {
  presetOverrides: PresetOverrides;
  /** Offsets (minutes before the deadline) a new deadline starts with. */
  defaultOffsetsMin: number[];
}

export const DEFAULT_DEADLINE_SETTINGS: DeadlineSettings = {
  presetOverrides: {},
  defaultOffsetsMin: [...DEFAULT_OFFSETS_MIN],
};

export type LengthProblem = 'empty' | 'not-whole' | 'too-small' | 'too-large';

export type LengthCheck = { ok: true; length: number } | { ok: false; problem: LengthProblem; min: number; max: number };

/** Parses what the buyer typed as a preset's length (a whole number within the unit's sane range). */
export function checkPresetLength(id: PresetId, text: string): LengthCheck {
  const { unit } = getPreset(id);
  const min = minLengthOf(unit);
  const max = maxLengthOf(unit);
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problem: 'empty', min, max };
  if (!/^[+-]?\d+$/.test(trimmed)) return { ok: false, problem: 'not-whole', min, max };
  const length = Number(trimmed);
  if (length < min) return { ok: false, problem: 'too-small', min, max };
  if (length > max) return { ok: false, problem: 'too-large', min, max };
  return { ok: true, length };
}

/**
 * The overrides with `id` set to `length`. Setting the default length removes the override, so a
 * later change to the built-in default reaches buyers who never really changed it.
 */
export function withPresetLength(overrides: PresetOverrides, id: PresetId, length: number): PresetOverrides {
  resolvePreset(id, { [id]: length });
  const { [id]: _old, ...rest } = overrides;
  return getPreset(id).length === length ? rest : { ...rest, [id]: length };
}

export function withoutPresetLength(overrides: PresetOverrides, id: PresetId): PresetOverrides {
  const { [id]: _old, ...rest } = overrides;
  return rest;
}

export interface PresetRow {
  /** The preset as new deadlines will use it (override applied). */
  preset: DeadlinePreset;
  defaultLength: number;
  overridden: boolean;
}

/** Every preset, in table order, as the settings screen lists them. */
export function presetRows(overrides: PresetOverrides): PresetRow[] {
  return DEADLINE_PRESETS.map((p) => {
    const preset = resolvePreset(p.id, overrides);
    return { preset, defaultLength: p.length, overridden: preset.length !== p.length };
  });
}

const storedSchema = z.object({
  presetOverrides: z.record(z.string(), z.unknown()).optional().catch(undefined),
  defaultOffsetsMin: z.array(z.unknown()).optional().catch(undefined),
});

/**
 * Settings read back from storage, with anything unusable dropped entry by entry: an unknown
 * preset, a length out of range or an odd offset costs that one entry, never the rest.
 */
export function sanitizeDeadlineSettings(raw: unknown): DeadlineSettings {
  const parsed = storedSchema.safeParse(raw);
  if (!parsed.success) return { ...DEFAULT_DEADLINE_SETTINGS, defaultOffsetsMin: [...DEFAULT_OFFSETS_MIN] };
  const presetOverrides: PresetOverrides = {};
  for (const id of PRESET_IDS) {
    const length = parsed.data.presetOverrides?.[id];
    if (typeof length !== 'number') continue;
    const preset = getPreset(id);
    if (preset.editable && length !== preset.length && checkRule({ length, unit: preset.unit }) === null) presetOverrides[id] = length;
  }
  const offsets = parsed.data.defaultOffsetsMin;
  const defaultOffsetsMin =
    offsets === undefined ? [...DEFAULT_OFFSETS_MIN] : normalizeOffsets(offsets.filter((o): o is number => typeof o === 'number'));
  return { presetOverrides, defaultOffsetsMin };
}

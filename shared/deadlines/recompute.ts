// When the buyer loads a holiday file (issue 12), deadlines counted with the provisional rule (a
// year without a published notice) are counted again; the caller stores and announces the changes.
import type { DeadlineRecord } from '../domain/deadline';
import { computeDue } from './due';
import { resolvePreset, type PresetOverrides } from './presets';

export interface Recomputed {
  id: string;
  label: string;
  before: string;
  due: string;
  dueAt: number;
  provisional: boolean;
}

/**
 * Open provisional deadlines from a preset, counted again from their own start with the calendar as
 * it is now. Typed-in deadlines keep their date (the buyer gave it), and done ones are history.
 */
export function recomputeProvisional(deadlines: readonly DeadlineRecord[], overrides: PresetOverrides = {}): Recomputed[] {
  const out: Recomputed[] = [];
  for (const d of deadlines) {
    if (d.done || !d.provisional || d.presetId === null || d.start === '') continue;
    const r = computeDue(resolvePreset(d.presetId, overrides), d.start);
    if (r.due === d.due && r.provisional === d.provisional) continue;
    out.push({ id: d.id, label: d.label, before: d.due, due: r.due, dueAt: r.dueAt, provisional: r.provisional });
  }
  return out;
}

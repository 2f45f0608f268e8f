import { describe, expect, it } from 'vitest';
import { isTrashExpired, purgeStep, trashDaysLeft } from './trash';

const DAY = 24 * 60 * 60 * 1000;
const t0 = Date.UTC(2026, 10, 1, 4, 0, 0);

describe('trash timing', () => {
  it.each([
    [0, 30, false],
    [60_000, 30, false],
    [DAY, 29, false],
    [29 * DAY + 1, 1, false],
    [30 * DAY - 1, 1, false],
    [30 * DAY, 0, true],
    [400 * DAY, 0, true],
  ])('%i ms after trashing: %i days left, expired %s', (elapsed, left, expired) => {
    expect(trashDaysLeft(t0, t0 + elapsed)).toBe(left);
    expect(isTrashExpired(t0, t0 + elapsed)).toBe(expired);
  });

  it('treats a clock set back before the trashing as fresh, never expired', () => {
    expect(trashDaysLeft(t0, t0 - 5 * DAY)).toBe(35);
    expect(isTrashExpired(t0, t0 - 5 * DAY)).toBe(false);
  });
});

describe('purgeStep', () => {
  const a = 'a'.repeat(64);
  it.each([
    [new Set<string>(), false, 'delete-blob'],
    [new Set<string>(), true, 'delete-blob'],
    [new Set([a]), true, 'drop-copy'],
    [new Set([a]), false, 'return-blob'],
  ] as const)('live %o, in vault %s → %s', (live, inVault, step) => {
    expect(purgeStep(a, live, inVault)).toBe(step);
  });
});

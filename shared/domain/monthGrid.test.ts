import { describe, expect, it } from 'vitest';
import { monthGrid, shiftMonth } from './monthGrid';

describe('monthGrid', () => {
  it.each([
    ['2026-10', '2026-09-28', '2026-11-01', 35],
    ['2026-02', '2026-01-26', '2026-03-01', 35],
    ['2026-03', '2026-02-23', '2026-04-05', 42],
    ['2027-02', '2027-02-01', '2027-02-28', 28],
  ])('%s runs %s … %s (%d cells)', (month, first, last, cells) => {
    const grid = monthGrid(month);
    expect(grid).toHaveLength(cells);
    expect(grid[0]?.ymd).toBe(first);
    expect(grid.at(-1)?.ymd).toBe(last);
    expect(grid.filter((d) => d.inMonth).every((d) => d.ymd.startsWith(month))).toBe(true);
  });

  it('shifts across years', () => {
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
  });
});

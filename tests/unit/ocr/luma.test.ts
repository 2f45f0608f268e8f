import { describe, expect, it } from 'vitest';
import { medianLuma } from '../../../electron/main/ocr/luma';

describe('medianLuma', () => {
  it.each([
    ['light grey page', new Uint8Array(700).fill(240), 1, 240],
    ['dark grey page', new Uint8Array(700).fill(20), 1, 20],
    ['mostly dark with some light', Uint8Array.from({ length: 700 }, (_, i) => (i % 70 < 49 ? 10 : 250)), 1, 10],
    // No pixels: the first bucket already holds half of nothing (as both copies behaved before).
    ['empty', new Uint8Array(0), 1, 0],
  ] as const)('%s (grey)', (_label, data, channels, want) => {
    expect(medianLuma(data, channels)).toBe(want);
  });

  it('reads RGB as luma of the same pixels', () => {
    const grey = Uint8Array.from({ length: 700 }, (_, i) => (i * 37) % 256);
    const rgb = Uint8Array.from({ length: grey.length * 3 }, (_, i) => grey[Math.floor(i / 3)] ?? 0);
    expect(medianLuma(rgb, 3)).toBe(medianLuma(grey, 1));
    // Pure red is dark to the eye, pure green light: weighted luma, not an average.
    expect(medianLuma(Uint8Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? 255 : 0)), 3)).toBe(76);
    expect(medianLuma(Uint8Array.from({ length: 300 }, (_, i) => (i % 3 === 1 ? 255 : 0)), 3)).toBe(150);
  });
});

// The tesseract.js fallback on a long scroll (electron/main/ocr/tesseractBands.ts): a narrow, tall
// screenshot that preparation would enlarge to tens of millions of pixels is read in bands cut at
// blank rows, and every line comes back once at its own place in the original.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createOcrEngine } from '../../../electron/main/ocr/engine';
import { ocrImage } from '../../../electron/main/ocr/pipeline';
import { DEFAULT_RECIPE } from '../../../electron/main/ocr/preprocess';
import { lastBlankRow, needsBands } from '../../../electron/main/ocr/tesseractBands';
import { makeTallImage } from '../../ocr-corpus/tall';

let engine: OcrEngine;

beforeAll(async () => {
  engine = createOcrEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 60_000);

afterAll(async () => {
  await engine.terminate();
});

describe('tesseract.js on a long scroll', () => {
  it('bands only what preparation would blow up', () => {
    expect(needsBands(1170, 2532, DEFAULT_RECIPE)).toBe(false);
    expect(needsBands(1170, 7500, DEFAULT_RECIPE)).toBe(false);
    expect(needsBands(300, 894_000, DEFAULT_RECIPE)).toBe(true);
    expect(needsBands(300, 20_000, DEFAULT_RECIPE)).toBe(true);
  });

  it('finds the last blank row of a band', () => {
    const grey = Buffer.alloc(4 * 6, 255);
    grey.fill(0, 4 * 4, 4 * 4 + 2);
    expect(lastBlankRow(grey, 4, 0, 6)).toBe(5);
    expect(lastBlankRow(grey, 4, 0, 5)).toBe(3);
    expect(lastBlankRow(grey, 4, 4, 5)).toBe(-1);
  });

  it('reads a 300×20,000 scroll in bands: top, middle and bottom lines at their own rows', async () => {
    const tall = await makeTallImage({ height: 20_000, every: 1000 });
    const result = await ocrImage(engine, tall.png);
    expect(result.kind).toBe('tesseract');
    expect(result.preprocess.steps[0]).toMatch(/^\d+ bands$/);
    expect(result.preprocess.original).toEqual({ width: 300, height: 20_000 });
    for (const [tag, marker] of [['TOP', tall.markers.top], ['MID', tall.markers.middle], ['END', tall.markers.bottom]] as const) {
      const words = result.words.filter((w) => w.text.includes(tag));
      expect(words, tag).toHaveLength(1);
      expect(words[0]?.bbox.y0).toBeGreaterThanOrEqual(marker.y - 6);
      expect(words[0]?.bbox.y0).toBeLessThan(marker.y + 16);
    }
    const order = ['TOP', 'MID', 'END'].map((tag) => result.rawText.indexOf(tag));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(order[0]).toBeGreaterThanOrEqual(0);
  }, 240_000);
});

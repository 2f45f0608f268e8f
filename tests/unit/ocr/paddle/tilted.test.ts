// PP-OCR on phone photos held off level: the worker turns them level before reading, so ids,
// times and the amount come through, and word boxes still land on the photo as it was given.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toScanJson } from '../../../../shared/extract';
import type { OcrEngine } from '../../../../electron/main/ocr/engine';
import { chatAppHint, extractWithHints } from '../../../../electron/main/ocr/hints';
import { createPaddleEngine } from '../../../../electron/main/ocr/paddle/engine';
import { ocrImage } from '../../../../electron/main/ocr/pipeline';
import { corpusImage } from '../support';

let engine: OcrEngine;

beforeAll(async () => {
  engine = createPaddleEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 60_000);

afterAll(async () => {
  await engine.terminate();
});

describe('PP-OCR on tilted photos', () => {
  // Without the turn, this set read no id and no time at all (axis-aligned boxes cut across lines).
  it.each([
    [0, 4],
    [4, -5],
  ])('corpus page %i photographed %f° off level reads as the level page does', async (index, deg) => {
    const { path: file, truth } = corpusImage(index);
    const photo = await sharp(await readFile(file)).rotate(deg, { background: '#3a3a3a' }).jpeg({ quality: 85 }).toBuffer();
    const { width, height } = await sharp(photo).metadata();
    const result = await ocrImage(engine, photo);
    const scan = toScanJson(extractWithHints({ text: result.rawText, words: result.words }, { capturedAt: truth.capturedAt, anchorTrusted: true }, await chatAppHint(photo)), truth.capturedAt, 'filename');
    expect(scan.orderNumbers).toEqual(truth.orderNumbers);
    expect([...scan.timestamps].sort()).toEqual([...truth.timestamps].sort());
    expect(scan.amount).toBe(truth.amount);
    expect(result.words.length).toBeGreaterThan(5);
    for (const w of result.words) {
      expect(w.bbox.x0).toBeGreaterThanOrEqual(0);
      expect(w.bbox.x1).toBeLessThanOrEqual(width);
      expect(w.bbox.y1).toBeLessThanOrEqual(height);
    }
    // The order number's box is on the photo where the number is: inside the turned page, not in a corner.
    const id = truth.orderNumbers[0];
    const box = result.words.find((w) => id !== undefined && w.text.includes(id.slice(0, 8)))?.bbox;
    expect(box).toBeDefined();
    if (box) expect((box.x0 + box.x1) / 2).toBeGreaterThan(width * 0.2);
  }, 60_000);
});

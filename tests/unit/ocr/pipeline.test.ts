// End to end on real corpus screenshots: sharp preprocessing, the real tesseract.js pool and the
// shared extractors, checked against each image's ground truth. One single-worker pool serves the
// whole file so the suite stays within a few seconds per image on two cores.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toScanJson } from '../../../shared/extract';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createOcrEngine } from '../../../electron/main/ocr/engine';
import { extractEvidenceFields } from '../../../electron/main/fields/extract';
import { ocrImage } from '../../../electron/main/ocr/pipeline';
import { corpusImage } from './support';

let engine: OcrEngine;

beforeAll(async () => {
  engine = createOcrEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 30_000);

afterAll(async () => {
  await engine.terminate();
});

describe('OCR pipeline on corpus screenshots', () => {
  it.each([
    [0, 'Taobao order page, recompressed JPEG, 400 number and tracking number as distractors'],
    [26, 'Alipay bill, shrunk forward (upscaled back), -xx.xx amount'],
    [44, 'QQ chat with white text on blue bubbles (flipped), 前天 stamp'],
    [40, 'QQ refund-scam chat: private contact and QR-code refund'],
    [35, 'WeChat chat, green bubbles, 12-hour 上午 stamps, Pinduoduo order number'],
  ])('image %i: %s', async (index) => {
    const { path: file, truth } = corpusImage(index);
    const bytes = await readFile(file);
    const result = await ocrImage(engine, bytes);
    const scan = toScanJson(await extractEvidenceFields({ kind: 'image', image: bytes, ocr: result, capturedAt: truth.capturedAt, captureSource: 'filename' }), truth.capturedAt, 'filename');

    expect(scan.orderNumbers).toEqual(truth.orderNumbers);
    expect(scan.transactionIds).toEqual(truth.transactionIds);
    expect([...scan.timestamps].sort()).toEqual([...truth.timestamps].sort());
    expect(scan.amount).toBe(truth.amount);
    expect(scan.scam).toBe(truth.scam);
    expect({ platform: scan.platform, kind: scan.kind }).toEqual({ platform: truth.platform, kind: truth.kind });

    // The record says what was done, and the text is the cleaned one (no spaces between Han characters).
    expect(result.preprocess.steps[0]).toBe('greyscale');
    expect(result.engine).toMatch(/^tesseract\.js 7\.\d+\.\d+ chi_sim\+eng/);
    expect(result.text).not.toMatch(/[\u4e00-\u9fff] [\u4e00-\u9fff]/);
    expect(result.ms).toBeGreaterThan(0);
  });

  it('maps word boxes back to the original pixels of a shrunk screenshot', async () => {
    const { path: file, truth } = corpusImage(26);
    const bytes = await readFile(file);
    const result = await ocrImage(engine, bytes);
    const { width, height } = truth.variant.pixels;
    expect(result.preprocess.scale).toBeGreaterThan(1);
    expect(result.preprocess.original).toEqual({ width, height });
    expect(result.words.length).toBeGreaterThan(20);
    for (const w of result.words) {
      expect(w.bbox.x0).toBeGreaterThanOrEqual(0);
      expect(w.bbox.x1).toBeLessThanOrEqual(width);
      expect(w.bbox.y1).toBeLessThanOrEqual(height);
      expect(w.bbox.x0).toBeLessThanOrEqual(w.bbox.x1);
    }
    // The transaction id's field box sits on the page, in the lower half where the bill lists it.
    const extraction = await extractEvidenceFields({ kind: 'image', image: bytes, ocr: result, capturedAt: truth.capturedAt, captureSource: 'filename' });
    const box = extraction.transactionIds[0]?.box;
    expect(box).not.toBeNull();
    expect(box?.y0).toBeGreaterThan(height * 0.3);
    expect(box?.x1).toBeLessThanOrEqual(width);
  });
});

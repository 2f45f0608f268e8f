// The real PP-OCR engine (onnxruntime-node in a worker thread) on corpus screenshots: text,
// word boxes in original pixels, banded reading of a tall image, cancel, and the auto engine.
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toScanJson } from '../../../../shared/extract';
import { createAutoEngine } from '../../../../electron/main/ocr/auto';
import type { OcrEngine } from '../../../../electron/main/ocr/engine';
import { OcrEngineError } from '../../../../electron/main/ocr/engine';
import { chatAppHint, extractWithHints } from '../../../../electron/main/ocr/hints';
import { createPaddleEngine } from '../../../../electron/main/ocr/paddle/engine';
import { ocrImage } from '../../../../electron/main/ocr/pipeline';
import { makeTallImage } from '../../../ocr-corpus/tall';
import { corpusImage } from '../support';

let engine: OcrEngine;

beforeAll(async () => {
  engine = createPaddleEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 60_000);

afterAll(async () => {
  await engine.terminate();
});

describe('PP-OCR engine', () => {
  it('reads an order page: ids, times and amount through the shared extraction, boxes on the image', async () => {
    const { path: file, truth } = corpusImage(0);
    const bytes = await readFile(file);
    const result = await ocrImage(engine, bytes);
    expect(result.kind).toBe('paddle');
    const scan = toScanJson(extractWithHints({ text: result.rawText, words: result.words }, { capturedAt: truth.capturedAt, anchorTrusted: true }, await chatAppHint(bytes)), truth.capturedAt, 'filename');
    expect(scan.orderNumbers).toEqual(truth.orderNumbers);
    expect([...scan.timestamps].sort()).toEqual([...truth.timestamps].sort());
    expect(scan.amount).toBe(truth.amount);
    const { width, height } = truth.variant.pixels;
    for (const w of result.words) {
      expect(w.bbox.x1).toBeLessThanOrEqual(width);
      expect(w.bbox.y1).toBeLessThanOrEqual(height);
    }
    const id = truth.orderNumbers[0] ?? '';
    expect(result.words.some((w) => w.text.includes(id.slice(0, 8)))).toBe(true);
  }, 60_000);

  it('reads a tall image in bands and keeps boxes in the original pixels', async () => {
    const { path: file, truth } = corpusImage(0);
    const shot = await readFile(file);
    const { width, height } = await sharp(shot).metadata();
    const offset = 9000;
    const tall = await sharp({ create: { width, height: height + offset, channels: 3, background: '#ffffff' } })
      .composite([{ input: shot, top: offset, left: 0 }])
      .png({ compressionLevel: 1 })
      .toBuffer();
    const result = await ocrImage(engine, tall);
    const id = truth.orderNumbers[0] ?? '';
    const word = result.words.find((w) => w.text.includes(id.slice(0, 8)));
    expect(word?.bbox.y0).toBeGreaterThan(offset);
    // Each id appears once: the band overlap does not read a line twice.
    expect(result.rawText.split(id.slice(0, 8)).length - 1).toBe(1);
  }, 120_000);

  it('reads a 300×894,000 scroll whole, in bands: top, middle and bottom lines at their own rows, each line once', async () => {
    // Issue 19: this image decodes to 268 M pixels; it used to run into the timeout at ~1 GB.
    const tall = await makeTallImage({ every: 7450 });
    const result = await ocrImage(engine, tall.png);
    expect(result.preprocess.original).toEqual({ width: 300, height: 894_000 });
    const rows = result.rawText.split('\n').filter((l) => l.trim() !== '');
    expect(rows).toHaveLength(tall.lines);
    for (const [tag, marker] of [['TOP', tall.markers.top], ['MID', tall.markers.middle], ['END', tall.markers.bottom]] as const) {
      const words = result.words.filter((w) => w.text.includes(tag));
      expect(words, tag).toHaveLength(1);
      // The glyphs' box starts a few pixels below the line's top and is about one text line tall.
      expect(words[0]?.bbox.y0).toBeGreaterThanOrEqual(marker.y - 4);
      expect(words[0]?.bbox.y0).toBeLessThan(marker.y + 12);
      expect(words[0]?.bbox.y1).toBeLessThan(marker.y + 45);
      expect(rows.some((r) => r.replace(/\s/g, '') === marker.text.replace(/\s/g, ''))).toBe(true);
    }
    expect(rows.findIndex((r) => r.includes('TOP'))).toBe(0);
    expect(rows.findIndex((r) => r.includes('END'))).toBe(rows.length - 1);
  }, 600_000);

  it('cancels a queued read', async () => {
    const controller = new AbortController();
    const pending = engine.recognize(await readFile(corpusImage(1).path), { signal: controller.signal });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ code: 'cancelled' });
  });

  it('the auto engine falls back to tesseract.js when the models cannot load, and says so', async () => {
    const reasons: string[] = [];
    const auto = createAutoEngine({ size: 1, idleMs: 0, paddle: { modelDir: '/nonexistent-models' }, onFallback: (r) => reasons.push(r) });
    try {
      const result = await ocrImage(auto, await readFile(corpusImage(0).path));
      expect(result.kind).toBe('tesseract');
      expect(reasons[0]).toMatch(/PP-OCR/);
    } finally {
      await auto.terminate();
    }
  }, 60_000);

  it('a forced paddle engine reports a start failure instead of falling back', async () => {
    const auto = createAutoEngine({ size: 1, idleMs: 0, prefer: 'paddle', paddle: { modelDir: '/nonexistent-models' } });
    try {
      await expect(auto.recognize(await readFile(corpusImage(0).path))).rejects.toBeInstanceOf(OcrEngineError);
    } finally {
      await auto.terminate();
    }
  });
});

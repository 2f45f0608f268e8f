// The second reader: tesseract.js re-reads each extracted value from its own crop of the original.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees, confirmFields, createSecondReader } from '../../../electron/main/ocr/confirm';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { extractWithHints } from '../../../electron/main/ocr/hints';
import { ocrImage } from '../../../electron/main/ocr/pipeline';
import { createPaddleEngine } from '../../../electron/main/ocr/paddle/engine';
import { corpusImage } from './support';

describe('agrees', () => {
  it('needs the whole id, the amount to the cent, and three time groups in order', () => {
    expect(agrees('orderNumbers', '3583419100870178505', '订单编号 3583419100870178505 复制')).toBe(true);
    expect(agrees('orderNumbers', '3583419100870178505', '358341910087017850')).toBe(false);
    expect(agrees('amount', '80.50', '实付款 ¥80.50')).toBe(true);
    expect(agrees('amount', '80.50', '¥86.50')).toBe(false);
    expect(agrees('timestamps', '2026-09-24T20:44:50', '2026-09-24 20:44:50')).toBe(true);
    expect(agrees('timestamps', '2026-09-24T20:44:50', '9月24日 20:44')).toBe(true);
    expect(agrees('timestamps', '2026-09-24T20:44:50', '2026-09-24 20:41:50')).toBe(false);
  });
});

describe('confirmFields on a real screenshot', () => {
  let paddle: OcrEngine;
  let second: OcrEngine;
  beforeAll(async () => {
    paddle = createPaddleEngine({ size: 1, idleMs: 0 });
    second = createSecondReader(1);
  });
  afterAll(async () => {
    await Promise.all([paddle.terminate(), second.terminate()]);
  });

  it('agrees on values read right, and flags a value the crop does not show', async () => {
    const { path: file, truth } = corpusImage(0);
    const bytes = await readFile(file);
    const result = await ocrImage(paddle, bytes);
    const extraction = extractWithHints({ text: result.rawText, words: result.words }, { capturedAt: truth.capturedAt, anchorTrusted: true }, null);
    const { agreement } = await confirmFields(second, bytes, extraction);
    expect(agreement.orderNumbers).toEqual([true]);
    expect(agreement.amount).toBe(true);

    // The same box with a different value: the second reader must not confirm it.
    const first = extraction.orderNumbers[0];
    if (!first) throw new Error('no order number');
    const forged = { ...extraction, orderNumbers: [{ ...first, value: first.value.replace(/\d$/, (d) => String((Number(d) + 1) % 10)) }] };
    const { agreement: bad } = await confirmFields(second, bytes, forged);
    expect(bad.orderNumbers).toEqual([false]);
  }, 120_000);
});

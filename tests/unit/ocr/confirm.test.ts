// The second reader: tesseract.js re-reads each extracted value from its own crop of the original.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agrees, confirmFields, createSecondReader, rowsOf } from '../../../electron/main/ocr/confirm';
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

  it('accepts groups run together only when every digit is there, in order, and nothing else', () => {
    expect(agrees('timestamps', '2026-10-12T12:13:18', '2026-10-1212:13:18')).toBe(true);
    expect(agrees('timestamps', '2026-10-11T11:07:42', '2026 10 11 110742')).toBe(true);
    expect(agrees('timestamps', '2026-11-03T12:43:50', '2026 11 3 124350')).toBe(true);
    // A stray digit (月 read as 1) or a wrong one is not the value.
    expect(agrees('timestamps', '2026-11-03T12:43:50', '2026 111 3 12:43:50')).toBe(false);
    expect(agrees('timestamps', '2026-10-12T12:13:18', '2026-10-1212:13:19')).toBe(false);
    expect(agrees('timestamps', '2026-11-22T21:17:18', '12026-11-22 21:17:18')).toBe(false);
  });

  it('confirms only the time of day of a stamp whose date was inferred', () => {
    // A chat's 昨天 20:56: two groups are all the screen shows.
    expect(agrees('timestamps', '2026-10-08T20:56', '20:56', 'inferred')).toBe(true);
    expect(agrees('timestamps', '2026-10-08T20:56', '20:56', 'approx')).toBe(true);
    expect(agrees('timestamps', '2026-10-08T20:56', '20:58', 'inferred')).toBe(false);
    // 晚上8:56 and 凌晨0:22 / 12:22: the hour on the 12-hour clock.
    expect(agrees('timestamps', '2026-10-08T20:56', '8:56', 'inferred')).toBe(true);
    expect(agrees('timestamps', '2026-10-08T00:22', '12:22', 'inferred')).toBe(true);
    expect(agrees('timestamps', '2026-10-08T20:56', '9:56', 'inferred')).toBe(false);
    // A date shown whole still needs three groups.
    expect(agrees('timestamps', '2026-10-08T20:56', '20:56')).toBe(false);
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

  it('paints the Chinese label out of a crop that holds it, and reads a wrapped value row by row', async () => {
    const { path: file, truth } = corpusImage(0);
    const bytes = await readFile(file);
    const result = await ocrImage(paddle, bytes);
    const extraction = extractWithHints({ text: result.rawText, words: result.words }, { capturedAt: truth.capturedAt, anchorTrusted: true }, null);
    const first = extraction.orderNumbers[0];
    if (!first?.box) throw new Error('no boxed order number');
    const box = first.box;
    // The label to the value's left on the same row, as a glued label used to come out (one box).
    const label = result.words.find((w) => !/[0-9A-Za-z]/.test(w.text) && w.bbox.x1 <= box.x0 + 2 && Math.abs(w.bbox.y0 - box.y0) < 8);
    if (!label) throw new Error('no label beside the order number');
    const glued = { ...extraction, orderNumbers: [{ ...first, box: { ...box, x0: label.bbox.x0 } }], transactionIds: [], timestamps: [], amount: null };
    const masked = await confirmFields(second, bytes, glued, { words: result.words });
    expect(masked.agreement.orderNumbers).toEqual([true]);
    // Nothing of the label is left to read: no stray letters or digits around the value.
    expect(masked.checks[0]?.reread.replace(/[^0-9A-Za-z]/g, '')).toBe(first.value);

    // The same value's box stretched over the next row too: each row is read on its own.
    const below = result.words.find((w) => w.bbox.y0 >= box.y1 && /[0-9]/.test(w.text) && w.bbox.x0 < box.x1 && w.bbox.x1 > box.x0);
    if (!below) throw new Error('nothing below the order number');
    const rows = rowsOf({ ...box, y1: below.bbox.y1 }, result.words);
    expect(rows).toHaveLength(2);
    expect(rows[0]?.y1).toBeLessThanOrEqual(below.bbox.y0 + 1);
  }, 120_000);
});

// The pure parts of the PP-OCR pipeline: DB boxes from a probability map, CTC decoding and reading order.
import { describe, expect, it } from 'vitest';
import { DET_DEFAULTS, ctcDecode, detBoxes, lineWords, readingOrder } from '../../../../electron/main/ocr/paddle/geometry';
import type { Line } from '../../../../electron/main/ocr/paddle/geometry';

function map(width: number, height: number, rects: Array<[number, number, number, number, number]>): Float32Array {
  const m = new Float32Array(width * height);
  for (const [x0, y0, x1, y1, p] of rects) for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * width + x] = p;
  return m;
}

describe('detBoxes', () => {
  it('boxes each confident region and grows it by the DB unclip distance', () => {
    const boxes = detBoxes(map(100, 40, [[10, 10, 50, 20, 0.9], [60, 10, 90, 20, 0.9]]), 100, 40);
    expect(boxes).toHaveLength(2);
    // 40×10 region: d = 400 × 1.5 / 100 = 6.
    expect(boxes[0]).toEqual({ x0: 4, y0: 4, x1: 56, y1: 26 });
  });

  it('drops regions below the box threshold and specks below the minimum size', () => {
    const boxes = detBoxes(map(100, 40, [[10, 10, 50, 20, 0.4], [70, 10, 72, 30, 0.95]]), 100, 40);
    expect(boxes).toEqual([]);
    expect(DET_DEFAULTS.boxThresh).toBeGreaterThan(0.4);
  });
});

describe('ctcDecode', () => {
  it('merges repeats, drops blanks and keeps each character’s time step', () => {
    const keys = ['a', 'b'];
    // classes: blank, a, b, space; steps: a a blank a b
    const best = [1, 1, 0, 1, 2];
    const out = new Float32Array(best.length * 4);
    best.forEach((c, t) => {
      out[t * 4 + c] = 0.8;
    });
    const d = ctcDecode(out, 0, best.length, 4, keys);
    expect(d.text).toBe('aab');
    expect(d.steps).toEqual([0, 3, 4]);
    expect(d.confidence).toBeCloseTo(0.8);
  });
});

describe('readingOrder', () => {
  const line = (text: string, x0: number, y0: number, x1: number, y1: number): Line => ({ text, confidence: 0.9, box: { x0, y0, x1, y1 }, charX: [...text].map((_, i) => x0 + ((i + 0.5) * (x1 - x0)) / text.length) });

  it('joins lines side by side into one row and orders rows top to bottom', () => {
    const r = readingOrder([line('2026-11-19 07:37', 300, 52, 500, 70), line('下单时间', 10, 50, 90, 72), line('订单号', 10, 10, 70, 30)]);
    expect(r.text).toBe('订单号\n下单时间 2026-11-19 07:37\n');
    expect(r.words.map((w) => w.text)).toEqual(['订单号', '下单时间', '2026-11-19', '07:37']);
  });

  it('splits a line into words at spaces with boxes from the character positions', () => {
    const words = lineWords(line('ab cd', 0, 0, 50, 10));
    expect(words.map((w) => [w.text, w.bbox.x0, w.bbox.x1])).toEqual([
      ['ab', 0, 20],
      ['cd', 30, 50],
    ]);
  });

  it('splits a label from the value glued to it, at the halfway point between their characters', () => {
    // 订单号：2026 over 0…80: characters centred at 5, 15, …, 75.
    const words = lineWords(line('订单号：2026', 0, 0, 80, 10));
    expect(words.map((w) => [w.text, w.bbox.x0, w.bbox.x1])).toEqual([
      ['订单号：', 0, 40],
      ['2026', 40, 80],
    ]);
    // Money and dates come apart into their parts; the extraction matches across words all the same.
    expect(lineWords(line('￥59.00', 0, 0, 60, 10)).map((w) => w.text)).toEqual(['￥', '59.00']);
    expect(lineWords(line('2026年9月', 0, 0, 70, 10)).map((w) => w.text)).toEqual(['2026', '年', '9', '月']);
    expect(lineWords(line('iPhone 15 Pro', 0, 0, 130, 10)).map((w) => w.text)).toEqual(['iPhone', '15', 'Pro']);
    // A colon read as ASCII, or a ¥, stays with its label.
    expect(lineWords(line('下单时间:2026/09/15', 0, 0, 150, 10)).map((w) => w.text)).toEqual(['下单时间:', '2026/09/15']);
    expect(lineWords(line('实付款¥59.00', 0, 0, 90, 10)).map((w) => w.text)).toEqual(['实付款¥', '59.00']);
    expect(lineWords(line('D2026-11-09，已发货', 0, 0, 160, 10)).map((w) => w.text)).toEqual(['D2026-11-09', '，已发货']);
  });
});

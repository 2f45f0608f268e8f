import { describe, expect, it } from 'vitest';
import { indexWords, locate, toField } from './boxes';
import type { OcrWord } from './types';

const word = (text: string, x0: number, y0: number, confidence = 90): OcrWord => ({ text, confidence, bbox: { x0, y0, x1: x0 + 10 * text.length, y1: y0 + 20 } });

describe('locate', () => {
  const words = [word('订单号', 0, 0), word('3789654123', 40, 0), word('456789012', 150, 0, 50), word('订单号', 0, 100), word('3789654123456789012', 40, 100)];
  const text = '订单号 3789654123456789012\n订单号 3789654123456789012';
  const index = indexWords(words);

  it('spans a value split over two words', () => {
    expect(locate(index, text, { start: 4, end: 23 })).toEqual({ box: { x0: 40, y0: 0, x1: 240, y1: 20 }, ocrConfidence: 0.7 });
  });

  it('picks the copy at the same position when a value repeats', () => {
    expect(locate(index, text, { start: 28, end: 47 })?.box).toEqual({ x0: 40, y0: 100, x1: 230, y1: 120 });
  });

  it('matches through OCR confusions the cleanup repaired', () => {
    const noisy = indexWords([word('实付款', 0, 0), word('#', 40, 0), word('149.9O', 60, 0)]);
    expect(locate(noisy, '实付款 ¥149.90', { start: 4, end: 11 })?.box).toEqual({ x0: 40, y0: 0, x1: 120, y1: 20 });
  });

  it('returns null when the words do not hold the value', () => {
    expect(locate(index, '订单号 1111111111111111111', { start: 4, end: 23 })).toBeNull();
  });
});

describe('toField', () => {
  const hit = { value: '3789654123456789012', start: 4, end: 23, line: 1, confidence: 0.9, label: '订单号' };

  it('scales confidence by OCR confidence and keeps the label', () => {
    const index = indexWords([word('订单号', 0, 0), word('3789654123456789012', 40, 0, 100)]);
    expect(toField(hit, '订单号 3789654123456789012', index)).toEqual({ value: hit.value, confidence: 0.9, box: { x0: 40, y0: 0, x1: 230, y1: 20 }, line: 1, label: '订单号' });
  });

  it('has no box without words', () => {
    expect(toField(hit, '订单号 3789654123456789012', null)).toMatchObject({ box: null, confidence: 0.9 });
  });
});

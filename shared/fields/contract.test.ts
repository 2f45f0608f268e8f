// The fields schema is what main reads its stored files with and what the renderer checks replies
// with: it must keep every part of an Extraction (a dropped key would silently vanish) and refuse
// what is out of bounds.
import { describe, expect, it } from 'vitest';
import type { Extraction } from '../extract/types';
import { FIELDS_LIMITS, extractionSchema } from './contract';

const base: Extraction = {
  platform: 'qq',
  kind: 'chat',
  orderNumbers: [{ value: '3456789012345678901', confidence: 0.9, box: null, label: '订单号', line: 3, scheme: 'taobao' }],
  transactionIds: [],
  trackingNumbers: [],
  timestamps: [{ value: '2026-11-16T21:14:05', confidence: 1, box: { x0: 1, y0: 2, x1: 3, y1: 4 } }],
  amount: null,
  scam: true,
  scamSignals: [{ id: 'deposit', label: '要求先交保证金', strength: 'strong', excerpt: '先交200元保证金', messageIndex: 1, line: 11 }],
  text: '2026-11-16 21:14:05 客服: 先交200元保证金',
};

describe('extractionSchema', () => {
  it('keeps every field of an extraction, the truncation mark included', () => {
    expect(extractionSchema.parse(base)).toEqual(base);
    expect(extractionSchema.parse({ ...base, truncated: true })).toEqual({ ...base, truncated: true });
  });

  it('refuses text beyond the bound', () => {
    expect(extractionSchema.safeParse({ ...base, text: 'x'.repeat(FIELDS_LIMITS.textChars + 1) }).success).toBe(false);
  });
});

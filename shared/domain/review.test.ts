import { describe, expect, it } from 'vitest';
import type { Extraction } from '../extract/types';
import { caseFillFrom, fieldKey, reviewFields, suggestedKind, timelineStamps } from './review';

const box = { x0: 1, y0: 2, x1: 3, y1: 4 };
const extraction: Extraction = {
  platform: 'tmall',
  kind: 'order',
  orderNumbers: [{ value: '3456789012345678901', confidence: 0.9, box, label: '订单编号', scheme: 'tmall' }],
  transactionIds: [{ value: '2026111522001456781234567890', confidence: 0.95, box, scheme: 'alipay' }],
  trackingNumbers: [],
  timestamps: [
    { value: '2026-11-15T20:31:07', confidence: 0.8, box },
    { value: '2026-11-15T20:31:40', confidence: 0.9, box },
  ],
  amount: { value: '149.90', confidence: 0.7, box, label: '实付款' },
  scam: false,
  scamSignals: [],
  text: '',
};

describe('reviewFields', () => {
  it('flattens every field with a stable key', () => {
    const fields = reviewFields(extraction, {});
    expect(fields.map((f) => f.type)).toEqual(['orderNumber', 'transactionId', 'amount', 'timestamp', 'timestamp']);
    expect(fields.every((f) => f.status === 'auto' && f.value === f.original)).toBe(true);
  });

  it('applies corrections by what OCR read, so they survive re-OCR', () => {
    const fields = reviewFields(extraction, {
      [fieldKey('amount', '149.90')]: { status: 'edited', value: '149.00' },
      [fieldKey('timestamp', '2026-11-15T20:31:40')]: { status: 'deleted', value: '' },
      [fieldKey('orderNumber', 'gone')]: { status: 'confirmed', value: 'gone' },
    });
    expect(fields.find((f) => f.type === 'amount')).toMatchObject({ value: '149.00', original: '149.90', status: 'edited' });
    expect(timelineStamps(fields)).toEqual([{ at: '2026-11-15T20:31:07', basis: 'shown' }]);
  });
});

describe('caseFillFrom', () => {
  it('prefers what the buyer confirmed or edited, then confidence', () => {
    const auto = caseFillFrom(reviewFields(extraction, {}), 'tmall');
    expect(auto).toEqual({ orderNumber: '3456789012345678901', amount: '149.90', purchasedAt: '2026-11-15T20:31', platform: 'taobao' });
    const edited = caseFillFrom(reviewFields(extraction, { [fieldKey('timestamp', '2026-11-15T20:31:07')]: { status: 'confirmed', value: '2026-11-15T20:31:07' } }), 'unknown');
    expect(edited.purchasedAt).toBe('2026-11-15T20:31');
    expect(edited.platform).toBeUndefined();
  });

  it('never invents a time for a date-only stamp', () => {
    const dateOnly: Extraction = { ...extraction, timestamps: [{ value: '2026-11-15', confidence: 1, box: null }] };
    expect(caseFillFrom(reviewFields(dateOnly, {}), 'jd').purchasedAt).toBeUndefined();
  });
});

describe('suggestedKind', () => {
  it.each([['order', 'order'], ['payment', 'payment'], ['chat', 'chat'], ['policy', 'policy'], ['other', null]] as const)('%s → %s', (k, e) =>
    expect(suggestedKind(k)).toBe(e),
  );
});

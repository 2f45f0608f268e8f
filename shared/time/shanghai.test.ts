import { describe, expect, it } from 'vitest';
import { formatLocal, fromShanghaiLocal, toShanghaiLocal } from './shanghai';

describe('Asia/Shanghai wall clock', () => {
  it.each([
    ['2026-11-17T04:03:04.000Z', '2026-11-17T12:03:04'],
    ['2026-11-16T16:00:00.000Z', '2026-11-17T00:00:00'],
    ['2026-12-31T15:59:59.000Z', '2026-12-31T23:59:59'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01T00:00:00'],
  ])('%s is %s in Shanghai', (iso, local) => {
    expect(toShanghaiLocal(new Date(iso))).toBe(local);
    expect(fromShanghaiLocal(local)).toBe(Date.parse(iso));
  });

  it.each(['2026-02-30', '2026-13-01', '2026-11-17T24:00', '2026-11-17T12:60', 'yesterday', '2026-1-1'])(
    'rejects %s',
    (text) => expect(fromShanghaiLocal(text)).toBeNull(),
  );

  it('formats for display', () => {
    expect(formatLocal('2026-11-17T12:03:04')).toBe('2026-11-17 12:03');
    expect(formatLocal('2026-11-17T12:03:04', true)).toBe('2026-11-17 12:03:04');
    expect(formatLocal('')).toBe('');
  });
});

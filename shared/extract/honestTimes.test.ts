// Issue 12: which times are exact, which approximate, and how the `scan` line says so.
import { describe, expect, it } from 'vitest';
import { CAPTURE_SOURCES, captureTrust } from '../domain/evidence';
import { extractFields, reresolveTimes, toScanJson } from './extract';

/** The chat of the issue: names carry no time, the file was copied at 10:39 on 2026-12-04. */
const CHAT = { text: ['12:03 5G 86%', '< 店铺客服', '昨天 16:33', '亲，请提供一下订单号', '18:03', '已为您提交退款申请', '付款时间 2026-11-30 20:31:15'].join('\n') };
const MTIME = '2026-12-04T10:39:00';

describe('captureTrust', () => {
  it.each([
    ['exif', 'trusted'],
    ['filename', 'trusted'],
    ['statusbar', 'trusted'],
    ['user', 'trusted'],
    ['file', 'trusted'],
    ['clipboard', 'weak'],
    ['mtime', 'weak'],
    ['import', 'weak'],
  ] as const)('%s is %s', (source, trust) => {
    expect(captureTrust(source)).toBe(trust);
  });

  it('covers every source', () => {
    expect(CAPTURE_SOURCES.map(captureTrust).length).toBe(8);
  });
});

describe('exact and approximate times from one screenshot', () => {
  it.each(CAPTURE_SOURCES.map((s) => [s, captureTrust(s)] as const))('capture source %s (%s)', (source, trust) => {
    const x = extractFields(CHAT, { capturedAt: MTIME, anchorTrusted: trust === 'trusted', hints: { kind: 'chat' } });
    const json = toScanJson(x, MTIME, source);
    expect(json.capturedAtSource).toBe(source);
    // 18:03 is after 10:39 the same day whatever the anchor: never exact, and the item is flagged.
    expect(json.captureSuspect).toBe(true);
    if (trust === 'trusted') {
      expect(json.timestamps).toEqual(['2026-12-03T16:33', '2026-11-30T20:31:15']);
      expect(json.approxTimestamps).toEqual(['2026-12-04T18:03']);
    } else {
      // Only what the screen shows whole is exact.
      expect(json.timestamps).toEqual(['2026-11-30T20:31:15']);
      expect(json.approxTimestamps).toEqual(['2026-12-03T16:33', '2026-12-04T18:03']);
    }
    expect([...x.timestamps, ...(x.approxTimestamps ?? [])].every((f) => f.basis !== undefined)).toBe(true);
  });

  it('says nothing is wrong when nothing is after the capture', () => {
    const x = extractFields({ text: '聊天\n昨天 16:33\n09:12' }, { capturedAt: MTIME, anchorTrusted: false, hints: { kind: 'chat' } });
    expect(x.captureSuspect).toBeUndefined();
    expect(toScanJson(x, MTIME, 'mtime')).not.toHaveProperty('captureSuspect');
  });

  it('without a capture time, relative stamps are dropped and shown ones stay exact', () => {
    const json = toScanJson(extractFields(CHAT, { capturedAt: null, anchorTrusted: false, hints: { kind: 'chat' } }), null, null);
    expect(json).toMatchObject({ capturedAt: null, capturedAtSource: null, timestamps: ['2026-11-30T20:31:15'], approxTimestamps: [] });
  });
});

describe('reresolveTimes (the buyer sets the capture time)', () => {
  it('turns approximate stamps exact against a trusted time, keeping boxes by line', () => {
    const weak = extractFields(CHAT, { capturedAt: MTIME, anchorTrusted: false, hints: { kind: 'chat' } });
    const fixed = reresolveTimes(weak, '2026-12-01T19:00:00', true);
    expect(fixed.timestamps.map((f) => [f.value, f.basis])).toEqual([
      ['2026-11-30T16:33', 'inferred'],
      ['2026-12-01T18:03', 'inferred'],
      ['2026-11-30T20:31:15', 'shown'],
    ]);
    expect(fixed.approxTimestamps).toEqual([]);
    expect(fixed.captureSuspect).toBeUndefined();
    expect(fixed.timestamps.map((f) => f.line)).toEqual(weak.timestamps.concat(weak.approxTimestamps ?? []).map((f) => f.line).sort());
  });

  it('still flags a time the new capture time cannot explain', () => {
    const weak = extractFields(CHAT, { capturedAt: MTIME, anchorTrusted: false, hints: { kind: 'chat' } });
    const fixed = reresolveTimes(weak, '2026-12-01T17:00:00', true);
    expect(fixed.captureSuspect).toBe(true);
    expect(fixed.approxTimestamps?.map((f) => f.value)).toEqual(['2026-12-01T18:03']);
  });
});

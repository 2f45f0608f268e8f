import { describe, expect, it } from 'vitest';
import { contractJson } from './json';

describe('contractJson', () => {
  it('matches the documented layout and parses back', () => {
    const value = { rule: 'platform-review', start: '2026-09-30T10:00', due: '2026-10-10T23:59:59', provisional: false };
    const text = contractJson(value);
    expect(text).toBe('{"rule": "platform-review", "start": "2026-09-30T10:00", "due": "2026-10-10T23:59:59", "provisional": false}');
    expect(JSON.parse(text)).toEqual(value);
  });

  it('handles nesting, Chinese text, escapes and null', () => {
    const value = { a: [1, 'x"y', null], b: { 中文: '卡密\n无效' }, c: [] };
    expect(contractJson(value)).toBe('{"a": [1, "x\\"y", null], "b": {"中文": "卡密\\n无效"}, "c": []}');
    expect(JSON.parse(contractJson(value))).toEqual(value);
  });
});

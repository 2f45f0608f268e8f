import { describe, expect, it } from 'vitest';
import { CHUNK_CHARS, CHUNK_OVERLAP, chunkText, kindPlatformTerm, rowDate, rowEvidenceId, tidyText, toSearchDate, toSearchDocInput, toSearchRows } from './document';
import { indexTerms } from './grams';

describe('tidyText', () => {
  it.each([
    ['OCR spaces between Chinese characters', '卡 密 无 效', '卡密无效'],
    ['but not between words', 'Steam 充值卡 apple ID', 'Steam 充值卡 apple ID'],
    ['ideographic spaces and tabs', '订单\u3000编号\t 3456', '订单编号 3456'],
    ['CJK punctuation joins too', '亲 ， 在 吗 ？', '亲，在吗？'],
    ['blank lines and CRLF', 'a\r\n\r\n  b  \n', 'a\nb'],
  ])('%s', (_name, input, expected) => {
    expect(tidyText(input)).toBe(expected);
    expect(tidyText(expected)).toBe(expected);
  });
});

describe('toSearchDocInput', () => {
  it('joins title, note, OCR text and chat lines and derives the date', () => {
    expect(
      toSearchDocInput({
        evidenceId: 'e1',
        caseId: 'c1',
        kind: 'chat',
        platform: 'unknown',
        capturedAt: '2026-11-15T20:31:07',
        title: '客服聊天',
        note: '关键证据',
        ocrText: '卡 密 无 效',
        messages: [{ sender: '我', text: '卡密提示已被使用' }],
      }),
    ).toEqual({ evidenceId: 'e1', caseId: 'c1', kind: 'chat', platform: '', date: '2026-11-15', title: '客服聊天', text: '客服聊天\n关键证据\n卡密无效\n我: 卡密提示已被使用' });
  });

  it.each([
    ['2026-11-15T20:31:07', '2026-11-15'],
    ['2026-11-15', '2026-11-15'],
    ['2026-11-15 08:00', '2026-11-15'],
    ['', ''],
    ['15/11/2026', ''],
  ])('toSearchDate(%s) = %s', (input, expected) => {
    expect(toSearchDate(input)).toBe(expected);
  });
});

describe('chunks', () => {
  const message = (i: number) => `客服${i % 7}: 第${i}条消息，卡密已补发请查收 order ${String(i).padStart(6, '0')}`;
  const log = Array.from({ length: 400 }, (_, i) => message(i)).join('\n');

  it('keeps short texts as one row, its id the date and the evidence id', () => {
    const rows = toSearchRows({ evidenceId: 'e1', caseId: 'c', kind: 'order', platform: 'jd', date: '2026-11-01', title: 't', text: '订单 卡 密' });
    expect(rows).toEqual([{ id: '7973-88-98|e1', evidenceId: 'e1', caseId: 'c', kind: 'order', platform: 'jd', date: '2026-11-01', title: 't', text: '订单卡密', grams: [...indexTerms('订单卡密'), kindPlatformTerm('order', 'jd')] }]);
  });

  it('cuts long logs at line ends, with overlap, covering every line', () => {
    const chunks = chunkText(log);
    expect(chunks.length).toBeGreaterThan(5);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(CHUNK_CHARS);
    for (let i = 0; i < 400; i++) expect(chunks.some((c) => c.includes(message(i))), message(i)).toBe(true);
    for (let i = 1; i < chunks.length; i++) expect(chunks[i - 1]?.endsWith(chunks[i]?.slice(0, CHUNK_OVERLAP) ?? '')).toBe(true);
  });

  it('numbers chunk rows after the evidence id, undated ones first in order', () => {
    const rows = toSearchRows({ evidenceId: 'e2', caseId: 'c', kind: 'chat', platform: '', date: '', title: 'log', text: log });
    expect(rows.map((r) => r.id)).toEqual(rows.map((_, n) => (n === 0 ? '9999-99-99|e2' : `9999-99-99|e2#${n}`)));
    expect(rows.map((r) => [rowDate(r.id), rowEvidenceId(r.id)])).toEqual(rows.map(() => ['', 'e2']));
    expect(Math.max(...rows.map((r) => r.grams.length))).toBeLessThan(CHUNK_CHARS);
  });

  it('cuts a text without line breaks without splitting surrogate pairs', () => {
    const text = '𠀀'.repeat(CHUNK_CHARS);
    for (const c of chunkText(text)) expect(c).toMatch(/^(?:𠀀)+$/u);
  });
});

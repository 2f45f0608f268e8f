import { describe, expect, it } from 'vitest';
import { MAX_TERMS, compact, compactWithMap, indexTerms, isPrefixTerm, queryTerms } from './grams';

describe('compact', () => {
  it.each([
    ['fullwidth letters and digits', 'ＡｐｐＬＥ　ＩＤ １２３', 'appleid123'],
    ['spaces OCR puts between Chinese characters', '卡 密 无 效', '卡密无效'],
    ['punctuation, Chinese and ASCII', '订单号：3456-7890，已付款！', '订单号34567890已付款'],
    ['circled and compatibility forms', '①号 ㈱', '1号株'],
    ['emoji and symbols vanish', '好评👍 ¥149.90', '好评14990'],
    ['accented letters are kept, lower-cased', 'CAFÉ', 'café'],
    ['empty', '  ，。 ', ''],
  ])('%s', (_name, input, expected) => {
    expect(compact(input)).toBe(expected);
  });

  it('maps every compact unit back to its source character', () => {
    const text = 'Ｘ 卡 密';
    const m = compactWithMap(text);
    expect(m.compact).toBe('x卡密');
    expect([...m.starts]).toEqual([0, 2, 4]);
    expect([...m.ends]).toEqual([1, 3, 5]);
  });
});

describe('indexTerms', () => {
  it.each([
    ['Han characters and bigrams', '卡密无效', ['卡', '卡密', '密', '密无', '无', '无效', '效']],
    ['digit 5-grams with shrinking tails', '12345678', ['12345', '23456', '34567', '45678', '5678', '678', '78', '8']],
    ['word trigrams', 'Apple', ['app', 'ppl', 'ple', 'le', 'e']],
    ['runs split by class, not by spaces', '订单 12 ab', ['订', '订单', '单', '12', '2', 'ab', 'b']],
    ['repeated terms once', '退款退款', ['退', '退款', '款', '款退']],
    ['astral Han characters stay whole', '𠀀𠀁', ['𠀀', '𠀀𠀁', '𠀁']],
  ])('%s', (_name, text, expected) => {
    expect(indexTerms(text)).toEqual(expected);
  });

  it(`caps a row at ${MAX_TERMS} terms`, () => {
    const digits = Array.from({ length: 3000 }, (_, i) => String(i * 7919).padStart(7, '0')).join(' ');
    expect(indexTerms(digits).length).toBe(MAX_TERMS);
  });
});

describe('queryTerms', () => {
  it.each([
    ['Chinese phrase', '卡密无效', ['卡密', '密无', '无效']],
    ['phrase typed with spaces and fullwidth', '卡 密　无效', ['卡密', '密无', '无效']],
    ['one character', '卡', ['卡']],
    ['partial order number', '5678901', ['56789', '67890', '78901']],
    ['last four digits', '尾号1234', ['尾号', '1234']],
    ['English word, any case', 'STEAM', ['ste', 'tea', 'eam']],
    ['mixed', 'iPhone15', ['iph', 'pho', 'hon', 'one', '15']],
    ['nothing searchable', '！？', []],
  ])('%s', (_name, query, expected) => {
    expect(queryTerms(query)).toEqual(expected);
  });

  it.each([
    ['卡', false],
    ['卡密', false],
    ['1234', true],
    ['12345', false],
    ['ab', true],
    ['abc', false],
    ['𠀀', false],
  ])('isPrefixTerm(%s) = %s', (term, expected) => {
    expect(isPrefixTerm(term)).toBe(expected);
  });

  // The contract the repository relies on: any text containing the query has every query term,
  // by equality or, for short terms, as a prefix of one of its index terms.
  it('finds every substring of a text through the text’s own index terms', () => {
    const texts = [
      '订单编号 3456789012345678901 卡 密 无 效，Steam 充值卡 apple ID 尾号1234',
      '商家: 亲，卡密已发 请查收 2026-11-15 20:31:07 ¥149.90 ＳＫＵ－Ａ１',
      '我: 提示已被使用\n客服: 稍等 核实一下 订单号3456 7890 1234',
    ];
    let checked = 0;
    for (const text of texts) {
      const stream = compact(text);
      const index = indexTerms(text);
      const exact = new Set(index);
      for (let i = 0; i < stream.length; i++) {
        for (let len = 1; len <= 12 && i + len <= stream.length; len++) {
          for (const term of queryTerms(stream.slice(i, i + len))) {
            const found = isPrefixTerm(term) ? index.some((t) => t.startsWith(term)) : exact.has(term);
            expect(found, `${term} in ${stream.slice(i, i + len)}`).toBe(true);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(1000);
  });
});

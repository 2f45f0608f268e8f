import { describe, expect, it } from 'vitest';
import { snippet } from './snippet';

/** The snippet with highlights shown as [brackets], which reads better in a table than offsets. */
function marked(text: string, query: string, maxLen?: number): string {
  const s = snippet(text, query, maxLen);
  let out = '';
  let at = 0;
  for (const [a, b] of s.highlights) {
    out += `${s.text.slice(at, a)}[${s.text.slice(a, b)}]`;
    at = b;
  }
  return out + s.text.slice(at);
}

const long = `${'前文'.repeat(40)}提示卡 密 无 效，请联系客服处理${'后文'.repeat(40)}`;

describe('snippet', () => {
  it.each([
    ['short text, whole', '卡密无效，请退款', '卡密无效', 80, '[卡密无效]，请退款'],
    ['OCR spaces inside the match', '提示 卡 密 无 效 了', '卡密无效', 80, '提示 [卡 密 无 效] 了'],
    ['centred with ellipses', long, '卡密无效', 20, '…文前文提示[卡 密 无 效]，请联系客服…'],
    ['several parts, each marked', '卡密已发但无效，要求退款', '卡密 退款', 80, '[卡密]已发但无效，要求[退款]'],
    ['phrase preferred as the anchor', `无效${'x'.repeat(100)}卡密无效`, '卡密 无效', 12, '…xxxxxxx[卡密无效]'],
    ['order number split by OCR', '订单号 3456 7890 1234 已付款', '5678901', 80, '订单号 34[56 7890 1]234 已付款'],
    ['fullwidth and case', 'ＳＴＥＡＭ 充值卡', 'steam', 80, '[ＳＴＥＡＭ] 充值卡'],
    ['every occurrence in the window', '退款 退款 退款', '退款', 80, '[退款] [退款] [退款]'],
    ['line breaks become spaces', '我: 在吗\n客服: 卡密已补发', '补发', 80, '我: 在吗 客服: 卡密已[补发]'],
    ['no match shows the start', '订单详情 星辰数码专营店', '不存在', 6, '订单详情 …'],
    ['empty query shows the start', '订单详情', '', 80, '订单详情'],
  ])('%s', (_name, text, query, maxLen, expected) => {
    expect(marked(text, query, maxLen)).toBe(expected);
  });

  it('never exceeds maxLen and keeps highlights inside the text', () => {
    for (const maxLen of [5, 10, 20, 40, 80]) {
      for (const query of ['卡密无效', '前文', '后文', '客服', '不存在']) {
        const s = snippet(long, query, maxLen);
        expect(s.text.length).toBeLessThanOrEqual(maxLen);
        for (const [a, b] of s.highlights) {
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(s.text.length);
          expect(a).toBeLessThan(b);
        }
      }
    }
  });

  it('does not split a surrogate pair at the window edge', () => {
    const s = snippet(`${'𠀀'.repeat(30)}卡密${'𠀀'.repeat(30)}`, '卡密', 11);
    expect(s.text).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(s.text).toContain('卡密');
  });
});

import { describe, expect, it } from 'vitest';
import { caseOf, evidenceOf } from '../../tests/fixtures/bundle';
import { lintReason } from './lint';
import type { LintCode } from './lint';
import { writeReason } from './reason';

describe('writeReason', () => {
  it('writes 时间 + 事件 + 诉求 from the case, citing the first chat contact', () => {
    const chat = evidenceOf({
      kind: 'chat',
      messages: [
        { index: 0, sender: '我', at: '2026-11-15T21:14:03', text: '卡密提示已被使用', line: 1 },
        { index: 1, sender: '客服', at: '2026-11-15T21:20:00', text: '稍等', line: 3 },
      ],
    });
    const draft = writeReason(caseOf(), [evidenceOf(), chat]);
    expect(draft.text).toBe(
      '2026年11月15日20:31，本人在淘宝/天猫「星辰数码专营店」购买「XX游戏点卡 100元」，订单号3456789012345678901，实付149.90元。' +
        '收到的卡密在兑换/激活时提示无效（【请填写页面提示，如“卡密已被使用”】），无法使用。' +
        '2026年11月15日21:14已联系商家客服说明情况（见证据2），至今未解决。相关材料见证据1至证据2。现要求全额退款149.90元。',
    );
    expect(draft.gaps).toEqual(['details']);
  });

  it.each([
    { name: 'order number, amount and time from OCR', over: { orderNumber: '', amount: '', purchasedAt: '' }, gaps: ['details'], has: ['2026年11月15日20:31', '订单号3456789012345678901', '实付149.90元'] },
    { name: 'prompts for what nobody knows', over: { orderNumber: '', amount: '', purchasedAt: '', issue: 'double-charge', request: '' }, fields: false, gaps: ['time', 'orderNumber', 'amount'], has: ['【请填写购买时间】', '【请填写订单号】', '重复扣款', '现要求退还重复扣除的款项。'] },
    { name: 'default request for 描述不符', over: { issue: '描述不符', request: '' }, gaps: ['details'], has: ['与商品页面描述不符', '现要求退货退款149.90元。'] },
    { name: "keeps the buyer's own issue words", over: { issue: '充值后余额未增加', request: '要求补发' }, gaps: [], has: ['充值后余额未增加。', '现要求补发。'] },
  ])('$name', ({ over, fields = true, gaps, has }) => {
    const order = evidenceOf({
      fields: fields
        ? [
            { type: 'orderNumber', value: '3456789012345678901', label: '订单编号' },
            { type: 'amount', value: '149.90', label: '实付款' },
            { type: 'timestamp', value: '2026-11-15T20:31:40', label: '付款时间' },
            { type: 'timestamp', value: '2026-11-15T20:31:07', label: '创建时间' },
          ]
        : [],
    });
    const draft = writeReason(caseOf(over), [order]);
    expect(draft.gaps).toEqual(gaps);
    for (const h of has) expect(draft.text).toContain(h);
  });

  it('a draft with its prompts filled in passes the linter', () => {
    const draft = writeReason(caseOf(), [evidenceOf()]);
    const filled = draft.text.replace(/【[^】]*】/g, '页面提示“卡密已被使用”');
    expect(lintReason(filled, { orderNumber: '3456789012345678901' })).toEqual([]);
    expect(lintReason(draft.text, { orderNumber: '3456789012345678901' }).map((i) => i.code)).toEqual(['placeholder']);
  });
});

describe('lintReason', () => {
  const good = '2026年11月15日购买XX游戏点卡，卡密提示已被使用，订单号3456789012345678901，要求全额退款149.90元。';
  const cases: Array<{ text: string; order?: string; codes: LintCode[]; words?: string[] }> = [
    { text: good, order: '3456789012345678901', codes: [] },
    { text: good, codes: [] },
    { text: '商家是骗子，卖的垃圾，虚假宣传！！11月15日订单号3456789012345678901，要求退款', codes: ['subjective', 'subjective', 'subjective', 'subjective'], words: ['虚假宣传', '骗子', '垃圾', '！！'] },
    { text: '垃圾商家不发货，11月15日下单，订单号3456789012345678901，要求退款全部款项', codes: ['subjective'], words: ['垃圾商家'] },
    { text: '不喜欢，不想要了，11月15日订单号3456789012345678901，申请退货退款，谢谢处理', codes: ['subjective', 'subjective'], words: ['不喜欢', '不想要'] },
    { text: '昨天买的点卡用不了，订单号3456789012345678901，要求全额退款，请尽快处理谢谢', codes: ['relative-time'] },
    { text: '买的点卡用不了，订单号3456789012345678901，要求全额退款149.90元，请尽快处理', codes: ['missing-time'] },
    { text: '2026-11-15购买的点卡提示已被使用，要求全额退款149.90元，请尽快处理谢谢', order: '3456789012345678901', codes: ['missing-order'] },
    { text: '2026-11-15购买的点卡提示已被使用，订单号 3456 7890 1234 5678 901，希望尽快处理', order: '3456789012345678901', codes: ['missing-request'] },
    { text: '点卡用不了', codes: ['missing-time', 'missing-order', 'missing-request', 'too-short'] },
  ];

  it.each(cases)('$text', ({ text, order, codes, words }) => {
    const issues = lintReason(text, { orderNumber: order });
    expect(issues.map((i) => i.code)).toEqual(codes);
    if (words) expect(issues.map((i) => i.word)).toEqual(words);
    for (const i of issues) if (i.code === 'subjective') expect(i.suggestion).toBeTruthy();
  });

  it('points at the word it flags', () => {
    const text = '这是虚假宣传';
    const [issue] = lintReason(text);
    expect(issue && text.slice(issue.start, issue.end)).toBe('虚假宣传');
  });
});

describe('writeReason without prompts', () => {
  it('leaves unknown facts out cleanly, for a letter printed as is', () => {
    const draft = writeReason(caseOf({ purchasedAt: '', orderNumber: '', amount: '' }), [], { prompts: false });
    expect(draft.text).toBe('本人在淘宝/天猫「星辰数码专营店」购买「XX游戏点卡 100元」。收到的卡密在兑换/激活时提示无效，无法使用。现要求全额退款149.90元。');
    expect(draft.gaps).toEqual(['time', 'orderNumber', 'amount', 'details']);
    expect(writeReason(caseOf({ issue: 'other', request: '' }), [], { prompts: false }).text).not.toContain('【');
  });
});

import { describe, expect, it } from 'vitest';
import { chineseNumber, findPeriod, findRefundClauses } from './refund';

describe('chineseNumber', () => {
  it.each([
    ['2', 2],
    ['２', 2],
    ['48', 48],
    ['两', 2],
    ['十', 10],
    ['十五', 15],
    ['二十四', 24],
    ['四十八', 48],
    ['', null],
    ['百', null],
    ['十十', null],
  ])('%s → %s', (s, n) => expect(chineseNumber(s)).toBe(n));
});

describe('findPeriod', () => {
  it.each([
    ['退款申请将在2个工作日内审核', { length: 2, unit: 'working-days', text: '2个工作日内', shopPromise: true }],
    ['平台将于48小时内处理完毕', { length: 48, unit: 'hours', text: '48小时内', shopPromise: true }],
    ['退款将在3-5个工作日内原路退回', { length: 5, unit: 'working-days', text: '5个工作日内', shopPromise: true }],
    ['审核通过后款项七天内到账', { length: 7, unit: 'calendar-days', text: '七天内', shopPromise: true }],
    ['请在收到卡密后24小时内申请售后', { length: 24, unit: 'hours', text: '24小时内', shopPromise: false }],
    ['逾期 3 天内未提交视为放弃', { length: 3, unit: 'calendar-days', text: '3天内', shopPromise: false }],
    ['客服二十四小时以内回复', { length: 24, unit: 'hours', text: '二十四小时以内', shopPromise: true }],
  ])('%s', (s, want) => expect(findPeriod(s)).toEqual(want));

  it.each(['2026年12月4日发布', '退款到账时间以银行为准', '0个工作日内审核'])('no period in %s', (s) => expect(findPeriod(s)).toBeNull());
});

describe('findRefundClauses', () => {
  const policy = [
    '首页 | 商品分类 | 退款 | 联系客服',
    '退款规则',
    '第一条 未激活的卡密支持全额退款，已激活未使用的扣除20%手续费。',
    '第二条 已使用的卡密不支持退款，卡密无效的除外。',
    '第三条 退款申请将在2个工作日内审核，审核通过后原路退回。',
    '第四条 如平台48小时内未处理，由平台先行赔付。',
    '请在收到卡密后24小时内申请售后；虚拟商品享有24小时冷静期。',
    '本站所有商品一律不退不换。',
    '本协议最终解释权归本站所有。',
  ].join('\n');

  it('quotes each clause that decides a refund, with its topics and line', () => {
    const clauses = findRefundClauses(policy);
    expect(clauses.map((c) => [c.line, c.quote, c.topics])).toEqual([
      [3, '第一条 未激活的卡密支持全额退款，已激活未使用的扣除20%手续费。', ['refund', 'inactive', 'activated', 'fee']],
      [4, '第二条 已使用的卡密不支持退款，卡密无效的除外。', ['refund', 'used', 'no-refund']],
      [5, '第三条 退款申请将在2个工作日内审核，审核通过后原路退回。', ['refund', 'period', 'original-route']],
      [6, '第四条 如平台48小时内未处理，由平台先行赔付。', ['period', 'compensation']],
      [7, '请在收到卡密后24小时内申请售后；', ['period']],
      [7, '虚拟商品享有24小时冷静期。', ['cooling-off']],
      [8, '本站所有商品一律不退不换。', ['no-refund']],
    ]);
    expect(clauses[2]?.period).toEqual({ length: 2, unit: 'working-days', text: '2个工作日内', shopPromise: true });
    expect(clauses[4]?.period?.shopPromise).toBe(false);
  });

  it('ignores menus and pages that only mention 退款', () => {
    expect(findRefundClauses('首页 | 退款 | 订单\n申请退款\n退款进度查询')).toEqual([]);
  });

  it('cuts long sentences and caps the number of clauses', () => {
    const long = `未激活可退款${'很'.repeat(500)}。`;
    expect(findRefundClauses(long)[0]?.quote).toHaveLength(160);
    expect(findRefundClauses(Array.from({ length: 100 }, (_, i) => `第${i}条 未激活可退款。`).join('\n'))).toHaveLength(40);
  });

  it('stays linear on hostile text', () => {
    const t0 = performance.now();
    findRefundClauses(`${'退款'.repeat(200_000)}\n${'1小时内'.repeat(50_000)}`);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

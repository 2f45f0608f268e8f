import { describe, expect, it } from 'vitest';
import { ISSUE_TYPES } from '../domain/case';
import type { IssueType } from '../domain/case';
import type { EvidenceKind } from '../domain/evidence';
import { EVIDENCE_CHECKLISTS, evidenceChecklist } from './checklist';
import type { ChecklistEvidence } from './checklist';

const item = (kind: EvidenceKind, title = '截图', text = ''): ChecklistEvidence => ({ kind, title, text });

describe('evidenceChecklist', () => {
  it('has a checklist for every issue type, each needing an order or payment record', () => {
    for (const issue of ISSUE_TYPES) {
      const needs = EVIDENCE_CHECKLISTS[issue];
      expect(needs.length).toBeGreaterThan(0);
      expect(needs.some((n) => n.anyOf.some((m) => m.kinds?.includes('order') || m.kinds?.includes('payment')))).toBe(true);
    }
  });

  const cases: Array<{ name: string; issue: IssueType; evidence: ChecklistEvidence[]; missing: string[]; complete: boolean }> = [
    { name: '卡密无效 with nothing', issue: 'invalid-code', evidence: [], missing: ['order', 'activation-failure', 'chat', 'payment'], complete: false },
    {
      name: '卡密无效 complete (failure screenshot recognised by its words)',
      issue: 'invalid-code',
      evidence: [item('order', '订单详情'), item('other', '兑换页面', '该卡密已被使用'), item('chat', '客服聊天')],
      missing: ['payment'],
      complete: true,
    },
    {
      name: '卡密无效: an order screenshot does not also count as the failure',
      issue: 'invalid-code',
      evidence: [item('order', '订单详情'), item('chat')],
      missing: ['activation-failure', 'payment'],
      complete: false,
    },
    { name: '未收到货 needs logistics', issue: 'not-received', evidence: [item('order')], missing: ['logistics', 'chat', 'payment'], complete: false },
    { name: '未收到货 with logistics', issue: 'not-received', evidence: [item('order'), item('logistics', '物流详情')], missing: ['chat', 'payment'], complete: true },
    {
      name: '描述不符 needs listing and photos',
      issue: 'not-as-described',
      evidence: [item('order'), item('defect', '实物照片')],
      missing: ['listing', 'chat'],
      complete: false,
    },
    {
      name: '描述不符 complete',
      issue: 'not-as-described',
      evidence: [item('order'), item('policy', '商品详情页快照'), item('defect', '实物')],
      missing: ['chat'],
      complete: true,
    },
    { name: '重复扣款 with one receipt', issue: 'double-charge', evidence: [item('payment'), item('order')], missing: ['payments', 'chat'], complete: false },
    { name: '重复扣款 with two receipts', issue: 'double-charge', evidence: [item('payment'), item('payment'), item('order')], missing: ['chat'], complete: true },
    { name: '重复下单 with two orders', issue: 'duplicate-order', evidence: [item('order'), item('order')], missing: ['payment', 'chat'], complete: true },
    { name: '商家失联', issue: 'seller-unreachable', evidence: [item('order'), item('chat')], missing: ['payment'], complete: true },
  ];

  it.each(cases)('$name', ({ issue, evidence, missing, complete }) => {
    const result = evidenceChecklist(issue, evidence);
    expect(result.entries.filter((e) => e.missing > 0).map((e) => e.need.id)).toEqual(missing);
    expect(result.complete).toBe(complete);
  });

  it('reports which items satisfy each need, each item used once', () => {
    const result = evidenceChecklist('double-charge', [item('payment'), item('order'), item('payment')]);
    expect(result.entries.map((e) => [e.need.id, e.matched])).toEqual([
      ['payments', [0, 2]],
      ['order', [1]],
      ['chat', []],
    ]);
  });
});

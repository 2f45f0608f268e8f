import { describe, expect, it } from 'vitest';
import { evidenceEditDetail, moveDetail } from './describe';

const before = { title: 'IMG_0001', kind: 'other', note: '' } as const;

describe('evidenceEditDetail', () => {
  it.each([
    [{ title: '订单截图' }, '标题：IMG_0001 → 订单截图'],
    [{ kind: 'order' }, '类型：其他 → 订单页面'],
    [{ note: '客服承诺48小时处理' }, '备注已修改'],
    [{ title: '订单截图', kind: 'order' }, '标题：IMG_0001 → 订单截图；类型：其他 → 订单页面'],
    [{ title: 'IMG_0001' }, null],
    [{}, null],
  ] as const)('%o → %s', (patch, detail) => {
    expect(evidenceEditDetail(before, patch)).toBe(detail);
  });

  it('notes a cleared note and clamps a huge title', () => {
    expect(evidenceEditDetail({ ...before, note: 'x' }, { note: '' })).toBe('备注已清空');
    expect([...(evidenceEditDetail(before, { title: '长'.repeat(2000) }) ?? '')]).toHaveLength(500);
  });
});

describe('moveDetail', () => {
  it('names both cases', () => {
    expect(moveDetail('聊天截图', '案件一', '案件二')).toBe('聊天截图：「案件一」→「案件二」');
  });
});

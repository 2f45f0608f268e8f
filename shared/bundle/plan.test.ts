import { describe, expect, it } from 'vitest';
import { bundleInputSchema } from './contract';
import { SHA, caseOf, evidenceOf, inputOf } from '../../tests/fixtures/bundle';
import { issueTypeOf, platformLabel } from './labels';
import { evidenceSource, indexRows, partFileNames, partSections, splitIntoParts } from './plan';
import { bundleTimeline } from './timeline';

describe('splitIntoParts', () => {
  const MB = 1024 * 1024;
  const cases = [
    { name: 'no limit: one part', sizes: [9 * MB, 9 * MB], limit: null, parts: [[0, 1]], oversize: [] },
    { name: 'everything fits', sizes: [1 * MB, 1 * MB], limit: 5 * MB, parts: [[0, 1]], oversize: [] },
    { name: 'greedy, in order', sizes: [2 * MB, 2 * MB, 2 * MB, 1 * MB, 3 * MB], limit: 5 * MB, parts: [[0], [1, 2], [3, 4]], oversize: [] },
    { name: 'part 1 front matter leaves no room', sizes: [4.5 * MB], limit: 5 * MB, parts: [[], [0]], oversize: [] },
    { name: 'an oversize exhibit alone, reported', sizes: [1 * MB, 6 * MB, 1 * MB], limit: 5 * MB, parts: [[0], [1], [2]], oversize: [1] },
  ];
  it.each(cases)('$name', ({ sizes, limit, parts, oversize }) => {
    const result = splitIntoParts(sizes, { limit, overheadFirst: 1.2 * MB, overheadOther: 0.2 * MB });
    expect(result.parts).toEqual(parts);
    expect(result.oversize).toEqual(oversize);
    // Never drop or reorder: the parts concatenated are 0..n-1.
    expect(result.parts.flat()).toEqual(sizes.map((_, i) => i));
  });
});

describe('partFileNames', () => {
  it.each([
    ['out/证据包.pdf', 1, ['out/证据包.pdf']],
    ['out/证据包.pdf', 3, ['out/证据包-1.pdf', 'out/证据包-2.pdf', 'out/证据包-3.pdf']],
    ['bundle.PDF', 2, ['bundle-1.pdf', 'bundle-2.pdf']],
  ] as const)('%s × %d', (file, n, names) => {
    expect(partFileNames(file, n)).toEqual(names);
  });
});

describe('sections', () => {
  it('part 1 tells the whole story; later parts repeat the cover and index', () => {
    expect(partSections(1)).toEqual(['cover', 'letter', 'index', 'timeline', 'exhibits', 'manifest']);
    expect(partSections(2)).toEqual(['cover', 'index', 'exhibits', 'manifest']);
  });
});

describe('indexRows', () => {
  it('numbers exhibits and fills 来源 and 证明目的', () => {
    const rows = indexRows([
      evidenceOf({ platform: 'taobao' }),
      evidenceOf({ kind: 'chat', mediaType: 'text', format: 'txt', title: 'QQ 聊天记录', platform: 'qq', messages: [] }),
      evidenceOf({ kind: 'video', mediaType: 'video', format: 'mp4', title: '开箱视频', purpose: '证明收到时已损坏' }),
      evidenceOf({ kind: 'defect', title: '', source: '手机拍摄' }),
    ]);
    expect(rows.map((r) => [r.label, r.name, r.source, r.purpose])).toEqual([
      ['证据1', '订单详情截图', '淘宝 订单页面截图', '证明购买事实、订单号、商品及金额'],
      ['证据2', 'QQ 聊天记录', 'QQ 聊天记录导出（TXT）', '证明已与商家沟通及商家的答复'],
      ['证据3', '开箱视频', '视频录像（原文件另行提交）', '证明收到时已损坏'],
      ['证据4', '瑕疵照片', '手机拍摄', '证明商品存在的问题'],
    ]);
  });

  it.each([
    [{ kind: 'defect' as const }, '自行拍摄的照片'],
    [{ kind: 'payment' as const, platform: 'alipay' as const }, '支付宝 付款凭证截图'],
    [{ mediaType: 'document' as const, format: 'pdf' }, 'PDF 文件'],
  ])('%j → %s', (over, source) => {
    expect(evidenceSource(evidenceOf(over))).toBe(source);
  });
});

describe('bundleTimeline', () => {
  it('merges the purchase, events and evidence times, oldest first', () => {
    const rows = bundleTimeline({
      case: caseOf(),
      events: [{ at: '2026-11-16T09:00:00', text: '申请退款' }, { at: 'bad', text: '忽略' }],
      evidence: [
        evidenceOf({
          fields: [
            { type: 'timestamp', value: '2026-11-15T20:31:40', label: '付款时间' },
            { type: 'timestamp', value: '2026-11-15T20:31:40', label: '付款时间' },
            { type: 'orderNumber', value: '3456789012345678901', label: null },
          ],
        }),
        evidenceOf({
          kind: 'chat',
          title: '客服聊天',
          messages: [
            { index: 0, sender: '我', at: '2026-11-15T21:14:03', text: '卡密无效', line: 1 },
            { index: 1, sender: '客服', at: null, text: '?', line: 2 },
            { index: 2, sender: '客服', at: '2026-11-17T10:00:00', text: '不退', line: 3 },
          ],
        }),
        evidenceOf({ fields: [{ type: 'timestamp', value: '2026-11-14', label: null }], title: '商品页' }),
      ],
    }, '2026-12-04T10:39:00');
    expect(rows.map((r) => [r.at, r.source, r.text])).toEqual([
      ['2026-11-14', '证据3', '截图所示时间（商品页）'],
      ['2026-11-15T20:31', '案件信息', '下单购买「XX游戏点卡 100元」，订单号 3456789012345678901'],
      ['2026-11-15T20:31:40', '证据1', '付款时间（订单详情截图）'],
      ['2026-11-15T21:14:03', '证据2', '聊天记录开始（客服聊天，共 3 条消息）'],
      ['2026-11-16T09:00:00', '案件记录', '申请退款'],
      ['2026-11-17T10:00:00', '证据2', '聊天记录最后一条消息（客服聊天）'],
    ]);
    expect(rows.map((r) => r.exhibit)).toEqual([3, null, 1, 2, null, 2]);
  });
});

describe('labels', () => {
  it.each([
    ['invalid-code', 'invalid-code'],
    ['卡密无效', 'invalid-code'],
    ['扣了两次钱', 'double-charge'],
    ['一直没收到货', 'not-received'],
    ['与描述不符', 'not-as-described'],
    ['别的问题', 'other'],
  ] as const)('issue %s → %s', (text, issue) => {
    expect(issueTypeOf(text)).toBe(issue);
  });

  it('shows platform ids as labels and keeps free text', () => {
    expect(platformLabel('kameng')).toBe('卡盟/发卡网');
    expect(platformLabel('某发卡网')).toBe('某发卡网');
  });
});

describe('bundleInputSchema', () => {
  it('accepts what the renderer sends and refuses unknown keys or bad hashes', () => {
    expect(bundleInputSchema.safeParse(inputOf()).success).toBe(true);
    expect(bundleInputSchema.safeParse({ ...inputOf(), extra: 1 }).success).toBe(false);
    expect(bundleInputSchema.safeParse(inputOf({ evidence: [evidenceOf({ sha256: '../../etc/passwd' })] })).success).toBe(false);
    expect(bundleInputSchema.safeParse(inputOf({ evidence: [evidenceOf({ sha256: SHA(2), redactions: [{ x0: 1, y0: 2, x1: 3, y1: 4 }] })] })).success).toBe(true);
  });
});

// Builders for bundle inputs in tests: one realistic 卡密无效 case, with overrides per test.
import type { BundleCase, BundleEvidence, BundleInput } from './types';

export const SHA = (n: number): string => n.toString(16).padStart(2, '0').repeat(32);

export function caseOf(over: Partial<BundleCase> = {}): BundleCase {
  return {
    title: 'XX游戏点卡卡密无效',
    platform: 'taobao',
    shop: '星辰数码专营店',
    item: 'XX游戏点卡 100元',
    orderNumber: '3456789012345678901',
    amount: '149.90',
    purchasedAt: '2026-11-15T20:31',
    issue: 'invalid-code',
    request: '全额退款149.90元',
    statement: '',
    ...over,
  };
}

export function evidenceOf(over: Partial<BundleEvidence> = {}): BundleEvidence {
  return {
    sha256: SHA(1),
    originalName: 'Screenshot_20261115_203200.png',
    size: 120_000,
    mime: 'image/png',
    mediaType: 'image',
    format: 'png',
    width: 1080,
    height: 2340,
    durationSec: null,
    capturedAt: '2026-11-15T20:32:00',
    captureSource: 'filename',
    importedAt: '2026-11-22T10:00:00',
    kind: 'order',
    title: '订单详情截图',
    purpose: '',
    fields: [],
    messages: null,
    ...over,
  };
}

export function inputOf(over: Partial<BundleInput> = {}): BundleInput {
  return {
    target: 'platform',
    case: caseOf(),
    complainant: { name: '李明', phone: '13800138000', address: '上海市浦东新区世纪大道100号1201室' },
    respondent: { name: '星辰数码专营店', address: '浙江省杭州市余杭区文一西路969号', creditCode: '' },
    evidence: [evidenceOf()],
    events: [],
    exportedAt: '2026-11-22T10:00:00',
    ...over,
  };
}

// Case vocabulary. Ids are stable storage keys; labels live in the renderer's i18n resources.

export const PLATFORMS = ['taobao', 'jd', 'pdd', 'douyin', 'kameng', 'xianyu', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

export const GOODS_TYPES = ['physical', 'virtual'] as const;
export type GoodsType = (typeof GOODS_TYPES)[number];

/** Refund prospects for digital goods hinge on this state (see domain notes). */
export const VIRTUAL_STATES = ['unactivated', 'activated-unused', 'used'] as const;
export type VirtualState = (typeof VIRTUAL_STATES)[number];

export const ISSUE_TYPES = [
  'invalid-code',
  'not-received',
  'not-as-described',
  'quality',
  'double-charge',
  'duplicate-order',
  'seller-unreachable',
  'other',
] as const;
export type IssueType = (typeof ISSUE_TYPES)[number];

/** The workflow states, in the order a dispute usually moves through them. */
export const CASE_STATUSES = [
  'collecting',
  'refund-requested',
  'platform-review',
  'awaiting-seller',
  'refunded',
  'rejected',
  'appealing',
  'platform-intervention',
  'complaint-12315',
  'closed',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const CLOSED_STATUSES: readonly CaseStatus[] = ['refunded', 'closed'];

export interface CaseRecord {
  id: string;
  title: string;
  platform: Platform;
  shop: string;
  item: string;
  /** Always text: order numbers overflow doubles and keep leading zeros. */
  orderNumber: string;
  /** Decimal yuan as text ("149.90"), never a float. */
  amount: string;
  /** Local Asia/Shanghai date-time "YYYY-MM-DDTHH:mm", or "" when unknown. */
  purchasedAt: string;
  signedAt: string;
  goodsType: GoodsType;
  virtualState: VirtualState | null;
  issueType: IssueType;
  remedy: string;
  status: CaseStatus;
  createdAt: string;
  updatedAt: string;
}

/** Where evidence from an interrupted import lands when the case it was meant for is gone. */
export const RECOVERED_CASE_TITLE = '恢复的证据';

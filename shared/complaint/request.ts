// 投诉请求: Order 121's registration form lets the complainant pick from a fixed list, plus an
// amount. Kept as ids so the letter, the 12315 paste view and case.json name them the same way.
import { normalizeAmount } from '../domain/caseForm';

export const REQUEST_KINDS = ['repair', 'redo', 'replace', 'return', 'make-up', 'refund', 'compensation'] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  repair: '修理',
  redo: '重作',
  replace: '更换',
  return: '退货',
  'make-up': '补足数量',
  refund: '退还货款/服务费',
  compensation: '赔偿损失',
};

export const isRequestKind = (v: string): v is RequestKind => (REQUEST_KINDS as readonly string[]).includes(v);

/** "退还货款/服务费、赔偿损失，金额 149.90 元" (list order, not click order), then the buyer's own words. */
export function requestLine(kinds: readonly RequestKind[], amount: string, words = ''): string {
  const picked = REQUEST_KINDS.filter((k) => kinds.includes(k)).map((k) => REQUEST_KIND_LABELS[k]);
  const yuan = normalizeAmount(amount);
  const head = [picked.join('、'), yuan ? `金额 ${yuan} 元` : ''].filter((s) => s !== '').join('，');
  return [head, words.trim()].filter((s) => s !== '').join('；');
}

// The reason writer: a first draft of 事实与理由 in the pattern platforms and 12315 handle fastest,
// 时间 + 事件 + 诉求, filled from the case and what OCR read. What the app cannot know is left as a
// 【…】 prompt, which the linter flags until the buyer replaces it.
import type { IssueType } from '../domain/case';
import type { BundleCase, BundleEvidence } from './types';
import { chineseDateTime, exhibitLabel, issueTypeOf, platformLabel } from './labels';

export type ReasonGap = 'time' | 'orderNumber' | 'amount' | 'details';

export interface ReasonDraft {
  text: string;
  /** Facts the draft had to leave as prompts. */
  gaps: ReasonGap[];
}

const PURCHASE_LABELS = /付款|支付|下单|创建|成交/;

type ReasonEvidence = Pick<BundleEvidence, 'kind' | 'fields' | 'messages'>;

function firstField(evidence: readonly ReasonEvidence[], type: 'orderNumber' | 'amount'): string {
  for (const e of evidence) for (const f of e.fields) if (f.type === type && f.value !== '') return f.value;
  return '';
}

/** The purchase time: the case's own, else a labelled payment/order time OCR read, else the earliest. */
function purchaseTime(c: BundleCase, evidence: readonly ReasonEvidence[]): string {
  if (c.purchasedAt !== '') return c.purchasedAt;
  const stamps = evidence.filter((e) => e.kind === 'order' || e.kind === 'payment').flatMap((e) => e.fields.filter((f) => f.type === 'timestamp'));
  const labelled = stamps.filter((f) => f.label !== null && PURCHASE_LABELS.test(f.label)).map((f) => f.value);
  return [...labelled].sort()[0] ?? [...stamps.map((f) => f.value)].sort()[0] ?? '';
}

const ISSUE_SENTENCES: Record<IssueType, string> = {
  'invalid-code': '收到的卡密在兑换/激活时提示无效（【请填写页面提示，如“卡密已被使用”】），无法使用',
  'not-received': '付款后至今未收到商品（虚拟商品未到账）',
  'not-as-described': '收到的商品与商品页面描述不符：【请写明具体不符之处，如“页面标注4核，实际为2核”】',
  quality: '收到的商品存在质量问题：【请写明具体问题，如“屏幕有划痕、无法开机”】',
  'double-charge': '同一笔订单被重复扣款两次',
  'duplicate-order': '因系统原因同一商品产生了重复订单',
  'seller-unreachable': '付款后商家未履约，且多次联系均未获答复',
  other: '【请写明发生了什么】',
};

function defaultRequest(issue: IssueType, amount: string): string {
  const money = amount === '' ? '' : `${amount}元`;
  switch (issue) {
    case 'double-charge':
      return `退还重复扣除的款项${money}`;
    case 'duplicate-order':
      return `取消重复订单并退还${money === '' ? '款项' : money}`;
    case 'not-as-described':
    case 'quality':
      return `退货退款${money}`;
    default:
      return `全额退款${money}`;
  }
}

/** The first chat contact the evidence shows: a transcript's first message, or a chat screenshot's time. */
function firstContact(evidence: readonly ReasonEvidence[]): { at: string; exhibit: number } | null {
  let best: { at: string; exhibit: number } | null = null;
  evidence.forEach((e, i) => {
    if (e.kind !== 'chat') return;
    const times = [...(e.messages ?? []).map((m) => m.at ?? ''), ...e.fields.filter((f) => f.type === 'timestamp').map((f) => f.value)].filter((t) => t !== '');
    const at = times.sort()[0];
    if (at !== undefined && (best === null || at < best.at)) best = { at, exhibit: i + 1 };
  });
  return best;
}

export interface ReasonOptions {
  /** false leaves unknown facts out instead of writing 【…】 prompts (for a letter printed as is). */
  prompts?: boolean;
}

/** Drops 【…】 prompts and the punctuation that only made sense around them. */
export function stripPrompts(text: string): string {
  return text
    .replace(/（【[^】]*】）/g, '')
    .replace(/[：:]【[^】]*】/g, '')
    .replace(/【[^】]*】/g, '');
}

export function writeReason(c: BundleCase, evidence: readonly ReasonEvidence[], opts: ReasonOptions = {}): ReasonDraft {
  const issue = issueTypeOf(c.issue);
  const gaps: ReasonGap[] = [];
  const at = purchaseTime(c, evidence);
  const order = c.orderNumber !== '' ? c.orderNumber : firstField(evidence, 'orderNumber');
  const amount = c.amount !== '' ? c.amount : firstField(evidence, 'amount');
  if (at === '') gaps.push('time');
  if (order === '') gaps.push('orderNumber');
  if (amount === '') gaps.push('amount');

  const prompt = opts.prompts !== false;
  const fill = (value: string, asked: string): string | null => (value !== '' ? value : prompt ? asked : null);
  const where = [platformLabel(c.platform), c.shop === '' ? '' : `「${c.shop}」`].filter((s) => s !== '').join('');
  const what = c.item === '' ? '商品' : `「${c.item}」`;
  const when = fill(at === '' ? '' : chineseDateTime(at), '【请填写购买时间】');
  const parts = [
    `${when === null ? '' : `${when}，`}本人在${fill(where, '【平台及店铺】') ?? '平台'}购买${what}`,
    fill(order === '' ? '' : `订单号${order}`, '订单号【请填写订单号】'),
    fill(amount === '' ? '' : `实付${amount}元`, '实付【金额】元'),
  ].filter((p): p is string => p !== null);
  const sentences = [`${parts.join('，')}。`];
  const own = c.issue.trim();
  const rawIssue = issue === 'other' && own !== '' && own !== 'other' ? own : ISSUE_SENTENCES[issue];
  if (rawIssue.includes('【')) gaps.push('details');
  const issueText = prompt ? rawIssue : stripPrompts(rawIssue);
  if (issueText !== '') sentences.push(`${issueText}。`);

  const contact = firstContact(evidence);
  if (contact) sentences.push(`${chineseDateTime(contact.at)}已联系商家客服说明情况（见${exhibitLabel(contact.exhibit)}），至今未解决。`);
  if (evidence.length > 0) {
    sentences.push(evidence.length === 1 ? `相关材料见${exhibitLabel(1)}。` : `相关材料见${exhibitLabel(1)}至${exhibitLabel(evidence.length)}。`);
  }
  const request = c.request.trim() !== '' ? c.request.trim().replace(/^(要求|请求|申请)/, '') : defaultRequest(issue, amount);
  sentences.push(`现要求${request.replace(/[。.]$/, '')}。`);
  return { text: sentences.join(''), gaps };
}

// The reason linter: platforms reject vague or emotional reasons, so it points at subjective words
// with an objective way to say the same thing, and checks that the three facts reviewers look for
// (a time, the order number, a concrete request) are there.

export type LintCode = 'subjective' | 'relative-time' | 'missing-time' | 'missing-order' | 'missing-request' | 'placeholder' | 'too-short';

export interface LintIssue {
  code: LintCode;
  message: string;
  /** Offsets into the text for word-level findings. */
  start?: number;
  end?: number;
  word?: string;
  suggestion?: string;
}

export interface SubjectiveWord {
  word: string;
  suggestion: string;
}

/** Longer words first, so 垃圾商家 is reported once rather than as 垃圾 too. */
export const SUBJECTIVE_WORDS: readonly SubjectiveWord[] = [
  { word: '虚假宣传', suggestion: '写明与描述参数不符之处，如“页面承诺4核，实际为2核”' },
  { word: '垃圾商家', suggestion: '陈述商家的具体行为，如“收款后未发货，且48小时内未回复”' },
  { word: '不喜欢', suggestion: '写明具体与描述不符之处；如属七日无理由退货，直接写“申请七日无理由退货”' },
  { word: '不想要', suggestion: '如属七日无理由退货，写“申请七日无理由退货”；否则写明具体原因' },
  { word: '骗子', suggestion: '陈述事实，如“付款后卡密无效，商家拒绝退款”' },
  { word: '诈骗', suggestion: '陈述事实经过，由平台或监管部门认定性质' },
  { word: '欺骗', suggestion: '写明承诺内容与实际情况，如“页面写明24小时发货，实际5天未发货”' },
  { word: '垃圾', suggestion: '写明具体问题，如“屏幕有划痕、无法开机”' },
  { word: '坑人', suggestion: '写明具体损失，如“多扣款149.90元”' },
  { word: '黑心', suggestion: '陈述商家的具体行为' },
  { word: '无良', suggestion: '陈述商家的具体行为' },
  { word: '奸商', suggestion: '陈述商家的具体行为' },
  { word: '忽悠', suggestion: '写明商家的原话及时间，并引用聊天记录的证据编号' },
  { word: '恶心', suggestion: '写明具体问题' },
  { word: '气死', suggestion: '删去情绪表达，只写事实和诉求' },
  { word: '太差', suggestion: '写明具体哪一项不符合描述或标准' },
  { word: '态度差', suggestion: '写明客服的原话及时间，如“11月16日客服回复‘不处理’”' },
  { word: '差评', suggestion: '删去评价威胁，只写事实和诉求' },
  { word: '曝光', suggestion: '删去威胁性措辞，只写事实和诉求' },
];

const RELATIVE_TIME = /昨天|前天|今天|刚才|上周|前几天|最近/g;
const ABSOLUTE_TIME = /\d{4}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}|\d{1,2}\s*月\s*\d{1,2}\s*[日号]/;
const ORDER_LIKE = /订单(?:编)?号\s*[:：]?\s*[A-Za-z0-9-]{6,}|\d{11,}/;
const REQUEST = /退款|退货|换货|补发|重新发货|重发|赔偿|退还|返还|更换|取消订单|取消重复|履行|发货/;
const PLACEHOLDER = /【[^】]*】/g;
const MIN_LENGTH = 30;

export interface LintOptions {
  /** The case's order number: when known, the text must contain it. */
  orderNumber?: string;
}

const squash = (s: string) => s.replace(/\s+/g, '');

export function lintReason(text: string, opts: LintOptions = {}): LintIssue[] {
  const issues: LintIssue[] = [];
  const taken: Array<[number, number]> = [];
  for (const { word, suggestion } of SUBJECTIVE_WORDS) {
    for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
      const end = at + word.length;
      if (taken.some(([s, e]) => at < e && end > s)) continue;
      taken.push([at, end]);
      issues.push({ code: 'subjective', word, start: at, end, suggestion, message: `“${word}”是主观或情绪化用语，审核人员通常不采信。` });
    }
  }
  if (/[!！]{2,}/.test(text)) issues.push({ code: 'subjective', word: '！！', message: '连续感叹号显得情绪化。', suggestion: '用句号，平实陈述' });

  for (const m of text.matchAll(PLACEHOLDER)) {
    issues.push({ code: 'placeholder', start: m.index, end: m.index + m[0].length, word: m[0], message: `还有待填写的内容：${m[0]}` });
  }
  const rel = [...text.matchAll(RELATIVE_TIME)][0];
  if (rel) {
    issues.push({ code: 'relative-time', start: rel.index, end: rel.index + rel[0].length, word: rel[0], message: `“${rel[0]}”会随时间变得不明确。`, suggestion: '写具体日期，如“11月15日”' });
  } else if (!ABSOLUTE_TIME.test(text)) {
    issues.push({ code: 'missing-time', message: '缺少时间：写明购买或出问题的具体日期。', suggestion: '如“2026年11月15日20:31购买”' });
  }
  const order = opts.orderNumber?.trim() ?? '';
  if (order !== '' ? !squash(text).includes(squash(order)) : !ORDER_LIKE.test(text)) {
    issues.push({ code: 'missing-order', message: '缺少订单号：审核人员凭订单号查单。', suggestion: order === '' ? '写明“订单号XXXX”' : `写明“订单号${order}”` });
  }
  if (!REQUEST.test(text)) {
    issues.push({ code: 'missing-request', message: '缺少具体诉求：写明希望对方做什么。', suggestion: '如“要求全额退款149.90元”' });
  }
  if (squash(text).length < MIN_LENGTH) issues.push({ code: 'too-short', message: '理由过于简短，平台常以“理由不清”驳回。', suggestion: '按“时间 + 事件 + 诉求”写完整' });
  return issues;
}

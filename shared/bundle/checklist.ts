// What a platform or 12315 expects to see for each kind of dispute. Data, not code: shops and
// platforms differ and change, so the UI shows these as editable suggestions and never blocks on them.
import type { IssueType } from '../domain/case';
import type { EvidenceKind } from '../domain/evidence';

/** An item matches when its kind is listed (if kinds are given) and a keyword occurs (if given). */
export interface EvidenceMatcher {
  kinds?: readonly EvidenceKind[];
  keywords?: readonly string[];
}

export interface EvidenceNeed {
  id: string;
  label: string;
  /** Where to find it, in the buyer's terms. */
  hint: string;
  /** Any one matcher suffices. */
  anyOf: readonly EvidenceMatcher[];
  /** How many different items are needed (two receipts for a double charge). */
  count: number;
  /** Recommended rather than expected. */
  optional: boolean;
}

const need = (id: string, label: string, hint: string, anyOf: EvidenceMatcher[], count = 1, optional = false): EvidenceNeed => ({
  id,
  label,
  hint,
  anyOf,
  count,
  optional,
});

const ORDER = need('order', '订单截图', '订单详情页，能看到订单号、商品、金额和下单时间', [{ kinds: ['order'] }]);
const PAYMENT = need('payment', '付款凭证', '微信/支付宝账单详情，能看到交易单号和金额', [{ kinds: ['payment'] }], 1, true);
const CHAT = need('chat', '与客服沟通记录', '聊天截图或聊天记录导出，能看到你提出的问题和商家的答复', [{ kinds: ['chat'] }]);
const CHAT_OPTIONAL = { ...CHAT, optional: true };
const FAILURE_WORDS = ['激活', '失败', '错误', '无效', '已被使用', '已使用', '报错', '提示'];

export const EVIDENCE_CHECKLISTS: Record<IssueType, readonly EvidenceNeed[]> = {
  'invalid-code': [
    ORDER,
    need('activation-failure', '卡密激活失败截图 / 平台错误提示', '兑换或激活页面上的错误提示（如“卡密已被使用”），最好连同输入的卡密一起截图', [
      { kinds: ['defect', 'video'] },
      { kinds: ['other', 'policy', 'order'], keywords: FAILURE_WORDS },
    ]),
    CHAT,
    PAYMENT,
  ],
  'not-received': [
    ORDER,
    need('logistics', '物流截图', '物流详情页，能看到运单号和最新状态；虚拟商品请截图“未到账”的页面', [
      { kinds: ['logistics'] },
      { kinds: ['other', 'order'], keywords: ['未到账', '未发货', '物流', '运单', '快递'] },
    ]),
    CHAT_OPTIONAL,
    PAYMENT,
  ],
  'not-as-described': [
    ORDER,
    need('listing', '商品页面快照', '下单时的商品详情页（标题、参数、承诺），争议前截图最好', [{ kinds: ['policy'] }, { keywords: ['商品页', '详情页', '宣传', '参数'] }]),
    need('photos', '实物照片', '收到的实物照片或视频，能看出与描述不符之处', [{ kinds: ['defect', 'video'] }]),
    CHAT_OPTIONAL,
  ],
  quality: [
    ORDER,
    need('photos', '问题照片或视频', '清楚拍出质量问题的照片，开箱视频更好', [{ kinds: ['defect', 'video'] }]),
    CHAT_OPTIONAL,
  ],
  'double-charge': [
    need('payments', '两笔扣款记录', '两条付款记录（微信/支付宝账单详情），能看到各自的交易单号和金额', [{ kinds: ['payment'] }], 2),
    ORDER,
    CHAT_OPTIONAL,
  ],
  'duplicate-order': [
    need('orders', '两个订单截图', '两个订单的详情页，能看到各自的订单号和下单时间', [{ kinds: ['order'] }], 2),
    PAYMENT,
    CHAT_OPTIONAL,
  ],
  'seller-unreachable': [
    ORDER,
    need('contact', '联系商家无果的记录', '多次联系商家的聊天截图，能看到发送时间且无人答复', [{ kinds: ['chat'] }]),
    PAYMENT,
  ],
  other: [ORDER, CHAT_OPTIONAL, PAYMENT],
};

/** What a checklist compares: an item's kind and its words (title, purpose, OCR text). */
export interface ChecklistEvidence {
  kind: EvidenceKind;
  title: string;
  purpose?: string;
  text?: string;
}

export interface ChecklistEntry {
  need: EvidenceNeed;
  /** Indices into the evidence list of the items that satisfy it. */
  matched: number[];
  /** How many more are needed (0 when satisfied). */
  missing: number;
}

export interface ChecklistResult {
  entries: ChecklistEntry[];
  /** True when every non-optional need is satisfied. */
  complete: boolean;
}

export function matches(matcher: EvidenceMatcher, item: ChecklistEvidence): boolean {
  if (matcher.kinds && !matcher.kinds.includes(item.kind)) return false;
  if (!matcher.keywords) return true;
  const words = `${item.title} ${item.purpose ?? ''} ${item.text ?? ''}`;
  return matcher.keywords.some((k) => words.includes(k));
}

/**
 * Each item counts towards at most one need, the first it satisfies, so one order screenshot does
 * not pass as both the order and the activation failure; an item that matches several needs goes to
 * the one its kind names most directly (matchers with keywords only when nothing else takes it).
 */
export function evidenceChecklist(issue: IssueType, evidence: readonly ChecklistEvidence[], needs = EVIDENCE_CHECKLISTS[issue]): ChecklistResult {
  const used = new Set<number>();
  const matched = needs.map(() => [] as number[]);
  const pass = (strict: boolean) => {
    needs.forEach((n, ni) => {
      evidence.forEach((item, i) => {
        const slot = matched[ni];
        if (!slot || used.has(i) || slot.length >= n.count) return;
        const ok = n.anyOf.some((m) => (strict ? m.keywords === undefined : true) && matches(m, item));
        if (ok) {
          slot.push(i);
          used.add(i);
        }
      });
    });
  };
  pass(true);
  pass(false);
  const entries = needs.map((n, ni) => {
    const m = matched[ni] ?? [];
    return { need: n, matched: m, missing: Math.max(0, n.count - m.length) };
  });
  return { entries, complete: entries.every((e) => e.need.optional || e.missing === 0) };
}

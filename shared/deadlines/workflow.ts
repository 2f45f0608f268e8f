// The case workflow: which status moves are allowed and which deadlines each move proposes.
// Real disputes skip steps (a seller answers before the platform reviews, a shop vanishes
// and the buyer goes straight to 12315), so the graph is permissive; it only forbids moves
// that make no sense, such as returning to 收集证据 from an open dispute.
import type { CaseStatus, GoodsType, VirtualState } from '../domain/case';
import { computeDue, type DueResult } from './due';
import { DeadlineInputError } from './localtime';
import { resolvePreset, type PresetId, type PresetOverrides } from './presets';

const TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  collecting: ['refund-requested', 'platform-intervention', 'complaint-12315', 'closed'],
  'refund-requested': ['platform-review', 'awaiting-seller', 'refunded', 'rejected', 'platform-intervention', 'closed'],
  'platform-review': ['awaiting-seller', 'refunded', 'rejected', 'platform-intervention', 'closed'],
  'awaiting-seller': ['platform-review', 'refunded', 'rejected', 'platform-intervention', 'closed'],
  // A refund that never arrives reopens the dispute.
  refunded: ['appealing', 'platform-intervention', 'complaint-12315', 'closed'],
  // A rejected request may be filed again with a better-worded reason.
  rejected: ['refund-requested', 'appealing', 'platform-intervention', 'complaint-12315', 'closed'],
  appealing: ['platform-review', 'awaiting-seller', 'platform-intervention', 'refunded', 'rejected', 'complaint-12315', 'closed'],
  'platform-intervention': ['awaiting-seller', 'refunded', 'rejected', 'complaint-12315', 'closed'],
  'complaint-12315': ['refunded', 'rejected', 'closed'],
  // Reopening starts over from evidence collection.
  closed: ['collecting'],
};

export function allowedTransitions(from: CaseStatus): readonly CaseStatus[] {
  return TRANSITIONS[from];
}

export function canTransition(from: CaseStatus, to: CaseStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** Timeline events that are not status changes but still start a deadline. */
export const CASE_EVENTS = ['supplement-requested', 'goods-signed', 'harm-discovered'] as const;
export type CaseEvent = (typeof CASE_EVENTS)[number];

export type DeadlineTrigger = CaseStatus | CaseEvent;

/** A proposed deadline; `after` chains it to the end of an earlier proposal instead of the event time. */
export interface DeadlineProposal {
  presetId: PresetId;
  after?: PresetId;
}

const PROPOSALS: Readonly<Partial<Record<DeadlineTrigger, readonly DeadlineProposal[]>>> = {
  'refund-requested': [{ presetId: 'platform-review' }],
  'awaiting-seller': [{ presetId: 'seller-response' }],
  'platform-intervention': [{ presetId: 'arbitration-escalate' }],
  // Mediation runs from acceptance; until the buyer records the real acceptance time,
  // the latest lawful acceptance day is the honest starting point.
  'complaint-12315': [{ presetId: '12315-acceptance' }, { presetId: '12315-mediation', after: '12315-acceptance' }],
  refunded: [{ presetId: 'refund-arrival-bank' }],
  'supplement-requested': [{ presetId: 'supplement-materials' }],
  'goods-signed': [{ presetId: 'seven-day-return' }],
  'harm-discovered': [{ presetId: 'complaint-limitation' }],
};

export function proposedPresets(trigger: DeadlineTrigger): readonly DeadlineProposal[] {
  return PROPOSALS[trigger] ?? [];
}

export interface ComputedProposal extends DueResult {
  presetId: PresetId;
  /** Local "YYYY-MM-DDTHH:mm[:ss]" the period was counted from. */
  start: string;
}

/** The proposals for a trigger at local time `at`, with their due times, chains resolved. */
export function proposeDeadlines(
  trigger: DeadlineTrigger,
  at: string,
  overrides: PresetOverrides = {},
): ComputedProposal[] {
  const out: ComputedProposal[] = [];
  for (const proposal of proposedPresets(trigger)) {
    const anchor = proposal.after === undefined ? undefined : out.find((p) => p.presetId === proposal.after);
    const start = anchor?.due ?? at;
    const due = computeDue(resolvePreset(proposal.presetId, overrides), start);
    out.push({ presetId: proposal.presetId, start, ...due, provisional: due.provisional || (anchor?.provisional ?? false) });
  }
  return out;
}

export interface TransitionPlan {
  from: CaseStatus;
  to: CaseStatus;
  /** Local time of the move, for the case timeline. */
  at: string;
  deadlines: ComputedProposal[];
}

/** Validates a status move and computes the deadlines it proposes. Throws DeadlineInputError when refused. */
export function planTransition(
  from: CaseStatus,
  to: CaseStatus,
  at: string,
  overrides: PresetOverrides = {},
): TransitionPlan {
  if (!canTransition(from, to)) {
    throw new DeadlineInputError(`a case cannot move from "${from}" to "${to}"`);
  }
  return { from, to, at, deadlines: proposeDeadlines(to, at, overrides) };
}

export interface SevenDayReturnWarning {
  /** i18n key of the warning text. */
  key: 'deadlines.sevenDayReturn.virtualActivated' | 'deadlines.sevenDayReturn.virtualUsed';
  /** The legal exclusion, shown verbatim. */
  citation: string;
}

const VIRTUAL_EXCLUSION =
  '《消费者权益保护法》第二十五条第一款第(三)项、《网络购买商品七日无理由退货暂行办法》第六条第(三)项:在线下载或者消费者拆封的音像制品、计算机软件等数字化商品不适用七日无理由退货;' +
  '同办法第七条第(二)项:一经激活或者试用后价值贬损较大的商品,经消费者在购买时确认,可以不适用。';

/**
 * Why 七日无理由 probably does not apply, or null when it may. The warning does not close
 * the door: a defective code (卡密无效) is the seller's fault and is refundable regardless.
 */
export function sevenDayReturnWarning(
  goodsType: GoodsType,
  virtualState: VirtualState | null,
): SevenDayReturnWarning | null {
  if (goodsType !== 'virtual') return null;
  if (virtualState === 'activated-unused') {
    return { key: 'deadlines.sevenDayReturn.virtualActivated', citation: VIRTUAL_EXCLUSION };
  }
  if (virtualState === 'used') return { key: 'deadlines.sevenDayReturn.virtualUsed', citation: VIRTUAL_EXCLUSION };
  return null;
}

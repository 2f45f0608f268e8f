// What a new case shows at once: whether 七日无理由 applies (with the legal exclusion when it does not)
// and the first deadline worth watching, from the facts the new-case flow collected.
import { computeDue, type DueResult } from '../deadlines/due';
import { resolvePreset, type PresetId, type PresetOverrides } from '../deadlines/presets';
import { sevenDayReturnWarning, type SevenDayReturnWarning } from '../deadlines/workflow';
import type { CaseRecord } from './case';

export type SevenDayVerdict =
  | { applies: true; basis: 'physical' | 'virtual-unactivated' }
  | { applies: false; warning: SevenDayReturnWarning };

/** Physical goods and unactivated virtual goods may be returned; activated or used virtual goods usually not. */
export function sevenDayVerdict(record: Pick<CaseRecord, 'goodsType' | 'virtualState'>): SevenDayVerdict {
  const warning = sevenDayReturnWarning(record.goodsType, record.virtualState);
  if (warning) return { applies: false, warning };
  return { applies: true, basis: record.goodsType === 'physical' ? 'physical' : 'virtual-unactivated' };
}

export interface FirstDeadline extends DueResult {
  presetId: PresetId;
  /** Local "YYYY-MM-DDTHH:mm" the period counts from (a fact the buyer entered). */
  start: string;
}

/**
 * The deadline to watch first, or null when the facts to count from are missing. Candidates: a card
 * shop's 当天投诉 window from the order time, and 七日无理由 from 签收 when it applies. The earliest one
 * still ahead of `nowLocal` wins; if all have passed, the latest of them (the one that passed last).
 */
export function firstDeadline(
  record: Pick<CaseRecord, 'platform' | 'goodsType' | 'virtualState' | 'purchasedAt' | 'signedAt'>,
  nowLocal: string,
  overrides: PresetOverrides = {},
): FirstDeadline | null {
  const candidates: { presetId: PresetId; start: string }[] = [];
  if (record.platform === 'kameng' && record.purchasedAt) candidates.push({ presetId: 'card-shop-same-day', start: record.purchasedAt });
  if (sevenDayVerdict(record).applies && record.signedAt) candidates.push({ presetId: 'seven-day-return', start: record.signedAt });
  const computed: FirstDeadline[] = [];
  for (const c of candidates) {
    try {
      computed.push({ ...c, ...computeDue(resolvePreset(c.presetId, overrides), c.start) });
    } catch {
      // A malformed date the buyer typed gives no deadline rather than a wrong one.
    }
  }
  if (computed.length === 0) return null;
  const ahead = computed.filter((d) => d.due >= nowLocal).sort((a, b) => a.dueAt - b.dueAt);
  return ahead[0] ?? [...computed].sort((a, b) => b.dueAt - a.dueAt)[0] ?? null;
}

// A 卡盟/发卡网 case's first deadline: the shop only takes a complaint on the order's calendar day
// (当天投诉), so by the time the buyer opens the app there are hours left, not days. The deadline
// starts with a reminder due the moment it is created, then a few hour-scale ones; the default
// 1-day reminder would never fire on a window shorter than a day.
import { computeDue } from './due';
import { resolvePreset, type PresetOverrides } from './presets';
import type { ComputedProposal } from './workflow';

/** After the immediate one: 2 hours, 30 minutes and at the close. */
export const CARD_SHOP_OFFSETS_MIN: readonly number[] = [120, 30, 0];

const MIN = 60_000;

export interface CardShopAlert {
  proposal: ComputedProposal;
  offsetsMin: number[];
  /**
   * The deadline's createdAt: the immediate reminder's own time (at most a minute before `now`,
   * since offsets are whole minutes), so reminders.ts neither skips it as predating the deadline
   * nor waits a minute to show it.
   */
  createdAt: number;
}

/**
 * The 当天投诉 deadline for an order placed at `purchasedAt` (local "YYYY-MM-DDTHH:mm[:ss]"), seen at
 * `now` (epoch ms); null when the case is no card shop's, has no purchase time, or the window closed.
 */
export function cardShopAlert(platform: string, purchasedAt: string, now: number, overrides: PresetOverrides = {}): CardShopAlert | null {
  if (platform !== 'kameng' || purchasedAt === '') return null;
  const due = computeDue(resolvePreset('card-shop-same-day', overrides), purchasedAt);
  if (due.dueAt <= now) return null;
  const atOnce = Math.ceil((due.dueAt - now) / MIN);
  return {
    proposal: { presetId: 'card-shop-same-day', start: purchasedAt, ...due },
    offsetsMin: [atOnce, ...CARD_SHOP_OFFSETS_MIN.filter((o) => o < atOnce)],
    createdAt: due.dueAt - atOnce * MIN,
  };
}

import { describe, expect, it } from 'vitest';
import { fromShanghaiLocal } from '../time/shanghai';
import { cardShopAlert } from './cardShop';
import { computeDue } from './due';
import { getPreset } from './presets';
import { planReminders } from './reminders';

const at = (local: string): number => {
  const ms = fromShanghaiLocal(local);
  if (ms === null) throw new Error(local);
  return ms;
};

describe('card-shop presets around midnight and across 调休 days', () => {
  it.each([
    // 当天投诉: the order's calendar day, whatever kind of day it is.
    ['card-shop-same-day', '2026-11-17T00:00:00', '2026-11-17T23:59:59'],
    ['card-shop-same-day', '2026-11-17T23:59:59', '2026-11-17T23:59:59'],
    ['card-shop-same-day', '2026-12-31T23:50', '2026-12-31T23:59:59'],
    ['card-shop-same-day', '2026-02-14T10:00', '2026-02-14T23:59:59'], // Saturday make-up working day
    ['card-shop-same-day', '2026-02-15T10:00', '2026-02-15T23:59:59'], // first day of 春节
    ['card-shop-same-day', '2026-10-10T08:00', '2026-10-10T23:59:59'], // Saturday make-up working day
    // 平台介入: 24 hours, across midnight, into and out of holidays, never extended.
    ['card-shop-platform-step-in', '2026-11-17T23:59:59', '2026-11-18T23:59:59'],
    ['card-shop-platform-step-in', '2026-12-31T23:30', '2027-01-01T23:30:00'],
    ['card-shop-platform-step-in', '2026-02-14T12:00', '2026-02-15T12:00:00'],
    ['card-shop-platform-step-in', '2026-10-07T20:00', '2026-10-08T20:00:00'],
    ['card-shop-platform-step-in', '2026-10-09T21:00', '2026-10-10T21:00:00'],
  ] as const)('%s from %s → %s', (id, start, due) => {
    expect(computeDue(getPreset(id), start).due).toBe(due);
  });
});

describe('cardShopAlert: the first alert at once', () => {
  it.each([
    // [order time, now, offsets]: hours left, so the 1-day default would never fire.
    ['2026-11-17T20:00', '2026-11-17T20:05:00', [235, 120, 30, 0]],
    ['2026-11-17T23:30', '2026-11-17T23:30:00', [30, 0]],
    ['2026-11-17T23:59', '2026-11-17T23:59:30', [1, 0]],
    ['2026-11-17T00:00:01', '2026-11-17T00:00:30', [1440, 120, 30, 0]],
    ['2026-10-01T09:00', '2026-10-01T21:15:10', [165, 120, 30, 0]],
  ] as const)('ordered %s, opened %s → %j', (purchasedAt, now, offsets) => {
    const alert = cardShopAlert('kameng', purchasedAt, at(now));
    expect(alert?.offsetsMin).toEqual(offsets);
    expect(alert?.proposal.due.slice(0, 10)).toBe(purchasedAt.slice(0, 10));
  });

  it.each([
    ['another platform', 'taobao', '2026-11-17T20:00', '2026-11-17T20:05:00'],
    ['no purchase time', 'kameng', '', '2026-11-17T20:05:00'],
    ['opened after midnight', 'kameng', '2026-11-17T23:30', '2026-11-18T00:00:00'],
    ['opened at the last second', 'kameng', '2026-11-17T23:30', '2026-11-17T23:59:59'],
  ])('none for %s', (_name, platform, purchasedAt, now) => {
    expect(cardShopAlert(platform, purchasedAt, at(now))).toBeNull();
  });

  it.each(['2026-11-17T20:05:00', '2026-11-17T20:05:59', '2026-11-17T23:59:58'])('the reminder planner shows it at once (opened %s), not missed, and plans the next', (opened) => {
    const now = at(opened);
    const alert = cardShopAlert('kameng', '2026-11-17T20:00', now);
    if (!alert) throw new Error('expected an alert');
    expect(alert.createdAt).toBeLessThanOrEqual(now);
    expect(now - alert.createdAt).toBeLessThan(60_000);
    const plan = planReminders([{ id: 'd1', dueAt: alert.proposal.dueAt, offsetsMin: alert.offsetsMin, done: false, createdAt: alert.createdAt }], [], now);
    expect(plan.due).toHaveLength(1);
    expect(plan.due[0]?.offsetMin).toBe(alert.offsetsMin[0]);
    expect(plan.due[0]?.missed).toBe(false);
    expect(plan.nextWakeAt).not.toBeNull();
    expect(plan.nextWakeAt ?? 0).toBeGreaterThan(now);
  });
});

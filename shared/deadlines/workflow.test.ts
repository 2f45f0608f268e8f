import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, type CaseStatus, type GoodsType, type VirtualState } from '../domain/case';
import { DeadlineInputError } from './localtime';
import {
  allowedTransitions,
  canTransition,
  planTransition,
  proposeDeadlines,
  proposedPresets,
  sevenDayReturnWarning,
  type DeadlineTrigger,
} from './workflow';

describe('transitions', () => {
  it.each<[CaseStatus, CaseStatus, boolean]>([
    // The usual path.
    ['collecting', 'refund-requested', true],
    ['refund-requested', 'platform-review', true],
    ['platform-review', 'awaiting-seller', true],
    ['awaiting-seller', 'refunded', true],
    ['awaiting-seller', 'rejected', true],
    ['rejected', 'appealing', true],
    ['appealing', 'platform-intervention', true],
    ['platform-intervention', 'complaint-12315', true],
    ['complaint-12315', 'closed', true],
    ['refunded', 'closed', true],
    // Shortcuts real disputes take.
    ['collecting', 'complaint-12315', true],
    ['refund-requested', 'refunded', true],
    ['rejected', 'refund-requested', true],
    ['refunded', 'appealing', true],
    ['closed', 'collecting', true],
    // Nonsense.
    ['refund-requested', 'collecting', false],
    ['complaint-12315', 'platform-review', false],
    ['closed', 'refunded', false],
    ['collecting', 'refunded', false],
  ])('%s → %s allowed=%s', (from, to, allowed) => {
    expect(canTransition(from, to)).toBe(allowed);
  });

  it.each(CASE_STATUSES.filter((s) => s !== 'closed'))('%s can always be closed', (from) => {
    expect(canTransition(from, 'closed')).toBe(true);
  });

  it.each(CASE_STATUSES)('%s never transitions to itself and only to known statuses', (from) => {
    expect(allowedTransitions(from)).not.toContain(from);
    for (const to of allowedTransitions(from)) expect(CASE_STATUSES).toContain(to);
  });

  it('reaches every status from collecting', () => {
    const seen = new Set<CaseStatus>(['collecting']);
    const queue: CaseStatus[] = ['collecting'];
    for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
      for (const to of allowedTransitions(s).filter((next) => !seen.has(next))) {
        seen.add(to);
        queue.push(to);
      }
    }
    expect([...seen].sort()).toEqual([...CASE_STATUSES].sort());
  });
});

describe('proposed deadlines', () => {
  it.each<[DeadlineTrigger, string[]]>([
    ['collecting', []],
    ['refund-requested', ['platform-review']],
    ['platform-review', []],
    ['awaiting-seller', ['seller-response']],
    ['refunded', ['refund-arrival-bank']],
    ['rejected', []],
    ['appealing', []],
    ['platform-intervention', ['arbitration-escalate']],
    ['complaint-12315', ['12315-acceptance', '12315-mediation']],
    ['closed', []],
    ['supplement-requested', ['supplement-materials']],
    ['goods-signed', ['seven-day-return']],
    ['harm-discovered', ['complaint-limitation']],
  ])('%s proposes %j', (trigger, ids) => {
    expect(proposedPresets(trigger).map((p) => p.presetId)).toEqual(ids);
  });

  it('chains 12315 mediation to the end of the acceptance period', () => {
    expect(proposeDeadlines('complaint-12315', '2026-09-30T10:00')).toEqual([
      expect.objectContaining({ presetId: '12315-acceptance', start: '2026-09-30T10:00', due: '2026-10-15T23:59:59' }),
      // Order 121: sixty days from acceptance (Order 20 counted 45 working days, to 2026-12-17).
      expect.objectContaining({ presetId: '12315-mediation', start: '2026-10-15T23:59:59', due: '2026-12-14T23:59:59' }),
    ]);
  });

  it('carries a provisional acceptance into the chained mediation', () => {
    const [acceptance, mediation] = proposeDeadlines('complaint-12315', '2026-12-28T10:00');
    expect(acceptance?.provisional).toBe(true);
    expect(mediation?.provisional).toBe(true);
  });

  it('applies the user’s edited lengths', () => {
    const [review] = proposeDeadlines('refund-requested', '2026-09-30T10:00', { 'platform-review': 1 });
    expect(review).toMatchObject({ presetId: 'platform-review', due: '2026-10-08T23:59:59' });
  });
});

describe('planTransition', () => {
  it('proposes platform-review for 已申请退款, timed at the move', () => {
    expect(planTransition('collecting', 'refund-requested', '2026-09-30T10:00')).toEqual({
      from: 'collecting',
      to: 'refund-requested',
      at: '2026-09-30T10:00',
      deadlines: [
        {
          presetId: 'platform-review',
          start: '2026-09-30T10:00',
          due: '2026-10-10T23:59:59',
          dueAt: Date.UTC(2026, 9, 10, 15, 59, 59),
          provisional: false,
        },
      ],
    });
  });

  it.each<[CaseStatus, CaseStatus, string, string]>([
    ['closed', 'refunded', '2026-09-30T10:00', 'cannot move from "closed" to "refunded"'],
    ['collecting', 'refund-requested', '2026-09-31T10:00', '2026-09 has 30 days'],
  ])('%s → %s at %s is refused: %s', (from, to, at, message) => {
    expect(() => planTransition(from, to, at)).toThrow(DeadlineInputError);
    expect(() => planTransition(from, to, at)).toThrow(message);
  });
});

describe('sevenDayReturnWarning', () => {
  it.each<[GoodsType, VirtualState | null, string | null]>([
    ['physical', null, null],
    ['physical', 'used', null],
    ['virtual', null, null],
    ['virtual', 'unactivated', null],
    ['virtual', 'activated-unused', 'deadlines.sevenDayReturn.virtualActivated'],
    ['virtual', 'used', 'deadlines.sevenDayReturn.virtualUsed'],
  ])('%s / %s → %s', (goods, state, key) => {
    const warning = sevenDayReturnWarning(goods, state);
    expect(warning?.key ?? null).toBe(key);
    if (warning) {
      expect(warning.citation).toContain('《消费者权益保护法》第二十五条');
      expect(warning.citation).toContain('一经激活或者试用后价值贬损较大');
    }
  });
});

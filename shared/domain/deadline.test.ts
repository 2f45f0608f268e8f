import { describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT, toCaseRecord } from './caseForm';
import { countdown, nextDueByCase, nextOpenDeadline, sortCasesByDeadline } from './deadline';

const H = 3_600_000;
const NOW = Date.UTC(2026, 10, 22, 2, 0, 0);

describe('countdown', () => {
  it.each([
    [NOW + 5 * 24 * H + 3 * H, false, 'later', 5, 3],
    [NOW + 48 * H, false, 'soon', 2, 0],
    [NOW + 23 * H + 59 * 60_000, false, 'today', 0, 23],
    [NOW - 2 * H, false, 'overdue', 0, 2],
    [NOW - 2 * H, true, 'done', 0, 2],
  ] as const)('due %d done=%s → %s %dd %dh', (dueAt, done, urgency, days, hours) => {
    expect(countdown({ dueAt, done }, NOW)).toMatchObject({ urgency, days, hours });
  });
});

describe('next deadline', () => {
  const ds = [
    { id: 'a', caseId: 'c1', dueAt: NOW + 5 * H, done: false },
    { id: 'b', caseId: 'c1', dueAt: NOW + 1 * H, done: true },
    { id: 'c', caseId: 'c1', dueAt: NOW - 1 * H, done: false },
    { id: 'd', caseId: 'c2', dueAt: NOW + 9 * H, done: false },
  ];
  it('picks the earliest open one, overdue included', () => {
    expect(nextOpenDeadline(ds)?.id).toBe('c');
    expect(nextOpenDeadline([])).toBeNull();
    expect(nextOpenDeadline([{ dueAt: 1, done: true }])).toBeNull();
  });
  it('orders cases by their next deadline, then by activity', () => {
    const mk = (id: string, updatedAt: string) => toCaseRecord({ ...EMPTY_CASE_INPUT, title: id }, { id, now: updatedAt });
    const cases = [mk('c0', '2026-11-20T00:00:00'), mk('c1', '2026-11-01T00:00:00'), mk('c2', '2026-11-02T00:00:00'), mk('c3', '2026-11-21T00:00:00')];
    expect(sortCasesByDeadline(cases, nextDueByCase(ds)).map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c0']);
  });
});

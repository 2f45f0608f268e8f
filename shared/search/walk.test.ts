import { describe, expect, it } from 'vitest';
import { rowId, rowRange } from './document';
import { beforeBound, frontier, member, settled, toLookup, type Bound, type Lookup, type SearchPlan, type VerifiedHit } from './walk';

const id = (day: number, e = `e${day}`) => rowId(`2026-11-${String(day).padStart(2, '0')}`, e);
/** A lookup over days (newest first when read), complete or cut after `limit`. */
const days = (ds: number[], limit = Infinity): Lookup => {
  const ids = [...ds].sort((a, b) => b - a).map((d) => id(d));
  return toLookup(ids.slice(0, limit), ids.length <= limit);
};
const plan = (over: Partial<SearchPlan>): SearchPlan => ({ groups: [], total: 1, bridges: [], prune: [], sources: [], range: rowRange(), ...over });

describe('lookups', () => {
  it('knows membership up to its edge only', () => {
    const l = days([1, 3, 5, 7, 9], 3); // holds 9, 7, 5; edge 5
    expect(l.edge).toBe(id(5));
    expect([9, 8, 5, 4, 3].map((d) => member(l, id(d)))).toEqual(['yes', 'no', 'yes', 'unknown', 'unknown']);
    const all = days([1, 3]);
    expect([3, 2].map((d) => member(all, id(d)))).toEqual(['yes', 'no']);
  });

  it('sorts newest first and dedupes', () => {
    expect(toLookup([id(1), id(3), id(1)], true).ids).toEqual([id(3), id(1)]);
    expect(id(3) < id(1)).toBe(true);
    expect(toLookup([], false).complete).toBe(true);
  });
});

describe('frontier', () => {
  it('lists a complete group whole, best tier and newest first', () => {
    const fr = frontier(plan({ groups: [[days([2, 4, 6])]] }), new Set([id(6)]));
    expect(fr.items.map((it) => [it.date, it.tier])).toEqual([
      ['2026-11-04', 0],
      ['2026-11-02', 0],
    ]);
    expect(fr.bound).toBeNull();
  });

  it('walks an open group by its sparsest lookup; denser siblings prune only what they reach', () => {
    const common = days([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 4); // holds 10..7
    const rarer = days([2, 4, 6, 8, 10], 4); // holds 10..4
    const fr = frontier(plan({ groups: [[common, rarer]] }), new Set());
    expect(fr.items.map((it) => it.date.slice(-2))).toEqual(['10', '08', '06', '04']);
    expect(fr.bound).toEqual({ tier: 0, date: '2026-11-04' });
    expect(fr.deepen).toEqual([rarer]);
  });

  it('holds the frontier at a selective filter too, and deepens all holders but the deepest', () => {
    const word = days([11, 12, 13, 14, 15, 16, 17, 18, 19, 20], 4); // holds 20..17, 4 a day
    const filter = days([3, 12, 20], 2); // holds 20, 12: 2 ids over 9 days
    const fr = frontier(plan({ groups: [[word]], prune: [filter] }), new Set());
    expect(fr.items.map((it) => it.date.slice(-2))).toEqual(['20']);
    expect(fr.bound).toEqual({ tier: 0, date: '2026-11-17' });
    expect(fr.deepen).toEqual([word]);
  });

  it('tiers rows by the parts they can hold, and lets bridges rule out the phrase', () => {
    const a = days([1, 2, 3]);
    const b = days([2, 3]);
    const bridge = days([3]);
    const fr = frontier(plan({ groups: [[a], [b]], total: 2, bridges: [bridge] }), new Set());
    expect(fr.items.map((it) => [it.date.slice(-2), it.tier])).toEqual([
      ['03', 0],
      ['02', 1],
      ['01', 3],
    ]);
  });

  it('bounds rows below the frontier by the open groups only', () => {
    const open = days([5, 6, 7, 8], 2); // floor day 7
    const rare = days([1]);
    const fr = frontier(plan({ groups: [[open], [rare]], total: 2 }), new Set());
    // Day 1 might hold the open part too (it is below that part's frontier): optimistic tier 0.
    expect(fr.items.map((it) => [it.date.slice(-2), it.tier])).toEqual([
      ['01', 0],
      ['08', 3],
      ['07', 3],
    ]);
    expect(fr.bound).toEqual({ tier: 3, date: '2026-11-07' });
    expect(fr.deepen).toEqual([open]);
  });

  it('reads a small filter set whole rather than going deeper', () => {
    const open = days([1, 2, 3, 4, 5, 6, 7, 8], 2);
    const fr = frontier(plan({ groups: [[open]], prune: [days([1, 8])], sources: [days([1, 8])] }), new Set());
    expect(fr.items.map((it) => it.date.slice(-2))).toEqual(['08', '01']);
    expect(fr.bound).toBeNull();
  });

  it('drops rows a filter rules out and rows outside the date range', () => {
    const g = days([1, 2, 3, 4]);
    const prune = days([1, 2, 3, 4, 5, 6, 7, 8, 9].filter((d) => d !== 3), 400);
    const fr = frontier(plan({ groups: [[g]], prune: [toLookup(prune.ids, false)], range: rowRange('2026-11-02', '2026-11-03') }), new Set());
    expect(fr.items.map((it) => it.date.slice(-2))).toEqual(['02']);
  });

  it('has no bound once the frontier is below the date range', () => {
    const open = days([5, 6, 7, 8], 2);
    expect(frontier(plan({ groups: [[open]], range: rowRange('2026-11-08') }), new Set()).bound).toBeNull();
  });
});

describe('settled', () => {
  const hit = (evidenceId: string, tier: number, date: string): VerifiedHit => ({ evidenceId, tier, date });
  const next = { id: 'x', tier: 0, date: '2026-11-10' };
  const bound: Bound = { tier: 0, date: '2026-11-08' };
  it.each([
    ['nothing left anywhere', [], undefined, null, 5, true],
    ['enough newer hits', [hit('a', 0, '2026-11-12'), hit('b', 0, '2026-11-11')], next, bound, 2, true],
    ['same-day hits are not safe', [hit('a', 0, '2026-11-12'), hit('b', 0, '2026-11-10')], next, bound, 2, false],
    ['chunks of one item count once', [hit('a', 0, '2026-11-12'), hit('a', 0, '2026-11-11')], next, bound, 2, false],
    ['the bound can still win', [hit('a', 1, '2026-12-01')], undefined, bound, 1, false],
    ['a better tier beats any date', [hit('a', 0, '2020-01-01')], { ...next, tier: 1 }, { tier: 1, date: '2026-12-01' }, 1, true],
  ])('%s', (_name, hits, nextItem, b, limit, expected) => {
    expect(settled(hits, nextItem, b, limit)).toBe(expected);
  });

  it('reads items that can beat the bound first', () => {
    expect(beforeBound({ id: 'x', tier: 0, date: '2026-11-08' }, bound)).toBe(true);
    expect(beforeBound({ id: 'x', tier: 0, date: '2026-11-07' }, bound)).toBe(false);
    expect(beforeBound({ id: 'x', tier: 1, date: '2026-12-07' }, bound)).toBe(false);
    expect(beforeBound({ id: 'x', tier: 1, date: '2026-12-07' }, null)).toBe(true);
  });
});

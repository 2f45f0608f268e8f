// Planning the candidate walk. Chromium's IndexedDB reads every index entry at a real cost (tens
// of microseconds each), so a common word's full posting list (thousands of ids) alone would blow
// the budget. Row ids start with the capture date, inverted (see rowId), so a posting list read in
// key order is newest first and every id carries its row's date: the repository reads only the
// newest P ids of each lookup, verifies the rows those pin down best first, and reads deeper
// (P × 4) only while rows it has not seen could still outrank what it has found.
import { rowDate } from './document';
import { tierOf } from './query';

/** Newest ids of one index key (a term, a filter value, or all rows), and how far back they reach. */
export interface Lookup {
  /** Row ids in key order, which is newest first. */
  ids: readonly string[];
  set: ReadonlySet<string>;
  /** True when ids are every row with the key; otherwise they are all such rows up to `edge`. */
  complete: boolean;
  /** The last (oldest) id read when not complete: beyond it, membership is unknown. */
  edge: string | null;
}

export function toLookup(ids: readonly string[], complete: boolean): Lookup {
  const sorted = [...new Set(ids)].sort();
  const edge = complete ? null : (sorted[sorted.length - 1] ?? null);
  return { ids: sorted, set: new Set(sorted), complete: complete || edge === null, edge };
}

export type Membership = 'yes' | 'no' | 'unknown';

export function member(l: Lookup, id: string): Membership {
  if (l.set.has(id)) return 'yes';
  return l.complete || (l.edge !== null && id <= l.edge) ? 'no' : 'unknown';
}

export interface SearchPlan {
  /** One group per query part, each an AND of lookups; browsing uses one group of filter lookups. */
  groups: Lookup[][];
  /** Number of query parts (0 when browsing), for tiers. */
  total: number;
  /** Terms spanning the joins between parts: absent means the phrase as typed cannot be there. */
  bridges: Lookup[];
  /** Filter lookups: absent means the row is out, unknown means it is checked when read. */
  prune: Lookup[];
  /** Inclusive row-id bounds of the date filter: `lo` is the newest end, `hi` the oldest. */
  range: { lo: string; hi: string };
  /** Complete filter sets small enough (a case, a week) to read whole instead of walking posting
   * lists down to them; the smallest is used. */
  sources: Lookup[];
}

export interface WalkItem {
  id: string;
  /** Best tier the row can reach according to the index (its real tier is never better). */
  tier: number;
  date: string;
}

/** The best any row not listed could still reach: no better tier, and no newer date. */
export interface Bound {
  tier: number;
  date: string;
}

export interface Frontier {
  /** Rows to read now, best first. */
  items: WalkItem[];
  bound: Bound | null;
  /** Lookups to read deeper once the items are used up, if not settled by then. */
  deepen: Lookup[];
  /** Filters to read deeper before reading the items: cheaper than reading rows to check them. */
  prefetch: Lookup[];
}

/** Reading a row to verify it costs about as much as reading this many index entries (measured). */
const ROW_COST = 10;
/** A filter is worth reading as deep as the frontier unless its ids are many times denser than the
 * candidates it would rule out. */
const PRUNE_RATIO = 8;

const dayOf = (id: string) => {
  const date = rowDate(id);
  return date ? Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10))) / 86_400_000 : 0;
};

/** Ids per day over the days a truncated lookup covers: relative density, to compare lookups. */
export function density(l: Lookup): number {
  const newest = l.ids[0];
  if (l.complete || l.edge === null || newest === undefined) return 0;
  return l.ids.length / (dayOf(newest) - dayOf(l.edge) + 1);
}

const bySize = (a: Lookup, b: Lookup) => a.ids.length - b.ids.length;
/** The lookup that reaches furthest back (the sparsest, for pages of one size). */
const furthest = (ls: readonly Lookup[]) => ls.reduce<Lookup | undefined>((best, l) => (!best || (l.edge ?? '') > (best.edge ?? '') ? l : best), undefined);

export function frontier(plan: SearchPlan, visited: ReadonlySet<string>): Frontier {
  const { groups, total, bridges, prune, range } = plan;
  const tierAt = (id: string): number | null => {
    let covered = 0;
    for (const g of groups) if (g.every((l) => member(l, id) !== 'no')) covered++;
    if (covered === 0) return null;
    return tierOf(covered, total, covered >= total && bridges.every((b) => member(b, id) !== 'no'));
  };
  const small = [...plan.sources].sort(bySize)[0];
  const open = small ? [] : groups.filter((g) => !g.some((l) => l.complete));
  // An open group is walked by its sparsest lookup; denser siblings only prune what they reach.
  const reach = open.map((g) => furthest(g)).filter((l): l is Lookup => l !== undefined);
  const candidateDensity = Math.max(0, ...reach.map(density));
  const selective = prune.filter((l) => !l.complete && density(l) <= PRUNE_RATIO * candidateDensity);
  const holders = [...reach, ...selective];
  // The frontier: the nearest edge among them. Up to it, every holder's membership is known.
  let edge: string | null = null;
  for (const l of holders) if (l.edge !== null && (edge === null || l.edge < edge)) edge = l.edge;

  // Rows that can be hits: all of a small filter set; else each bounded group's smallest complete
  // lookup, each open group's rows up to the frontier, and every row that may hold the phrase.
  const candidates = new Set<string>();
  const completeBridge = bridges.filter((b) => b.complete).sort(bySize)[0];
  const sources = small ? [small] : [...groups.map((g) => g.filter((l) => l.complete).sort(bySize)[0]), completeBridge];
  for (const l of sources) for (const id of l?.ids ?? []) candidates.add(id);
  for (const l of reach) for (const id of l.ids) if (edge === null || id <= edge) candidates.add(id);
  const items: WalkItem[] = [];
  for (const id of candidates) {
    if (visited.has(id) || id < range.lo || id > range.hi || prune.some((l) => member(l, id) === 'no')) continue;
    const tier = tierAt(id);
    if (tier !== null) items.push({ id, tier, date: rowDate(id) });
  }
  items.sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  // Beyond the frontier, rows not listed can only hold open groups' parts, and not the phrase
  // when a complete bridge lookup listed every row that could.
  const excluded = prune.some((l) => l.complete && !l.ids.some((id) => id > (edge ?? '\uffff') && id <= range.hi));
  const bounded = edge === null || edge >= range.hi || open.length === 0 || excluded;
  const bound = bounded ? null : { tier: tierOf(open.length, total, open.length >= total && !completeBridge), date: rowDate(edge ?? '') };
  // Rows to be read whose filter membership the filter's lookup does not reach yet: when there
  // are many, reading the filter deeper (a few keys per row) beats reading the rows.
  // Not for a small source: reading its rows is the plan, and they may lie far back.
  const readable = small ? [] : items.filter((it) => beforeBound(it, bound));
  const prefetch = prune.filter((l) => {
    const unknown = readable.filter((it) => member(l, it.id) === 'unknown');
    const oldest = unknown[unknown.length - 1];
    if (l.complete || l.edge === null || !oldest) return false;
    // Keys needed to reach the oldest of them, at the lookup's density so far.
    const keys = density(l) * Math.max(1, dayOf(l.edge) - dayOf(oldest.id));
    return keys < unknown.length * ROW_COST;
  });
  if (bounded) return { items, bound: null, deepen: [], prefetch };
  const last = furthest(holders)?.edge ?? null;
  return {
    items,
    prefetch,
    bound,
    // All holders but the one reaching furthest: one round trip moves the frontier past several.
    deepen: holders.filter((l) => !l.complete && (l.edge !== last || holders.every((h) => h.edge === last))),
  };
}

export interface VerifiedHit {
  evidenceId: string;
  tier: number;
  date: string;
}

const beats = (h: VerifiedHit, x: Bound | undefined | null) => !x || h.tier < x.tier || (h.tier === x.tier && h.date > x.date);

/**
 * True when `limit` evidence items are known to outrank every row not yet read: the next listed
 * item and anything beyond the frontier. Equal dates are not enough, since title hits and
 * occurrences break those ties, so a whole day is always read.
 */
export function settled(hits: Iterable<VerifiedHit>, next: WalkItem | undefined, bound: Bound | null, limit: number): boolean {
  const safe = new Set<string>();
  for (const h of hits) {
    if (beats(h, next) && beats(h, bound)) safe.add(h.evidenceId);
    if (safe.size >= limit) return true;
  }
  return !next && !bound;
}

/** Whether an item is worth reading before the lookups go deeper. */
export function beforeBound(item: WalkItem, bound: Bound | null): boolean {
  return !bound || item.tier < bound.tier || (item.tier === bound.tier && item.date >= bound.date);
}

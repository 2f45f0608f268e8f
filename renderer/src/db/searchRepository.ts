// Full-text search over the `searchDocs` table (`id, caseId, kind, platform, date, *grams`).
// Index reads narrow a query to candidate rows using keys only (newest first, a page at a time, see
// shared/search/walk.ts); rows are then read in batches and verified on their text, because
// n-grams can all be present without the phrase being there.
import type { EntityTable } from 'dexie';
import { kindPlatformTerm, rowEvidenceId, rowRange, toSearchRows } from '../../../shared/search/document';
import { isPrefixTerm, queryTerms } from '../../../shared/search/grams';
import { bridgeTerms, matchDoc, matchesFilters, parseQuery, rank, resolveFilters, type ParsedQuery, type RankKey } from '../../../shared/search/query';
import { snippet } from '../../../shared/search/snippet';
import type { SearchDoc, SearchDocInput, SearchFilters, SearchHit } from '../../../shared/search/types';
import { beforeBound, frontier, settled, toLookup, type Lookup, type SearchPlan } from '../../../shared/search/walk';

/** Only the table this repository needs, so it does not depend on the app's full db type. Typed
 * as db.ts declares tables (EntityTable), which does not fit a plain Table<SearchDoc, string>
 * (modify's callback types differ); a plain Table fits this. */
export interface SearchDb {
  searchDocs: EntityTable<SearchDoc, 'id'>;
}

export interface SearchTuning {
  /** Ids read per lookup at first; each deeper read takes `growth` times as many. */
  firstPage: number;
  growth: number;
  /** A prefix scan (short digit or Latin query) spans many keys, so it is not newest first: it is
   * read whole when this small, else the part falls back to walking all rows. */
  prefixCap: number;
  /** A complete filter set (a case) up to this size is read whole rather than walked to. */
  smallSource: number;
  /** Likewise for the rows of a date range, which posting lists (newest first) reach last. */
  rangeSource: number;
  /** Index lookups per query part: verification checks the whole part, so a few spread terms do. */
  termsPerPart: number;
  bridges: number;
  /** Rows read per round trip. */
  batch: number;
  /** Called after each search with what it read; for bench:search. */
  onStats?: (stats: SearchStats) => void;
}

export interface SearchStats {
  /** Index entries read (ids from lookups). */
  keys: number;
  /** Rows read and verified. */
  rows: number;
  /** Times the lookups were read deeper. */
  deepened: number;
}

/** Tuned with bench:search on 10,000 items; tests shrink them to exercise deeper reads. */
export const DEFAULT_TUNING: SearchTuning = { firstPage: 128, growth: 4, prefixCap: 200, termsPerPart: 3, bridges: 2, batch: 64, smallSource: 400, rangeSource: 600 };
/** Deepening is geometric; past this many rounds the lookups holding the frontier are read whole. */
const MAX_ROUNDS = 6;
const MAX_GAP = 2;
const SNIPPET_CHARS = 80;

/** Spread picks along the part: neighbouring n-grams of a phrase say almost the same thing. */
function sampleTerms(terms: string[], max: number): string[] {
  if (terms.length <= max) return terms;
  return Array.from({ length: max }, (_, i) => terms[Math.round((i * (terms.length - 1)) / (max - 1))] ?? '').filter(Boolean);
}

interface Scored extends RankKey {
  doc: SearchDoc;
}

type LookupKey = { kind: 'gram'; term: string } | { kind: 'field'; field: 'caseId' | 'platform' | 'kind'; value: string } | { kind: 'all' };

export function createSearchRepository(db: SearchDb, tuning: Partial<SearchTuning> = {}) {
  const table = db.searchDocs;
  const t: SearchTuning = { ...DEFAULT_TUNING, ...tuning };

  /**
   * Row ids of these evidence items. Ids start with the date, which may have changed since the
   * rows were written, so without an `evidenceId` index this reads every primary key (no values;
   * a few ms per 10,000 rows). With one in the schema, it is used.
   */
  async function rowIdsOf(evidenceIds: readonly string[]): Promise<string[]> {
    const wanted = new Set(evidenceIds);
    if (wanted.size === 0) return [];
    if (table.schema.indexes.some((i) => i.name === 'evidenceId')) return table.where('evidenceId').anyOf([...wanted]).primaryKeys();
    return (await table.toCollection().primaryKeys()).filter((id) => wanted.has(rowEvidenceId(id)));
  }

  async function upsertMany(docs: readonly SearchDocInput[]): Promise<void> {
    const rows = docs.flatMap(toSearchRows);
    const keep = new Set(rows.map((r) => r.id));
    await table.db.transaction('rw', table, async () => {
      await table.bulkDelete((await rowIdsOf(docs.map((d) => d.evidenceId))).filter((id) => !keep.has(id)));
      await table.bulkPut(rows);
    });
  }

  /**
   * Rows by id. One getAll over a range of ids costs about what three single gets do, so runs of
   * candidates with at most MAX_GAP other rows between them are read as ranges; the primary keys
   * that tell where those runs are cost far less than the rows.
   */
  async function readRows(ids: string[]): Promise<SearchDoc[]> {
    const sorted = [...ids].sort();
    const first = sorted[0];
    const last = sorted[sorted.length - 1];
    if (first === undefined || last === undefined) return [];
    const keys = await table.where('id').between(first, last, true, true).limit(sorted.length * 3 + 1).primaryKeys();
    const wanted = new Set(sorted);
    const runs: [string, string][] = [];
    if (keys.length > sorted.length * 3) for (const id of sorted) runs.push([id, id]);
    else {
      let gap = 0;
      for (const key of keys) {
        const run = runs[runs.length - 1];
        if (!wanted.has(key)) gap++;
        else if (run && gap <= MAX_GAP) run[1] = key;
        else runs.push([key, key]);
        if (wanted.has(key)) gap = 0;
      }
    }
    const parts = await Promise.all(runs.map(([a, b]) => (a === b ? table.get(a).then((d) => (d ? [d] : [])) : table.where('id').between(a, b, true, true).toArray())));
    return parts.flat().filter((d) => wanted.has(d.id));
  }

  /** One lookup read newest first (key order, see rowId), `limit` ids deep; null for a prefix scan too big to use. */
  async function read(key: LookupKey, limit: number, range: SearchPlan['range'], stats: SearchStats): Promise<Lookup | null> {
    if (key.kind === 'gram' && isPrefixTerm(key.term)) {
      const ids = await table.where('grams').startsWith(key.term).limit(t.prefixCap).primaryKeys();
      stats.keys += ids.length;
      return ids.length < t.prefixCap ? toLookup(ids, true) : null;
    }
    const source =
      key.kind === 'gram'
        ? table.where('grams').equals(key.term)
        : key.kind === 'field'
          ? table.where(key.field).equals(key.value)
          : table.where('id').between(range.lo, range.hi, true, true);
    const ids = await source.limit(limit).primaryKeys();
    stats.keys += ids.length;
    return toLookup(ids, ids.length < limit);
  }

  async function search(query: string, filters: SearchFilters = {}, limit = 50): Promise<SearchHit[]> {
    const q = parseQuery(query);
    if (limit <= 0 || q.unsearchable) return [];
    const f = resolveFilters(filters, q.filters);
    const range = rowRange(f.dateFrom, f.dateTo);
    const stats: SearchStats = { keys: 0, rows: 0, deepened: 0 };
    return table.db.transaction('r', table, async () => {
      const hits = await walk(q, f, range, limit, stats);
      t.onStats?.(stats);
      return rank(hits, limit).map(({ doc, matched }) => ({
        evidenceId: doc.evidenceId,
        caseId: doc.caseId,
        title: doc.title,
        kind: doc.kind,
        platform: doc.platform,
        date: doc.date,
        snippet: snippet(doc.text, q, SNIPPET_CHARS),
        complete: matched === q.parts.length,
      }));
    });
  }

  async function walk(q: ParsedQuery, f: SearchFilters, range: SearchPlan['range'], limit: number, stats: SearchStats): Promise<Scored[]> {
    const depth = new Map<Lookup, { key: LookupKey; limit: number }>();
    const open = async (key: LookupKey, first = t.firstPage): Promise<Lookup | null> => {
      const l = await read(key, first, range, stats);
      if (l) depth.set(l, { key, limit: first });
      return l;
    };
    const all = async () => (await open({ kind: 'all' })) ?? toLookup([], true);
    // Kind and platform together are one pseudo-term lookup (see kindPlatformTerm).
    const both = Boolean(f.kind && f.platform);
    const fields: LookupKey[] = (['caseId', 'platform', 'kind'] as const).flatMap((field) =>
      f[field] && !(both && field !== 'caseId') ? [{ kind: 'field' as const, field, value: f[field] ?? '' }] : [],
    );
    if (both) fields.push({ kind: 'gram', term: kindPlatformTerm(f.kind ?? '', f.platform ?? '') });
    const [filterLookups, partLookups, bridges] = await Promise.all([
      // Deep enough to see whether a filter is a small set to read whole.
      Promise.all(fields.map((key) => open(key, Math.max(t.firstPage, t.smallSource + 1)))),
      Promise.all(q.parts.map((p) => Promise.all(sampleTerms(queryTerms(p), t.termsPerPart).map((term) => open({ kind: 'gram', term }))))),
      Promise.all(sampleTerms(bridgeTerms(q), t.bridges).map((term) => open({ kind: 'gram', term }))),
    ]);
    const prune = filterLookups.filter((l): l is Lookup => l !== null);
    const sources = prune.filter((l) => l.complete && l.ids.length <= t.smallSource);
    // A short date range (a week, a month of a small vault) is a small set of rows to read whole:
    // posting lists are newest first, and would have to be read down to it.
    if (f.dateFrom || f.dateTo) {
      const ids = await table.where('id').between(range.lo, range.hi, true, true).limit(t.rangeSource + 1).primaryKeys();
      stats.keys += ids.length;
      if (ids.length <= t.rangeSource) sources.push(toLookup(ids, true));
    }
    // A part whose lookups were all unusable could be in any row: walk all rows for it.
    const groups: Lookup[][] = [];
    for (const ls of partLookups) groups.push(ls.some((l) => l) ? ls.filter((l): l is Lookup => l !== null) : [await all()]);
    // Browsing: the filters are the one group every hit must be in.
    if (q.parts.length === 0) groups.push(prune.length > 0 ? prune : [await all()]);
    const plan: SearchPlan = {
      groups,
      total: q.parts.length,
      bridges: bridges.filter((l): l is Lookup => l !== null),
      prune: q.parts.length > 0 ? prune : [],
      range,
      sources,
    };

    const hits: Scored[] = [];
    const visited = new Set<string>();
    let stuck = false;
    for (let round = 0; ; round++) {
      const fr = frontier(plan, visited);
      if (fr.prefetch.length > 0 && !stuck && round < MAX_ROUNDS) {
        stats.deepened++;
        stuck = !(await deepen(plan, fr.prefetch, depth, { range, stats, whole: false, factor: t.growth }));
        continue;
      }
      // A lookup that cannot go deeper (never expected) must not loop: read what is listed, stop.
      const bound = stuck ? null : fr.bound;
      // Items are best first, so the ones worth reading before going deeper are a prefix.
      const ready = fr.items.findIndex((it) => !beforeBound(it, bound));
      const stop = ready === -1 ? fr.items.length : ready;
      let pos = 0;
      while (pos < stop) {
        // Sized to what is still missing plus about a day of rows (ties within the last day are
        // not settled by date), so a dense query reads little more than `limit` rows, in one trip.
        const end = Math.min(stop, pos + Math.min(t.batch + 16, Math.max(16, limit - hits.length + 16)));
        const docs = await readRows(fr.items.slice(pos, end).map((it) => it.id));
        pos = end;
        stats.rows += docs.length;
        for (const doc of docs) {
          visited.add(doc.id);
          if (!matchesFilters(doc, f)) continue;
          const match = matchDoc(doc, q);
          if (q.parts.length === 0 || match.matched > 0) hits.push({ ...match, date: doc.date, evidenceId: doc.evidenceId, doc });
        }
        if (settled(hits, fr.items[pos], bound, limit)) return hits;
      }
      if (!bound || settled(hits, fr.items[pos], bound, limit)) return hits;
      stats.deepened++;
      // As deep as the hits found so far suggest `limit` needs (the frontier holds them in
      // proportion), within 2× to 8×; `growth` when there is nothing to go by yet.
      const found = new Set(hits.map((h) => h.evidenceId)).size;
      const factor = found > 0 ? Math.min(8, Math.max(2, Math.ceil((limit / found) * 1.25))) : t.growth;
      stuck = !(await deepen(plan, fr.deepen, depth, { range, stats, whole: round + 1 >= MAX_ROUNDS, factor }));
    }
  }

  /** Reads the lookups holding the frontier up `factor` times deeper, in place in the plan. */
  async function deepen(
    plan: SearchPlan,
    lookups: Lookup[],
    depth: Map<Lookup, { key: LookupKey; limit: number }>,
    { range, stats, whole, factor }: { range: SearchPlan['range']; stats: SearchStats; whole: boolean; factor: number },
  ): Promise<boolean> {
    const swaps = await Promise.all(
      lookups.map(async (old) => {
        const d = depth.get(old);
        if (!d) return [old, old] as const;
        const limit = whole ? Infinity : d.limit * factor;
        const next = (await read(d.key, limit, range, stats)) ?? old;
        depth.set(next, { key: d.key, limit });
        return [old, next] as const;
      }),
    );
    const swap = new Map(swaps);
    const renew = (ls: Lookup[]) => ls.map((l) => swap.get(l) ?? l);
    plan.groups = plan.groups.map(renew);
    plan.prune = renew(plan.prune);
    return swaps.some(([old, next]) => old !== next);
  }

  return {
    /** Replaces everything indexed for this evidence item (its text may have grown or shrunk). */
    upsert: (doc: SearchDocInput): Promise<void> => upsertMany([doc]),
    /** Bulk form of upsert, one transaction: re-indexing a vault, or a batch of OCR results. */
    upsertMany,

    async remove(evidenceId: string): Promise<void> {
      await table.db.transaction('rw', table, async () => {
        await table.bulkDelete(await rowIdsOf([evidenceId]));
      });
    },

    async moveCase(evidenceId: string, caseId: string): Promise<void> {
      await table.db.transaction('rw', table, async () => {
        await table.where('id').anyOf(await rowIdsOf([evidenceId])).modify({ caseId });
      });
    },

    search,
  };
}

export type SearchRepository = ReturnType<typeof createSearchRepository>;

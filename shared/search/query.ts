// Query parsing and ranking, shared by the repository (which verifies candidates) and the snippet.
import { EVIDENCE_KINDS } from '../domain/evidence';
import { compact, queryTerms } from './grams';
import type { SearchFilters } from './types';

export interface ParsedQuery {
  /** Compact forms of the words to find: whitespace separates words, "quotes" keep a phrase whole. */
  parts: string[];
  /** All parts joined: found contiguously, the query was matched as typed. */
  phrase: string;
  /** Filters written into the query ("kind:chat platform:jd from:2026-11-01 to:2026-11-30"). */
  filters: SearchFilters;
  /** True when the query had text but none of it is searchable (only punctuation, say). */
  unsearchable: boolean;
}

const TOKEN = /"([^"]*)"|“([^”]*)”|「([^」]*)」|(\S+)/g;
const FILTER = /^(platform|kind|from|to):(.+)$/;
const PLATFORM = /^[a-z][a-z0-9-]*$/;
const KINDS: readonly string[] = EVIDENCE_KINDS;

/** "2026-11-3", "2026/11/03" → "2026-11-03"; anything else, or an impossible date, → null. */
export function parseDate(value: string): string | null {
  const m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(value.trim());
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  if (probe.getUTCMonth() !== mo - 1 || probe.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function inlineFilter(token: string, into: SearchFilters): boolean {
  const m = FILTER.exec(token);
  const key = m?.[1];
  const value = (m?.[2] ?? '').toLowerCase();
  const date = parseDate(value);
  if (key === 'platform' && PLATFORM.test(value)) into.platform = value;
  else if (key === 'kind' && KINDS.includes(value)) into.kind = value;
  else if (key === 'from' && date) into.dateFrom = date;
  else if (key === 'to' && date) into.dateTo = date;
  // Anything else stays text: "kind:banana" is more likely a search than a typo'd filter.
  else return false;
  return true;
}

export function parseQuery(input: string): ParsedQuery {
  // NFKC first so fullwidth quotes and colons typed with a Chinese IME behave like ASCII ones.
  const text = input.normalize('NFKC');
  const filters: SearchFilters = {};
  const parts: string[] = [];
  let sawText = false;
  for (const m of text.matchAll(TOKEN)) {
    const quoted = m[1] ?? m[2] ?? m[3];
    const raw = quoted ?? m[4] ?? '';
    if (quoted === undefined && inlineFilter(raw, filters)) continue;
    sawText ||= raw.trim() !== '';
    const part = compact(raw);
    if (part && !parts.includes(part)) parts.push(part);
  }
  return { parts, phrase: parts.join(''), filters, unsearchable: sawText && parts.length === 0 };
}

/**
 * Explicit (UI) filters win over ones typed into the query; empty values are dropped; a reversed
 * date range is swapped rather than silently matching nothing.
 */
export function resolveFilters(explicit: SearchFilters, inline: SearchFilters = {}): SearchFilters {
  const pick = (key: keyof SearchFilters) => (explicit[key]?.trim() || inline[key]?.trim()) ?? '';
  const out: SearchFilters = {};
  for (const key of ['caseId', 'platform', 'kind'] as const) {
    const value = pick(key);
    if (value) out[key] = value;
  }
  let from = parseDate(pick('dateFrom'));
  let to = parseDate(pick('dateTo'));
  if (from && to && from > to) [from, to] = [to, from];
  if (from) out.dateFrom = from;
  if (to) out.dateTo = to;
  return out;
}

export function matchesFilters(doc: { caseId: string; platform: string; kind: string; date: string }, f: SearchFilters): boolean {
  return (
    (!f.caseId || doc.caseId === f.caseId) &&
    (!f.platform || doc.platform === f.platform) &&
    (!f.kind || doc.kind === f.kind) &&
    (!f.dateFrom || doc.date >= f.dateFrom) &&
    (!f.dateTo || (doc.date !== '' && doc.date <= f.dateTo))
  );
}

/**
 * Terms only a contiguous match of the whole query contains: the n-grams spanning the joins between
 * parts. A row holding all of them (and every part) may match the phrase; one lacking any cannot.
 */
export function bridgeTerms(q: ParsedQuery): string[] {
  if (q.parts.length < 2) return [];
  const own = new Set(q.parts.flatMap((p) => queryTerms(p)));
  return queryTerms(q.phrase).filter((t) => !own.has(t));
}

/**
 * Match quality as a single number, lower is better: 0 the phrase as typed, 1 every part but not
 * contiguously, then 2·missing + 1 for rows missing some parts.
 */
export function tierOf(matched: number, total: number, exact: boolean): number {
  if (matched >= total) return exact ? 0 : 1;
  return 2 * (total - matched) + 1;
}

export interface DocMatch {
  matched: number;
  exact: boolean;
  tier: number;
  titleHit: boolean;
  /** Occurrences of all parts, capped: a tie-breaker, not a relevance model. */
  occurrences: number;
}

const MAX_OCCURRENCES = 20;

function count(haystack: string, needle: string): number {
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1 && n < MAX_OCCURRENCES; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** Verifies a candidate: which parts its compact text really contains (the index only narrows). */
export function matchDoc(doc: { title: string; text: string }, q: ParsedQuery): DocMatch {
  if (q.parts.length === 0) return { matched: 0, exact: true, tier: 0, titleHit: false, occurrences: 0 };
  const text = compact(doc.text);
  let matched = 0;
  let occurrences = 0;
  for (const part of q.parts) {
    const n = count(text, part);
    if (n > 0) matched++;
    occurrences += n;
  }
  const exact = matched === q.parts.length && (q.parts.length === 1 || text.includes(q.phrase));
  const title = compact(doc.title);
  const titleHit = q.parts.some((p) => title.includes(p));
  return { matched, exact, tier: tierOf(matched, q.parts.length, exact), titleHit, occurrences };
}

export interface RankKey extends DocMatch {
  date: string;
  evidenceId: string;
}

/**
 * Match quality first, then newest first: the buyer looks for a screenshot they remember taking,
 * and recency keeps the order stable as the vault grows. A title hit and more occurrences only
 * break ties. Tier and date come first because the repository can bound both from the index
 * alone, which lets it stop loading rows early (see walk.ts).
 */
export function compareRank(a: RankKey, b: RankKey): number {
  return (
    a.tier - b.tier ||
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    Number(b.titleHit) - Number(a.titleHit) ||
    b.occurrences - a.occurrences ||
    (a.evidenceId < b.evidenceId ? -1 : a.evidenceId > b.evidenceId ? 1 : 0)
  );
}

/** Best row per evidence item, ranked, cut to limit. */
export function rank<T extends RankKey>(hits: Iterable<T>, limit: number): T[] {
  const best = new Map<string, T>();
  for (const h of hits) {
    const prev = best.get(h.evidenceId);
    if (!prev || compareRank(h, prev) < 0) best.set(h.evidenceId, h);
  }
  return [...best.values()].sort(compareRank).slice(0, Math.max(0, limit));
}

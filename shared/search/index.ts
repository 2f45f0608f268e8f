// Public API of full-text search: tokenisation, query parsing and ranking, snippets, row building.
export { GRAM_LENGTH, MAX_TERMS, classOf, compact, compactWithMap, indexTerms, isPrefixTerm, queryTerms, type CharClass, type CompactMap } from './grams';
export {
  bridgeTerms,
  compareRank,
  matchDoc,
  matchesFilters,
  parseDate,
  parseQuery,
  rank,
  resolveFilters,
  tierOf,
  type DocMatch,
  type ParsedQuery,
  type RankKey,
} from './query';
export { snippet } from './snippet';
export { CHUNK_CHARS, CHUNK_OVERLAP, chunkText, kindPlatformTerm, rowDate, rowEvidenceId, rowId, rowRange, tidyText, toSearchDate, toSearchDocInput, toSearchRows, type SearchSource } from './document';
export { beforeBound, density, frontier, member, settled, toLookup, type Bound, type Frontier, type Lookup, type Membership, type SearchPlan, type VerifiedHit, type WalkItem } from './walk';
export type { SearchDoc, SearchDocInput, SearchFilters, SearchHit, Snippet } from './types';

// Vocabulary of full-text search. Plain data: the renderer stores SearchDoc rows in Dexie, the UI
// renders SearchHit, and nothing here knows about IndexedDB.

/**
 * One row of the `searchDocs` table (`id, caseId, kind, platform, date, *grams`).
 *
 * Ids are `${date}|${evidenceId}` ("0000-00-00" when undated), so they sort by capture date: a
 * posting list read backwards is newest first and tells each row's date for free (see rowId,
 * walk.ts). Long texts (chat logs) are split into chunks of about CHUNK_CHARS, ids
 * `${date}|${evidenceId}#${n}` after the first. Chunking keeps every row's `grams` array, and so
 * the cost of reading one candidate to verify it, bounded however long a chat export is, and lets
 * the snippet come from the part of the log that matched.
 */
export interface SearchDoc {
  id: string;
  evidenceId: string;
  caseId: string;
  /** An EvidenceKind. */
  kind: string;
  /** An extract platform ("taobao", "jd"…), or "" when unknown. */
  platform: string;
  /** Local "YYYY-MM-DD" of the capture time, or "" when unknown; date filters and recency use it. */
  date: string;
  title: string;
  /** Display text (title, note, OCR text, "sender: text" lines), whitespace tidied; see tidyText. */
  text: string;
  /** Unique index terms of `text` (see indexTerms), for the multiEntry index. */
  grams: string[];
}

/** What callers hand to the repository: one per evidence item, any length; ids and grams are derived. */
export type SearchDocInput = Omit<SearchDoc, 'id' | 'grams'>;

/** UI filters. Empty strings count as unset, so form state can be passed straight in. */
export interface SearchFilters {
  caseId?: string;
  platform?: string;
  kind?: string;
  /** Inclusive local "YYYY-MM-DD". */
  dateFrom?: string;
  /** Inclusive local "YYYY-MM-DD". */
  dateTo?: string;
}

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text`, sorted and non-overlapping. */
  highlights: [number, number][];
}

export interface SearchHit {
  evidenceId: string;
  caseId: string;
  title: string;
  kind: string;
  platform: string;
  date: string;
  snippet: Snippet;
  /** False when only some of the query's words were found (shown after the complete matches). */
  complete: boolean;
}

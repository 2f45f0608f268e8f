// A saved page's fields: its visible text through the same extractors as OCR text (ids, times,
// amounts, scam signals), its kind, and the refund clauses it states. Pure, so the app and `scan` agree.
import { classifyPage, extractFields } from '../extract';
import type { ExtractKind, Extraction } from '../extract/types';
import { findRefundClauses, type RefundClause } from './refund';

export interface PageFields {
  extraction: Extraction;
  clauses: RefundClause[];
}

/**
 * A page the keyword classifier cannot place but that states two or more refund clauses reads as the
 * shop's rules: kind `policy`. A saved order page or bill keeps the kind its words give it.
 */
export function pageKind(text: string, clauses: readonly RefundClause[]): ExtractKind {
  const kind = classifyPage(text).kind;
  return kind === 'other' && clauses.length >= 2 ? 'policy' : kind;
}

/** `anchorTrusted`: whether relative stamps in the page may be resolved exactly against `capturedAt`. */
export function pageFields(text: string, capturedAt: string | null, anchorTrusted: boolean): PageFields {
  const clauses = findRefundClauses(text);
  const extraction = extractFields({ text }, { capturedAt, anchorTrusted, hints: { kind: pageKind(text, clauses) } });
  return { extraction, clauses };
}

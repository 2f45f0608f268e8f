// Extracted fields as the buyer reviews them: a flat list, each keyed by what OCR read, so a
// confirmation, an edit or a deletion still applies after the image is OCR'd again.
import type { BBox, ChatMessage, Extraction, ExtractKind, ExtractPlatform, Field, TimeBasis } from '../extract/types';
import type { Platform } from './case';
import type { EvidenceKind } from './evidence';
import type { RefundClause } from '../webpage/refund';

export const FIELD_TYPES = ['orderNumber', 'transactionId', 'trackingNumber', 'amount', 'timestamp'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type CorrectionStatus = 'confirmed' | 'edited' | 'deleted';

export interface FieldCorrection {
  status: CorrectionStatus;
  value: string;
}

export interface ReviewField {
  key: string;
  type: FieldType;
  /** What the buyer sees now: the edit if there is one, else what OCR read. */
  value: string;
  /** What OCR read. */
  original: string;
  confidence: number;
  box: BBox | null;
  label: string | null;
  status: 'auto' | CorrectionStatus;
  /** The second reader's verdict on what OCR read (see Field.agree); null when unchecked. */
  agree: boolean | null;
  /** Timestamps: how the time was obtained (a chat log's and an older build's count as shown); null otherwise. */
  basis: TimeBasis | null;
  /** A timestamp later than the capture time (so the capture time is wrong). */
  afterCapture: boolean;
}

export interface ExtractionRecord {
  evidenceId: string;
  caseId: string;
  sha256: string;
  source: 'ocr' | 'chatlog' | 'page';
  extraction: Extraction;
  /** A saved page's refund clauses, quoted. */
  clauses?: RefundClause[];
  /** The parsed transcript, for chat-log exports. */
  messages: ChatMessage[] | null;
  corrections: Record<string, FieldCorrection>;
  updatedAt: string;
  /**
   * The FIELDS_VERSION of main's reading these fields came from. Absent on records older builds
   * extracted in the renderer (without the chat-app hints); those are asked for again at start.
   */
  fieldsVersion?: number;
}

export const fieldKey = (type: FieldType, original: string) => `${type}:${original}`;
/** Approximate times have keys of their own, so keeping one never confirms an exact twin. */
export const approxKey = (original: string) => `approx:${original}`;

function entries(extraction: Extraction): [FieldType, Field][] {
  return [
    ...extraction.orderNumbers.map((f): [FieldType, Field] => ['orderNumber', f]),
    ...extraction.transactionIds.map((f): [FieldType, Field] => ['transactionId', f]),
    ...extraction.trackingNumbers.map((f): [FieldType, Field] => ['trackingNumber', f]),
    ...(extraction.amount ? [['amount', extraction.amount] satisfies [FieldType, Field]] : []),
    ...extraction.timestamps.map((f): [FieldType, Field] => ['timestamp', f]),
  ];
}

function toReview(type: FieldType, f: Field, key: string, corrections: Readonly<Record<string, FieldCorrection>>, approx: boolean): ReviewField {
  const c = corrections[key];
  return {
    key,
    type,
    value: c && c.status === 'edited' ? c.value : f.value,
    original: f.value,
    confidence: f.confidence,
    box: f.box,
    label: f.label ?? null,
    status: c?.status ?? 'auto',
    agree: f.agree ?? null,
    basis: type === 'timestamp' ? (approx ? 'approx' : (f.basis ?? 'shown')) : null,
    afterCapture: f.afterCapture === true,
  };
}

/**
 * Exact fields first, then the approximate times (including resolved ones that land after the
 * capture): those are listed for the buyer to keep or not, and count only once kept.
 */
export function reviewFields(extraction: Extraction, corrections: Readonly<Record<string, FieldCorrection>>): ReviewField[] {
  return [
    ...entries(extraction).map(([type, f]) => toReview(type, f, fieldKey(type, f.value), corrections, false)),
    ...(extraction.approxTimestamps ?? []).map((f) => toReview('timestamp', f, approxKey(f.value), corrections, true)),
  ];
}

/**
 * Whether a field counts (case fill, timeline, bundle): an exact one unless deleted, an approximate
 * time only when the buyer kept it (confirmed or edited it).
 */
export function isKept(f: ReviewField): boolean {
  return f.basis === 'approx' ? f.status === 'confirmed' || f.status === 'edited' : f.status !== 'deleted';
}

/** Fields still standing, best first: the buyer's word, then OCR by confidence. */
function best(fields: readonly ReviewField[], type: FieldType): ReviewField | undefined {
  const rank = (f: ReviewField) => (f.status === 'auto' ? 0 : 1) * 10 + f.confidence;
  return fields.filter((f) => f.type === type && isKept(f) && f.basis !== 'approx').sort((a, b) => rank(b) - rank(a))[0];
}

export interface CaseFill {
  orderNumber?: string;
  amount?: string;
  purchasedAt?: string;
  platform?: Platform;
}

const PLATFORM_OF: Partial<Record<ExtractPlatform, Platform>> = { taobao: 'taobao', tmall: 'taobao', jd: 'jd', pdd: 'pdd', douyin: 'douyin', kameng: 'kameng' };

/** What "fill case from this screenshot" copies: the order number, the amount paid and a time. */
export function caseFillFrom(fields: readonly ReviewField[], platform: ExtractPlatform): CaseFill {
  const fill: CaseFill = {};
  const order = best(fields, 'orderNumber');
  const amount = best(fields, 'amount');
  const time = best(fields, 'timestamp');
  if (order) fill.orderNumber = order.value;
  if (amount) fill.amount = amount.value;
  // The case form holds minutes; a date-only stamp gets no invented time of day.
  if (time && time.value.length >= 16) fill.purchasedAt = time.value.slice(0, 16);
  const p = PLATFORM_OF[platform];
  if (p) fill.platform = p;
  return fill;
}

const KIND_OF: Record<ExtractKind, EvidenceKind | null> = { order: 'order', payment: 'payment', chat: 'chat', policy: 'policy', other: null };

/** The evidence kind OCR suggests, or null to keep what the buyer or the file name chose. */
export const suggestedKind = (kind: ExtractKind): EvidenceKind | null => KIND_OF[kind];

export interface TimelineStamp {
  at: string;
  basis: TimeBasis;
}

/** Timestamps that count (see isKept), for the case timeline; kept approximate ones say so. */
export function timelineStamps(fields: readonly ReviewField[]): TimelineStamp[] {
  return fields.filter((f) => f.type === 'timestamp' && isKept(f)).map((f) => ({ at: f.value, basis: f.basis ?? 'shown' }));
}

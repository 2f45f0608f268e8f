// IPC contract for extracted fields. Main reads the fields of each original once, with the chat-app
// hints, when OCR of a screenshot finishes or when a chat-log export is first read, and keeps them in
// the vault beside the OCR result; the renderer only asks for them (and keeps the buyer's
// corrections, keyed by what was read, in its own records).
import { z } from 'zod';
import { EXTRACT_KINDS, EXTRACT_PLATFORMS, ID_SCHEMES, SCAM_SIGNAL_IDS } from '../extract/types';
import type { Extraction } from '../extract/types';
import { CLAUSE_TOPICS, MAX_CLAUSES, type RefundClause } from '../webpage/refund';

/**
 * Bumped whenever extraction would read the same OCR result differently, so fields stored by an
 * older build are read again rather than trusted.
 */
export const FIELDS_VERSION = 2;

/** Bounds on what one file holds and one reply carries: far above a real page or a bounded chat read. */
export const FIELDS_LIMITS = { items: 20_000, textChars: 16 * 1024 * 1024, valueChars: 4096 };

export interface EvidenceFields {
  version: number;
  sha256: string;
  /** `page`: the visible text of a saved web page, read without rendering it. */
  source: 'ocr' | 'chatlog' | 'page';
  /** The capture time the fields were read against (the vault sidecar's), for relative stamps. */
  capturedAt: string | null;
  /** ISO instant of the OCR result they were read from; null for chat logs. */
  ocrAt: string | null;
  /** ISO instant the fields were written. */
  createdAt: string;
  /** Which engine read the screenshot (PP-OCR, or tesseract.js where onnxruntime cannot load); null for chat logs. */
  engine: 'paddle' | 'tesseract' | null;
  extraction: Extraction;
  /** A saved page's refund clauses, quoted; absent for screenshots and chat logs. */
  clauses?: RefundClause[];
}

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const short = z.string().max(FIELDS_LIMITS.valueChars);
const bbox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
const fieldShape = {
  value: short,
  confidence: z.number(),
  box: bbox.nullable(),
  label: short.optional(),
  line: z.number().int().optional(),
  agree: z.boolean().nullable().optional(),
};
const field = z.object(fieldShape);
const idField = z.object({ ...fieldShape, scheme: z.enum(ID_SCHEMES) });
const list = <T extends z.ZodType>(item: T) => z.array(item).max(FIELDS_LIMITS.items);

export const extractionSchema = z.object({
  platform: z.enum(EXTRACT_PLATFORMS),
  kind: z.enum(EXTRACT_KINDS),
  orderNumbers: list(idField),
  transactionIds: list(idField),
  trackingNumbers: list(idField),
  timestamps: list(field),
  amount: field.nullable(),
  scam: z.boolean(),
  scamSignals: list(
    z.object({
      id: z.enum(SCAM_SIGNAL_IDS),
      label: short,
      strength: z.enum(['strong', 'weak']),
      excerpt: z.string().max(FIELDS_LIMITS.valueChars * 4),
      messageIndex: z.number().int().optional(),
      line: z.number().int().optional(),
    }),
  ),
  text: z.string().max(FIELDS_LIMITS.textChars),
  truncated: z.literal(true).optional(),
}) satisfies z.ZodType<Extraction>;

export const refundClauseSchema = z
  .object({
    topics: z.array(z.enum(CLAUSE_TOPICS)).max(CLAUSE_TOPICS.length),
    quote: z.string().max(400),
    line: z.number().int().nonnegative(),
    period: z
      .object({ length: z.number().int().positive().max(999), unit: z.enum(['working-days', 'calendar-days', 'hours']), text: z.string().max(40), shopPromise: z.boolean() })
      .strict()
      .nullable(),
  })
  .strict() satisfies z.ZodType<RefundClause>;

/** The stored file and the reply alike: main parses what it reads from disk with this. */
export const evidenceFieldsSchema = z.object({
  version: z.number().int(),
  sha256,
  source: z.enum(['ocr', 'chatlog', 'page']),
  capturedAt: z.string().max(64).nullable(),
  ocrAt: z.string().max(64).nullable(),
  createdAt: z.string().max(64),
  engine: z.enum(['paddle', 'tesseract']).nullable(),
  extraction: extractionSchema,
  clauses: z.array(refundClauseSchema).max(MAX_CLAUSES).optional(),
}) satisfies z.ZodType<EvidenceFields>;

export interface FieldsRequest {
  sha256: string;
}

export type FieldsApi = {
  /** The fields of one original: null while its OCR has not finished (or it is neither a screenshot nor a chat log). */
  'fields:read': (req: FieldsRequest) => Promise<EvidenceFields | null>;
};

export const FIELDS_API_METHODS = {
  readFields: 'fields:read',
} as const satisfies Record<string, keyof FieldsApi>;

export const fieldsSchemas = {
  'fields:read': z.object({ sha256 }).strict(),
} satisfies { [C in keyof FieldsApi]: z.ZodType<Parameters<FieldsApi[C]>[0]> };

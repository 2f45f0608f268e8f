// IPC contract for extracted fields. Main reads the fields of each original once, with the chat-app
// hints, when OCR of a screenshot finishes or when a chat-log export is first read, and keeps them in
// the vault beside the OCR result; the renderer only asks for them (and keeps the buyer's
// corrections, keyed by what was read, in its own records).
import { z } from 'zod';
import { EXTRACT_KINDS, EXTRACT_PLATFORMS, ID_SCHEMES, SCAM_SIGNAL_IDS, TIME_BASES } from '../extract/types';
import type { Extraction } from '../extract/types';
import { CAPTURE_SOURCES } from '../domain/evidence';
import type { CaptureSource } from '../domain/evidence';
import { CLAUSE_TOPICS, MAX_CLAUSES, type RefundClause } from '../webpage/refund';

/**
 * Bumped whenever extraction would read the same OCR result differently, so fields stored by an
 * older build are read again rather than trusted. 3: times carry their basis, and relative stamps
 * against a weak capture time are approximate (issue 12). 4: bill headlines read with other dashes,
 * no minus, or beside the payee are the amount on payment pages. 5: the second reader (English, the
 * first reader's Chinese words painted out, a wrapped value read row by row) flags fewer right values
 * as 请核对, so stored flags are worked out again.
 */
export const FIELDS_VERSION = 5;

/** Bounds on what one file holds and one reply carries: far above a real page or a bounded chat read. */
export const FIELDS_LIMITS = { items: 20_000, textChars: 16 * 1024 * 1024, valueChars: 4096 };

export interface EvidenceFields {
  version: number;
  sha256: string;
  /** `page`: the visible text of a saved web page, read without rendering it. */
  source: 'ocr' | 'chatlog' | 'page';
  /** The capture time the fields were read against (the vault sidecar's), for relative stamps. */
  capturedAt: string | null;
  /** Where that capture time came from; relative stamps are exact only against a trusted one. */
  captureSource: CaptureSource | null;
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
  basis: z.enum(TIME_BASES).optional(),
  afterCapture: z.literal(true).optional(),
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
  approxTimestamps: list(field).optional(),
  captureSuspect: z.literal(true).optional(),
  capture: z
    .object({
      capturedAt: z.string().max(32),
      captureSource: z.enum(CAPTURE_SOURCES),
      dateFrom: z.enum(CAPTURE_SOURCES).optional(),
      statusBar: z.object({ time: z.string().max(8), agrees: z.boolean() }).nullable(),
    })
    .optional(),
  amount: field.nullable(),
  amountChoices: z.array(z.string().max(FIELDS_LIMITS.valueChars)).min(2).max(8).optional(),
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
  captureSource: z.enum(CAPTURE_SOURCES).nullable(),
  ocrAt: z.string().max(64).nullable(),
  createdAt: z.string().max(64),
  engine: z.enum(['paddle', 'tesseract']).nullable(),
  extraction: extractionSchema,
  clauses: z.array(refundClauseSchema).max(MAX_CLAUSES).optional(),
}) satisfies z.ZodType<EvidenceFields>;

export interface FieldsRequest {
  sha256: string;
}

/** The buyer sets or confirms when a screenshot was taken (e.g. from the phone gallery's details). */
export interface SetCaptureRequest {
  sha256: string;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm[:ss]"; never after now. */
  capturedAt: string;
  /** For the audit entry: the record the buyer was looking at. */
  caseId: string;
  evidenceId: string;
}

export interface CaptureTimeReply {
  /** Normalised to seconds. */
  capturedAt: string;
  captureSource: 'user';
  /** What it replaced, for the audit log and the UI. */
  previous: { capturedAt: string; captureSource: CaptureSource } | null;
  /** The fields read again against the new time; null while OCR has not finished. */
  fields: EvidenceFields | null;
}

export type FieldsApi = {
  /** The fields of one original: null while its OCR has not finished (or it is neither a screenshot nor a chat log). */
  'fields:read': (req: FieldsRequest) => Promise<EvidenceFields | null>;
  /** Sets the capture time (source `user`): relative stamps re-resolve against it, and it is audited. */
  'fields:setCaptureTime': (req: SetCaptureRequest) => Promise<CaptureTimeReply>;
};

export const FIELDS_API_METHODS = {
  readFields: 'fields:read',
  setCaptureTime: 'fields:setCaptureTime',
} as const satisfies Record<string, keyof FieldsApi>;

const recordId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);

export const fieldsSchemas = {
  'fields:read': z.object({ sha256 }).strict(),
  'fields:setCaptureTime': z
    .object({ sha256, capturedAt: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?$/, 'expected local YYYY-MM-DDTHH:mm[:ss]'), caseId: recordId, evidenceId: recordId })
    .strict(),
} satisfies { [C in keyof FieldsApi]: z.ZodType<Parameters<FieldsApi[C]>[0]> };

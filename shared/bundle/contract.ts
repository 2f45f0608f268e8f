// IPC contract for exporting bundles, ready to be spread into shared/ipc (types, methods, schemas).
// Main parses every request with these schemas: the renderer is the least trusted part of the app.
import { pageProvenanceSchema } from '../webpage/provenance';
import { z } from 'zod';
import { CAPTURE_SOURCES, EVIDENCE_KINDS, MEDIA_TYPES } from '../domain/evidence';
import { FIELD_TYPES } from '../domain/review';
import { EXTRACT_PLATFORMS, TIME_BASES } from '../extract/types';
import type { ChatMessage } from '../extract/types';
import type { ChecklistResult } from './checklist';
import type { FieldError } from './complaint';
import type { LintIssue } from './lint';
import { BUNDLE_TARGETS, EMPTY_COMPLAINT_FACTS, MB, PROCEEDINGS } from './types';
import { ID_TYPES } from '../complaint/idNumber';
import { REQUEST_KINDS } from '../complaint/request';
import type { CardShopField } from '../cardshop/record';
import { sealedText } from '../cardshop/contract';

const cardShopSecrets = z.object({ queryPassword: sealedText, cardCode: sealedText, show: z.boolean() }).strict();
import type { BundleInput } from './types';
import { REDACTION_API_METHODS, redactionChoicesSchema, redactionSchemas } from './redactionContract';
import type { RedactionApi, RedactionChoice } from './redactionContract';

/** Pixels per side accepted for redaction rectangles: far beyond any image sharp will open. */
const COORD = z.number().finite().min(0).max(1_000_000);
const text = (max: number) => z.string().max(max);
const local = z.string().max(32);

/** A case's facts and parties as bundles and portable case folders both carry them (same bounds). */
export const caseFactsShape = {
  platform: text(100),
  shop: text(500),
  item: text(1000),
  orderNumber: text(100),
  amount: text(32),
  purchasedAt: local,
  issue: text(200),
  request: text(2000),
  statement: text(20_000),
};
// Older case details, forms and case.json files lack the Order 121 fields: each defaults to empty,
// and the two consents to unanswered (never to a yes or a no the buyer did not give).
export const partiesShape = {
  complainant: z
    .object({
      name: text(200),
      phone: text(50),
      address: text(500),
      idType: z.enum([...ID_TYPES, '']).default(''),
      idNumber: text(60).default(''),
      consentPublish: z.boolean().nullable().default(null),
      consentMediation: z.boolean().nullable().default(null),
    })
    .strict(),
  respondent: z
    .object({ name: text(500), address: text(500), creditCode: text(40).default(''), contact: text(200).default(''), phone: text(50).default('') })
    .strict(),
};

export const complaintFactsSchema = z
  .object({
    place: text(1000).default(''),
    requestKinds: z.array(z.enum(REQUEST_KINDS)).max(REQUEST_KINDS.length).default([]),
    requestAmount: text(32).default(''),
    knewOfHarmAt: text(10).default(''),
    otherProceeding: z.enum([...PROCEEDINGS, '']).default(''),
  })
  .strict();

export const cardShopPrintSchema = z
  .object({
    domain: text(500),
    orderNumber: text(100),
    contact: text(200),
    queryPassword: text(1000),
    cardCode: text(1000),
    paymentTxn: text(100),
    ticketUrl: text(1000),
  } satisfies Record<CardShopField, z.ZodString>)
  .strict();

const chatMessage = z
  .object({
    index: z.number().int().nonnegative(),
    sender: text(200),
    senderId: text(200).optional(),
    fromSelf: z.boolean().optional(),
    at: local.nullable(),
    text: text(20_000),
    line: z.number().int().nonnegative(),
    malformed: z.literal(true).optional(),
  })
  .strict() satisfies z.ZodType<ChatMessage>;

const evidence = z
  .object({
    sha256: z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256'),
    originalName: text(1024),
    size: z.number().int().nonnegative(),
    mime: text(200),
    mediaType: z.enum(MEDIA_TYPES),
    format: text(32),
    width: z.number().int().positive().nullable(),
    height: z.number().int().positive().nullable(),
    durationSec: z.number().nonnegative().nullable(),
    capturedAt: local,
    captureSource: z.enum(CAPTURE_SOURCES),
    page: pageProvenanceSchema.optional(),
    importedAt: local,
    kind: z.enum(EVIDENCE_KINDS),
    title: text(500),
    purpose: text(2000),
    source: text(500).optional(),
    platform: z.enum(EXTRACT_PLATFORMS).nullable().optional(),
    captureSuspect: z.boolean().optional(),
    captureDateFrom: z.enum(CAPTURE_SOURCES).optional(),
    fields: z.array(z.object({ type: z.enum(FIELD_TYPES), value: text(200), label: text(100).nullable(), basis: z.enum(TIME_BASES).optional() }).strict()).max(500),
    messages: z.array(chatMessage).max(200_000).nullable(),
    redactions: z.array(z.object({ x0: COORD, y0: COORD, x1: COORD, y1: COORD }).strict()).max(2000).optional(),
    frames: z.array(z.number().nonnegative().max(1e7)).max(1000).optional(),
  })
  // Not strict: the renderer spreads its EvidenceRecord (id, caseId, note…) and the rest is dropped.
  .strip();

export const bundleInputSchema = z
  .object({
    target: z.enum(BUNDLE_TARGETS),
    case: z
      .object({
        title: text(500),
        ...caseFactsShape,
      })
      .strict(),
    ...partiesShape,
    complaint: complaintFactsSchema.default(EMPTY_COMPLAINT_FACTS),
    cardShop: cardShopPrintSchema.nullable().default(null),
    evidence: z.array(evidence).max(2000),
    events: z.array(z.object({ at: local, text: text(2000) }).strict()).max(10_000),
    exportedAt: local.optional(),
  })
  .strict() satisfies z.ZodType<BundleInput>;

/** null: no limit. Otherwise at least 1 MB, since the front matter alone needs room. */
const maxBytes = z.number().int().min(MB).max(2 * 1024 ** 3).nullable();

export interface BundlePreflightRequest {
  input: BundleInput;
  maxBytes: number | null;
  redact: boolean;
  /** The buyer's edits to the redaction areas, per image; main adds the OCR-found areas itself. */
  redactions?: RedactionChoice[];
  /**
   * The card-shop record's secrets as main sealed them ('' when not recorded). Main prints the mask
   * for each unless `show` is set, and only then opens them; input.cardShop carries them blank.
   */
  cardShopSecrets?: CardShopSecrets;
}

export interface CardShopSecrets {
  queryPassword: string;
  cardCode: string;
  show: boolean;
}

export interface BundleExportRequest extends BundlePreflightRequest {
  /** pdf: one PDF or its parts; folder: originals + manifest.json + the PDF(s). */
  format: 'pdf' | 'folder';
}

export interface OversizeExhibit {
  no: number;
  title: string;
  bytes: number;
}

export interface BundlePreflight {
  /** 12315 fields that block the export. */
  errors: FieldError[];
  checklist: ChecklistResult;
  lint: LintIssue[];
  /** Exhibits that cannot fit a part of the chosen size even alone: the export refuses until the limit changes. */
  oversize: OversizeExhibit[];
  /** Planned parts and their estimated sizes. */
  parts: Array<{ exhibits: number[]; estimatedBytes: number }>;
  warnings: string[];
}

export interface BundleExportSummary {
  files: string[];
  pages: number;
  exhibits: number;
  parts: Array<{ file: string; bytes: number; pages: number; exhibits: number[] }>;
  warnings: string[];
  /** SHA-256 fingerprint of the vault certificate every part is signed with (printed on the cover). */
  fingerprint?: string;
}

export type BundleApi = RedactionApi & {
  'bundle:preflight': (req: BundlePreflightRequest) => Promise<BundlePreflight>;
  /** Asks main for a save location, then writes; null when the buyer cancels the dialog. */
  'bundle:export': (req: BundleExportRequest) => Promise<BundleExportSummary | null>;
};

export const BUNDLE_API_METHODS = {
  preflightBundle: 'bundle:preflight',
  exportBundle: 'bundle:export',
  ...REDACTION_API_METHODS,
} as const satisfies Record<string, keyof BundleApi>;

export const bundleSchemas = {
  'bundle:preflight': z.object({ input: bundleInputSchema, maxBytes, redact: z.boolean(), redactions: redactionChoicesSchema.optional(), cardShopSecrets: cardShopSecrets.optional() }).strict(),
  'bundle:export': z
    .object({ input: bundleInputSchema, maxBytes, redact: z.boolean(), redactions: redactionChoicesSchema.optional(), cardShopSecrets: cardShopSecrets.optional(), format: z.enum(['pdf', 'folder']) })
    .strict(),
  ...redactionSchemas,
} satisfies { [C in keyof BundleApi]: z.ZodType<Parameters<BundleApi[C]>[0]> };

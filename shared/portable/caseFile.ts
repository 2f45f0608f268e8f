// case.json, the portable case format, as a zod schema: the CLI's bundle command and the app's case
// import both parse with it. Unknown keys are dropped (zod's default), so newer files still read.
import { z } from 'zod';
import { BUNDLE_TARGETS, EMPTY_COMPLAINANT, EMPTY_COMPLAINT_FACTS, EMPTY_RESPONDENT, PROCEEDINGS } from '../bundle/types';
import type { CardShopField } from '../cardshop/record';
import { ID_TYPES } from '../complaint/idNumber';
import { REQUEST_KINDS } from '../complaint/request';
import { EVIDENCE_KINDS } from '../domain/evidence';

/** Far above any real case; bounds what a crafted case.json can make the CLI or the app hold. */
export const CASE_FILE_MAX_BYTES = 5 * 1024 * 1024;
const text = z.string().max(20_000, 'is too long').trim();
const optionalText = text.default('');
/** Amounts may be typed as numbers; order numbers may not (they lose digits as doubles). */
const amount = z.union([text, z.number().nonnegative().transform((n) => n.toFixed(2))]).default('');

const evidenceEntry = z.object({
  file: text.min(1, 'is empty'),
  kind: z.enum(EVIDENCE_KINDS),
  title: optionalText,
  purpose: optionalText,
});

export const caseFileSchema = z.object({
  title: text.min(1, 'is empty'),
  target: z.enum(BUNDLE_TARGETS).optional(),
  platform: optionalText,
  shop: optionalText,
  item: optionalText,
  orderNumber: z.string({ error: (i) => (i.input === undefined ? undefined : 'must be a string: order numbers lose digits as numbers') }).trim().default(''),
  amount,
  purchasedAt: optionalText,
  issue: optionalText,
  request: optionalText,
  statement: optionalText,
  complainant: z
    .object({
      name: optionalText,
      phone: optionalText,
      address: optionalText,
      idType: z.enum([...ID_TYPES, '']).default(''),
      idNumber: optionalText,
      // Never defaulted to a yes or a no: an unanswered consent stays unanswered.
      consentPublish: z.boolean().nullable().default(null),
      consentMediation: z.boolean().nullable().default(null),
    })
    .default({ ...EMPTY_COMPLAINANT }),
  respondent: z
    .object({ name: optionalText, address: optionalText, creditCode: optionalText, contact: optionalText, phone: optionalText })
    .default({ ...EMPTY_RESPONDENT }),
  complaint: z
    .object({
      place: optionalText,
      requestKinds: z.array(z.enum(REQUEST_KINDS)).max(REQUEST_KINDS.length).default([]),
      requestAmount: optionalText,
      knewOfHarmAt: optionalText,
      otherProceeding: z.enum([...PROCEEDINGS, '']).default(''),
    })
    .default({ ...EMPTY_COMPLAINT_FACTS, requestKinds: [] }),
  /** The card-shop order record as the bundle printed it: a hidden secret stays masked here too. */
  cardShop: z
    .object({
      domain: optionalText,
      orderNumber: optionalText,
      contact: optionalText,
      queryPassword: optionalText,
      cardCode: optionalText,
      paymentTxn: optionalText,
      ticketUrl: optionalText,
    } satisfies Record<CardShopField, z.ZodType>)
    .nullable()
    .default(null),
  evidence: z.array(evidenceEntry).min(1, 'lists no files').max(2000, 'lists more than 2000 files'),
  events: z.array(z.object({ at: text.min(1, 'is empty'), text: text.min(1, 'is empty') })).max(10_000, 'lists more than 10000 events').default([]),
});

export type CaseFile = z.infer<typeof caseFileSchema>;
export type CaseFileEvidence = CaseFile['evidence'][number];


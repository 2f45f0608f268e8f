// The redaction part of the bundle contract: the buyer's choices travel with a preflight or export
// request, and main answers which areas OCR found on an image. Main derives the OCR areas itself from
// the words it stored; the renderer only says which of them to leave out and what it drew.
import { z } from 'zod';
import type { BBox } from '../extract/types';
import type { RedactionTarget } from './redact';

/** Original pixels: far beyond any image sharp will open, but finite and never negative. */
const COORD = z.number().finite().min(0).max(1_000_000);
export const MAX_DRAWN_PER_IMAGE = 200;
export const MAX_REDACTION_CHOICES = 2000;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');

export const rectSchema = z
  .object({ x0: COORD, y0: COORD, x1: COORD, y1: COORD })
  .strict()
  .refine((r) => r.x1 > r.x0 && r.y1 > r.y0, 'a rectangle needs x1 > x0 and y1 > y0') satisfies z.ZodType<BBox>;

export interface RedactionChoice {
  sha256: string;
  /** Rectangles the buyer drew, in the upright original's pixels. */
  drawn: BBox[];
  /** Indexes into the OCR-derived targets (as bundle:redactionTargets lists them) the buyer unticked. */
  skip: number[];
}

export const redactionChoiceSchema = z
  .object({
    sha256,
    drawn: z.array(rectSchema).max(MAX_DRAWN_PER_IMAGE),
    skip: z.array(z.number().int().nonnegative().max(100_000)).max(10_000),
  })
  .strict() satisfies z.ZodType<RedactionChoice>;

export const redactionChoicesSchema = z.array(redactionChoiceSchema).max(MAX_REDACTION_CHOICES);

export interface RedactionTargets {
  sha256: string;
  /** False while OCR has not finished (or failed): nothing can be found yet, drawn areas still apply. */
  ocrDone: boolean;
  targets: RedactionTarget[];
}

export type RedactionApi = {
  /** The phone, ID-card, address and name areas OCR found on one stored image, in original pixels. */
  'bundle:redactionTargets': (req: { sha256: string }) => Promise<RedactionTargets>;
};

export const REDACTION_API_METHODS = {
  redactionTargets: 'bundle:redactionTargets',
} as const satisfies Record<string, keyof RedactionApi>;

export const redactionSchemas = {
  'bundle:redactionTargets': z.object({ sha256 }).strict(),
} satisfies { [C in keyof RedactionApi]: z.ZodType<Parameters<RedactionApi[C]>[0]> };

/** What gets masked on one image: the OCR targets the buyer kept plus the rectangles they drew. */
export function chosenBoxes(targets: readonly RedactionTarget[], choice: Pick<RedactionChoice, 'drawn' | 'skip'> | undefined): BBox[] {
  const skip = new Set(choice?.skip ?? []);
  return [...targets.filter((_, i) => !skip.has(i)).map((t) => t.box), ...(choice?.drawn ?? [])];
}

// What a saved web page says about itself: the address it was saved from, its title and (MHTML only)
// when the browser saved it. Read from the file, never from the network; shown on the item and in the
// bundle, and the save time becomes the capture time (source `file`).
import { z } from 'zod';

export const PAGE_FORMATS = ['mhtml', 'html'] as const;
export type PageFormat = (typeof PAGE_FORMATS)[number];

export interface PageProvenance {
  format: PageFormat;
  /** `Snapshot-Content-Location` of an MHTML, or the `<!-- saved from url=… -->` of an HTML save. */
  url: string | null;
  title: string | null;
  /** The MHTML `Date` header as Shanghai local "YYYY-MM-DDTHH:mm:ss"; null when absent or implausible. */
  savedAt: string | null;
  /** The `Date` header as written, so the buyer can see what the file itself says. */
  savedAtRaw: string | null;
  /** Files of the page's `_files` folder (HTML) or parts besides the document (MHTML). */
  resources: number;
}

/** Bounds for anything read from an untrusted page before it reaches a record or IPC. */
export const PROVENANCE_LIMITS = { url: 4096, title: 500, raw: 200 };

export const pageProvenanceSchema = z
  .object({
    format: z.enum(PAGE_FORMATS),
    url: z.string().max(PROVENANCE_LIMITS.url).nullable(),
    title: z.string().max(PROVENANCE_LIMITS.title).nullable(),
    savedAt: z.string().max(40).nullable(),
    savedAtRaw: z.string().max(PROVENANCE_LIMITS.raw).nullable(),
    resources: z.number().int().nonnegative().max(1_000_000),
  })
  .strict() satisfies z.ZodType<PageProvenance>;

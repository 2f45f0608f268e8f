// IPC contract of 抓取网页, the buyer-started capture of a live web page (channel `capture:webPage`).
// The request must carry the buyer's confirmation that this one action contacts the site.
import { z } from 'zod';
import type { ImportBatch } from '../vault/contract';

export interface WebCaptureRequest {
  caseId: string;
  url: string;
  /** The buyer confirmed the notice that this action goes online to that one site. */
  confirmed: true;
}

export type CaptureApi = {
  /** Captures the page into one evidence item (kind policy), or fails with a reason the buyer can read. */
  'capture:webPage': (req: WebCaptureRequest) => Promise<ImportBatch>;
};

export const CAPTURE_API_METHODS = {
  captureWebPage: 'capture:webPage',
} as const satisfies Record<string, keyof CaptureApi>;

export const captureSchemas = {
  'capture:webPage': z.object({ caseId: z.string().min(1).max(200), url: z.string().min(1).max(4096), confirmed: z.literal(true) }).strict(),
} satisfies { [C in keyof CaptureApi]: z.ZodType<Parameters<CaptureApi[C]>[0]> };

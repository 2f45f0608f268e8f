// Ground truth for one corpus screenshot: what a perfect reader would report under the `scan`
// contract (issue 3). Ids are those the page shows as the buyer's order or payment; distractors
// (phones, 400 lines, QQ numbers, 卡密, tracking numbers) are deliberately absent.
import type { ScanJson } from '../../shared/extract';
import type { Style } from './html';
import type { Rng } from './rng';
import type { Wall } from './ids';

/** The scored fields of a `scan` line; timestamps are "YYYY-MM-DDTHH:mm[:ss]", relative chat stamps resolved against capturedAt. */
export type PageTruth = Pick<ScanJson, 'platform' | 'kind' | 'orderNumbers' | 'transactionIds' | 'timestamps' | 'amount' | 'scam'>;

export interface Variant {
  theme: Style['theme'];
  latin: string;
  viewport: { width: number; height: number; dpr: number };
  /** Final pixel size after any downscale. */
  pixels: { width: number; height: number };
  /** Share of the rendered size kept (1 = untouched), as messengers shrink forwarded images. */
  scale: number;
  jpegQuality: number | null;
  /** Which hard cases this image exercises: "12h", "relative", "bubbles", "distractors"… */
  tags: string[];
}

export interface CorpusTruth extends PageTruth {
  file: string;
  capturedAt: string;
  variant: Variant;
}

export interface PageContext {
  rng: Rng;
  style: Style;
  capture: Wall;
}

export interface BuiltPage {
  /** Short slug for the file name: "taobao-order". */
  slug: string;
  html: string;
  truth: PageTruth;
  tags: string[];
  /** CSS background of the whole page, which chats set. */
  background?: string;
}

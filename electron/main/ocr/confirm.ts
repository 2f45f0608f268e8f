// The second reader: after extraction, each id, amount and timestamp is read again from its own
// crop of the original image by tesseract.js in single-line mode with a digit-friendly character
// set, and the field records whether the two engines agree. Agreement is the evidence that a value
// is right; a disagreement is what the review UI shows as 请核对.
import sharp from 'sharp';
import Tesseract from 'tesseract.js';
import type { BBox, Extraction, Field } from '../../../shared/extract';
import type { OcrEngine } from './engine';
import { createOcrEngine } from './engine';

export type ConfirmedKind = 'orderNumbers' | 'transactionIds' | 'timestamps' | 'amount';

export interface FieldAgreement {
  field: ConfirmedKind;
  value: string;
  /** What the second reader saw in the crop ('' when it read nothing). */
  reread: string;
  /** null when the field has no box to crop (chat logs, or a value assembled across lines). */
  agree: boolean | null;
}

/** Per scan field, one flag per value, in the order of the scan's lists. */
export interface Agreement {
  orderNumbers: Array<boolean | null>;
  transactionIds: Array<boolean | null>;
  timestamps: Array<boolean | null>;
  amount: boolean | null;
}

/** Digits, Latin letters for merchant ids, and what dates, times and money are written with. */
export const SECOND_READER_CHARS = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-:./,¥￥年月日 ';

/** A tesseract.js pool set up for one-line crops (psm 7) restricted to SECOND_READER_CHARS. */
export function createSecondReader(size = 1): OcrEngine {
  return createOcrEngine({ size, idleMs: 60_000, psm: Tesseract.PSM.SINGLE_LINE, params: { tessedit_char_whitelist: SECOND_READER_CHARS } });
}

/** Numeric groups of a date-time or money string: "2026-09-24T20:44:50" → [2026, 9, 24, 20, 44, 50]. */
const groups = (s: string): number[] => (s.match(/\d+/g) ?? []).map(Number);
const alnum = (s: string): string => s.toUpperCase().replace(/[^0-9A-Z]/g, '');

/**
 * Whether the crop's reading supports the value. Ids must appear whole; amounts must match to
 * the cent; a timestamp's groups read from the crop (which may omit the year, or show 9月24日)
 * must all be among the value's, in order, and at least three of them.
 */
export function agrees(field: ConfirmedKind, value: string, reread: string): boolean {
  if (field === 'orderNumbers' || field === 'transactionIds') return alnum(reread).includes(alnum(value));
  if (field === 'amount') {
    const want = Number(value.replace(/[^\d.]/g, ''));
    return (reread.match(/\d+(?:[.,]\d{1,2})?/g) ?? []).some((m) => Math.abs(Number(m.replace(',', '.')) - want) < 0.005);
  }
  const want = groups(value);
  const got = groups(reread);
  if (got.length < 3) return false;
  let i = 0;
  for (const g of got) {
    while (i < want.length && want[i] !== g) i++;
    if (i === want.length) return false;
    i++;
  }
  return true;
}

/** The field's box with a margin, scaled so the text is about 40 px tall, grey, contrast-stretched. */
async function crop(image: Buffer, box: BBox, size: { width: number; height: number }): Promise<Buffer> {
  const h = Math.max(1, box.y1 - box.y0);
  const margin = Math.ceil(h * 0.35);
  const left = Math.max(0, Math.floor(box.x0 - margin));
  const top = Math.max(0, Math.floor(box.y0 - margin));
  const width = Math.max(1, Math.min(size.width, Math.ceil(box.x1 + margin)) - left);
  const height = Math.max(1, Math.min(size.height, Math.ceil(box.y1 + margin)) - top);
  const scale = Math.min(4, Math.max(0.25, 40 / h));
  return sharp(image, { failOn: 'error' })
    .autoOrient()
    .extract({ left, top, width, height })
    .flatten({ background: '#ffffff' })
    .greyscale()
    .resize(Math.max(8, Math.round(width * scale)), Math.max(8, Math.round(height * scale)), { kernel: 'cubic' })
    .normalise()
    .png({ compressionLevel: 1 })
    .toBuffer();
}

/** Re-reads every boxed id, timestamp and the amount; fields are read one after another per image. */
export async function confirmFields(reader: OcrEngine, image: Buffer, extraction: Extraction, signal?: AbortSignal): Promise<{ agreement: Agreement; checks: FieldAgreement[] }> {
  const meta = await sharp(image, { failOn: 'error' }).metadata();
  const size = { width: meta.autoOrient.width, height: meta.autoOrient.height };
  const checks: FieldAgreement[] = [];
  const check = async (field: ConfirmedKind, f: Field): Promise<boolean | null> => {
    if (f.box === null || f.box.x1 <= f.box.x0 || f.box.y1 <= f.box.y0) {
      checks.push({ field, value: f.value, reread: '', agree: null });
      return null;
    }
    signal?.throwIfAborted();
    // The image is light-on-dark in dark mode: normalise() keeps polarity, so invert dark crops.
    let png = await crop(image, f.box, size);
    const stats = await sharp(png).stats();
    if ((stats.channels[0]?.mean ?? 255) < 110) png = await sharp(png).negate().png().toBuffer();
    const reread = (await reader.recognize(png, { signal })).text.trim();
    const agree = agrees(field, f.value, reread);
    checks.push({ field, value: f.value, reread, agree });
    return agree;
  };
  const agreement: Agreement = { orderNumbers: [], transactionIds: [], timestamps: [], amount: null };
  for (const f of extraction.orderNumbers) agreement.orderNumbers.push(await check('orderNumbers', f));
  for (const f of extraction.transactionIds) agreement.transactionIds.push(await check('transactionIds', f));
  // The scan lists only date-times (toScanJson), so the flags follow the same filter.
  for (const f of extraction.timestamps.filter((t) => t.value.includes('T'))) agreement.timestamps.push(await check('timestamps', f));
  if (extraction.amount) agreement.amount = await check('amount', extraction.amount);
  return { agreement, checks };
}

/** The extraction with each checked field's `agree` flag set from the second reader's agreement. */
export function withAgreement(extraction: Extraction, agreement: Agreement): Extraction {
  const mark = <T extends Field>(list: readonly T[], flags: ReadonlyArray<boolean | null>): T[] => list.map((f, i) => (i < flags.length ? { ...f, agree: flags[i] ?? null } : f));
  // Only date-times were checked (the scan's own filter); date-only stamps stay unflagged.
  let t = 0;
  const timestamps = extraction.timestamps.map((f) => (f.value.includes('T') ? { ...f, agree: agreement.timestamps[t++] ?? null } : f));
  return {
    ...extraction,
    orderNumbers: mark(extraction.orderNumbers, agreement.orderNumbers),
    transactionIds: mark(extraction.transactionIds, agreement.transactionIds),
    timestamps,
    amount: extraction.amount ? { ...extraction.amount, agree: agreement.amount } : null,
  };
}

/** The scan line's per-list flags, read back from fields that carry them. */
export function agreementOf(extraction: Extraction): Agreement {
  const flag = (f: Field): boolean | null => f.agree ?? null;
  return {
    orderNumbers: extraction.orderNumbers.map(flag),
    transactionIds: extraction.transactionIds.map(flag),
    timestamps: extraction.timestamps.filter((f) => f.value.includes('T')).map(flag),
    amount: extraction.amount ? flag(extraction.amount) : null,
  };
}

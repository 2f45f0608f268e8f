// The one reading of fields from an original, shared by the app (when OCR finishes or a chat log is
// read), the `scan` CLI, the bundle path, the benchmarks and the tests: so what is measured is what a
// buyer gets. Screenshots take the chat-app hint from their pixels; chat logs their parsed messages.
import { captureTrust } from '../../../shared/domain/evidence';
import type { CaptureSource } from '../../../shared/domain/evidence';
import sharp from 'sharp';
import { extractFromChatLog } from '../../../shared/extract';
import { readStatusBarClock, refineCapture } from '../../../shared/extract/statusbar';
import type { ImageSize } from '../../../shared/extract/statusbar';
import type { Extraction, OcrWord, ParsedChatLog } from '../../../shared/extract';
import { confirmFields, withAgreement } from '../ocr/confirm';
import type { OcrEngine } from '../ocr/engine';
import { chatAppHint, extractWithHints } from '../ocr/hints';

export type FieldSource =
  /**
   * A screenshot: its bytes (for the bubble colours), what OCR read, when it was taken and where that
   * time came from (a weak source makes relative stamps approximate).
   */
  | { kind: 'image'; image: Buffer; ocr: OcrReading; capturedAt: string | null; captureSource: CaptureSource | null }
  | { kind: 'chatlog'; chat: ParsedChatLog };

/** What the extractors take from an OCR result: the engine's own text (not the cleaned display text) and its words. */
export interface OcrReading {
  rawText: string;
  words: readonly OcrWord[];
}

export interface ExtractOptions {
  /**
   * tesseract.js set up for one-line crops (ocr/confirm.ts): each id, amount and date-time of a
   * screenshot is read again from its own crop, and the field records whether the engines agree.
   */
  secondReader?: OcrEngine;
}

async function uprightSize(image: Buffer): Promise<ImageSize | null> {
  try {
    const meta = await sharp(image, { failOn: 'error' }).metadata();
    return { width: meta.autoOrient.width, height: meta.autoOrient.height };
  } catch {
    return null;
  }
}

export async function extractEvidenceFields(source: FieldSource, opts: ExtractOptions = {}): Promise<Extraction> {
  if (source.kind === 'chatlog') return extractFromChatLog(source.chat);
  // The phone's own clock in the status bar confirms, or for a weak capture time supplies, the time of day.
  const size = await uprightSize(source.image);
  const clock = size === null ? null : readStatusBarClock(source.ocr.words, size);
  const anchor = source.capturedAt !== null && source.captureSource !== null ? { capturedAt: source.capturedAt, captureSource: source.captureSource } : null;
  const capture = refineCapture(anchor, clock);
  const read = extractWithHints(
    { text: source.ocr.rawText, words: source.ocr.words },
    { capturedAt: capture?.capturedAt ?? source.capturedAt, anchorTrusted: capture !== null && captureTrust(capture.captureSource) === 'trusted' },
    await chatAppHint(source.image),
  );
  // A name, EXIF or file time the phone's own clock contradicts is a capture time that may be wrong.
  const contradicted = capture?.statusBar?.agrees === false && capture.captureSource !== 'statusbar';
  const extraction = capture === null ? read : { ...read, capture, ...(contradicted ? { captureSuspect: true as const } : {}) };
  if (!opts.secondReader) return extraction;
  try {
    return withAgreement(extraction, (await confirmFields(opts.secondReader, source.image, extraction, { words: source.ocr.words })).agreement);
  } catch (err) {
    // The fields stand without the cross-check: they are shown unflagged, not lost.
    console.error('[fields] second reader failed', err);
    return extraction;
  }
}

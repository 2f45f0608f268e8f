// The one reading of fields from an original, shared by the app (when OCR finishes or a chat log is
// read), the `scan` CLI, the bundle path, the benchmarks and the tests: so what is measured is what a
// buyer gets. Screenshots take the chat-app hint from their pixels; chat logs their parsed messages.
import { extractFromChatLog } from '../../../shared/extract';
import type { Extraction, OcrWord, ParsedChatLog } from '../../../shared/extract';
import { chatAppHint, extractWithHints } from '../ocr/hints';

export type FieldSource =
  /** A screenshot: its bytes (for the bubble colours), what OCR read, and when it was taken. */
  | { kind: 'image'; image: Buffer; ocr: OcrReading; capturedAt: string | null }
  | { kind: 'chatlog'; chat: ParsedChatLog };

/** What the extractors take from an OCR result: the engine's own text (not the cleaned display text) and its words. */
export interface OcrReading {
  rawText: string;
  words: readonly OcrWord[];
}

export async function extractEvidenceFields(source: FieldSource): Promise<Extraction> {
  if (source.kind === 'chatlog') return extractFromChatLog(source.chat);
  return extractWithHints({ text: source.ocr.rawText, words: source.ocr.words }, source.capturedAt, await chatAppHint(source.image));
}

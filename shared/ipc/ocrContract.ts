// IPC contract for background OCR and chat-log reading. Main owns the queue and the engine; the
// renderer turns results into extracted fields (pure functions in shared/extract) and stores them.
import { z } from 'zod';
import type { OcrWord, ParsedChatLog } from '../extract/types';

export const OCR_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type OcrState = (typeof OCR_STATES)[number];

export interface OcrItemStatus {
  sha256: string;
  state: OcrState;
  /** 0–1 within this file. */
  progress: number;
  error: string | null;
  attempts: number;
}

export interface OcrOverall {
  total: number;
  finished: number;
  failed: number;
  progress: number;
}

export interface OcrQueueStatus {
  items: OcrItemStatus[];
  overall: OcrOverall;
}

export interface OcrProgressEvent {
  item: OcrItemStatus;
  overall: OcrOverall;
}

export interface OcrResultView {
  sha256: string;
  /** Cleaned text for display and search. */
  text: string;
  /** tesseract's own text, which the extractors take. */
  rawText: string;
  words: OcrWord[];
  engine: string;
  confidence: number;
  ms: number;
}

export interface ShaRef {
  sha256: string;
}

export type OcrApi = {
  'ocr:status': (req: Record<string, never>) => Promise<OcrQueueStatus>;
  'ocr:cancel': (req: ShaRef) => Promise<void>;
  'ocr:retry': (req: ShaRef) => Promise<void>;
  'ocr:result': (req: ShaRef) => Promise<OcrResultView | null>;
  /** A chat-log export stored in the vault, decoded (UTF-8 or GB18030) and parsed. */
  'chat:read': (req: ShaRef) => Promise<ParsedChatLog>;
};

export type OcrEvents = {
  'ocr:progress': OcrProgressEvent;
};

export const OCR_API_METHODS = {
  ocrStatus: 'ocr:status',
  cancelOcr: 'ocr:cancel',
  retryOcr: 'ocr:retry',
  ocrResult: 'ocr:result',
  readChatLog: 'chat:read',
} as const satisfies Record<string, keyof OcrApi>;

export const OCR_API_EVENTS = {
  onOcrProgress: 'ocr:progress',
} as const satisfies Record<string, keyof OcrEvents>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const shaRef = z.object({ sha256 }).strict();

export const ocrSchemas = {
  'ocr:status': z.object({}).strict(),
  'ocr:cancel': shaRef,
  'ocr:retry': shaRef,
  'ocr:result': shaRef,
  'chat:read': shaRef,
} satisfies { [C in keyof OcrApi]: z.ZodType<Parameters<OcrApi[C]>[0]> };

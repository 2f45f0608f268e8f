// IPC contract for background OCR and chat-log reading. Main owns the queue and the engine, and
// extracts the fields itself when a result is stored (see shared/fields/contract.ts); the renderer
// only follows progress and shows chat transcripts.
import { z } from 'zod';
import type { ParsedChatLog } from '../extract/types';

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

/** What "re-read all evidence with the new engine" did: images queued, already read by it, already waiting. */
export interface OcrRereadReport {
  queued: number;
  current: number;
  waiting: number;
}

export interface ShaRef {
  sha256: string;
}

export type OcrApi = {
  'ocr:status': (req: Record<string, never>) => Promise<OcrQueueStatus>;
  'ocr:cancel': (req: ShaRef) => Promise<void>;
  'ocr:retry': (req: ShaRef) => Promise<void>;
  /** Every image in the vault not yet read by PP-OCR goes back on the queue (progress: ocr:progress). */
  'ocr:rereadAll': (req: Record<string, never>) => Promise<OcrRereadReport>;
  /** Cancels every file waiting or being read; the number cancelled. */
  'ocr:cancelAll': (req: Record<string, never>) => Promise<number>;
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
  rereadAllOcr: 'ocr:rereadAll',
  cancelAllOcr: 'ocr:cancelAll',
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
  'ocr:rereadAll': z.object({}).strict(),
  'ocr:cancelAll': z.object({}).strict(),
  'chat:read': shaRef,
} satisfies { [C in keyof OcrApi]: z.ZodType<Parameters<OcrApi[C]>[0]> };

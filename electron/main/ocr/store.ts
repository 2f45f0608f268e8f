// OCR state on disk, inside the vault so it moves with it: <vault>/ocr/queue.json (the work still to
// do or that failed) and <vault>/ocr/<sha>.json (one result per original). Writes go through a temp
// file in the same folder and a rename, so a crash leaves the old file or the new one, never half.
// The vault's own tmp/ is not used: reconcile empties it, which could pull a file out mid-write.
import { readFile, stat } from 'node:fs/promises';
import { z } from 'zod';
import { writeFileAtomic } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { vaultLayout } from '../vault/layout';
import type { OcrResult } from './pipeline';

import { OCR_STATES } from '../../../shared/ocr/contract';
import type { OcrState } from '../../../shared/ocr/contract';

export type { OcrState };

export interface QueueEntry {
  sha256: string;
  state: OcrState;
  error: string | null;
  attempts: number;
  /** ISO instants. */
  enqueuedAt: string;
  updatedAt: string;
}

export interface StoredOcrResult extends OcrResult {
  sha256: string;
  /** ISO instant the result was written. */
  createdAt: string;
}

const SHA = z.string().regex(/^[0-9a-f]{64}$/);

const entrySchema = z.object({
  sha256: SHA,
  state: z.enum(OCR_STATES),
  error: z.string().nullable(),
  attempts: z.number().int().nonnegative(),
  enqueuedAt: z.string(),
  updatedAt: z.string(),
}) satisfies z.ZodType<QueueEntry>;

const queueSchema = z.object({ version: z.literal(1), entries: z.array(entrySchema) });

const bbox = z.object({ x0: z.number(), y0: z.number(), x1: z.number(), y1: z.number() });
const resultSchema = z.object({
  sha256: SHA,
  createdAt: z.string(),
  text: z.string(),
  rawText: z.string(),
  words: z.array(z.object({ text: z.string(), confidence: z.number(), bbox })),
  preprocess: z.object({
    steps: z.array(z.string()),
    scale: z.number(),
    original: z.object({ width: z.number(), height: z.number() }),
    medianLuma: z.number(),
  }),
  ms: z.number(),
  engine: z.string(),
  // Results written before PP-OCR arrived were all read by tesseract.js.
  kind: z.enum(['paddle', 'tesseract']).default('tesseract'),
  confidence: z.number(),
}) satisfies z.ZodType<StoredOcrResult>;

export interface OcrStore {
  dir: string;
  loadQueue(): Promise<QueueEntry[]>;
  saveQueue(entries: readonly QueueEntry[]): Promise<void>;
  readResult(sha: string): Promise<StoredOcrResult | null>;
  /** Cheap existence check, without reading or validating the file. */
  hasResult(sha: string): Promise<boolean>;
  writeResult(result: StoredOcrResult): Promise<void>;
}

const isMissing = (err: unknown): boolean => hasErrorCode(err, 'ENOENT', 'EISDIR');

/** A JSON file's contents; undefined when it is missing or torn. */
export async function readJson(file: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if (isMissing(err)) return undefined;
    throw err;
  }
  try {
    return JSON.parse(text);
  } catch {
    // A torn or hand-edited file counts as absent; the work is redone rather than trusted.
    return undefined;
  }
}

export function ocrStore(vaultDir: string): OcrStore {
  const layout = vaultLayout(vaultDir);
  const dir = layout.ocrDir;
  const queueFile = layout.ocrQueue;
  const resultFile = (sha: string): string => layout.ocrResult(sha);
  return {
    dir,
    async loadQueue() {
      const parsed = queueSchema.safeParse(await readJson(queueFile));
      return parsed.success ? parsed.data.entries : [];
    },
    async saveQueue(entries) {
      await writeFileAtomic(queueFile, `${JSON.stringify({ version: 1, entries })}\n`);
    },
    async readResult(sha) {
      const parsed = resultSchema.safeParse(await readJson(resultFile(sha)));
      return parsed.success && parsed.data.sha256 === sha ? parsed.data : null;
    },
    hasResult: (sha) => stat(resultFile(sha)).then((st) => st.isFile(), () => false),
    async writeResult(result) {
      await writeFileAtomic(resultFile(result.sha256), `${JSON.stringify(result)}\n`);
    },
  };
}

// Fields live in main, in the vault beside the OCR result (<vault>/ocr/<sha>.fields.json), so they
// exist as soon as OCR finishes, whether or not the renderer has written its record yet. They are
// read once, with the capture time from the vault's sidecar: by the OCR queue when a screenshot is
// done, and on first request (or import) for chat-log exports and for results from older builds.
import { readFile } from 'node:fs/promises';
import type { EvidenceFields } from '../../../shared/fields/contract';
import { FIELDS_VERSION, evidenceFieldsSchema } from '../../../shared/fields/contract';
import { writeFileAtomic } from '../fs/atomic';
import { readChatExport } from '../chatRead';
import type { OcrEngine } from '../ocr/engine';
import { readJson, type StoredOcrResult } from '../ocr/store';
import { assertSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import { extractEvidenceFields } from './extract';
import { pageFields } from '../../../shared/webpage/fields';
import { isPageFormat, readPageFile } from '../vault/page';

export interface FieldsServiceOptions {
  vaultDir: string;
  now: () => Date;
  /** The stored OCR result of one original, or null while there is none. */
  ocrResult(sha256: string): Promise<StoredOcrResult | null>;
  /** The second reader for screenshots' fields (created on first use); none in tests that do not need it. */
  secondReader?: () => OcrEngine;
}

export interface FieldsService {
  /** Reads and stores the fields of a screenshot whose OCR result was just written. */
  afterOcr(result: StoredOcrResult, image: Buffer): Promise<EvidenceFields>;
  /** The stored fields, read now when missing or stale; null while OCR has not finished or the file has none. */
  read(sha256: string): Promise<EvidenceFields | null>;
}

export function createFieldsService(opts: FieldsServiceOptions): FieldsService {
  const layout = vaultLayout(opts.vaultDir);
  // One reading per original at a time: an import and the renderer's first request for a chat log
  // would otherwise both parse it.
  const pending = new Map<string, Promise<EvidenceFields | null>>();

  const load = async (sha: string): Promise<EvidenceFields | null> => {
    // A missing, torn or hand-edited file counts as absent: the fields are read again from the original.
    const parsed = evidenceFieldsSchema.safeParse(await readJson(layout.fields(sha)));
    return parsed.success && parsed.data.sha256 === sha && parsed.data.version === FIELDS_VERSION ? parsed.data : null;
  };

  const save = async (fields: EvidenceFields): Promise<EvidenceFields> => {
    // A failed write (disk full, vault unplugged) costs a second reading later, not the fields now.
    await writeFileAtomic(layout.fields(fields.sha256), `${JSON.stringify(fields)}\n`).catch((err: unknown) => console.error('[fields] not saved', err));
    return fields;
  };

  const fromOcr = async (result: StoredOcrResult, image: Buffer): Promise<EvidenceFields> => {
    const sidecar = await readSidecar(layout, result.sha256);
    const capturedAt = sidecar?.blob.capturedAt ?? null;
    const extraction = await extractEvidenceFields({ kind: 'image', image, ocr: result, capturedAt }, opts.secondReader ? { secondReader: opts.secondReader() } : {});
    return save({ version: FIELDS_VERSION, sha256: result.sha256, source: 'ocr', capturedAt, ocrAt: result.createdAt, createdAt: opts.now().toISOString(), engine: result.kind, extraction });
  };

  const readNow = async (sha: string): Promise<EvidenceFields | null> => {
    const [stored, sidecar] = await Promise.all([load(sha), readSidecar(layout, sha)]);
    if (sidecar?.blob.mediaType === 'image') {
      const result = await opts.ocrResult(sha);
      // OCR read again (a retry) since these fields were stored: they are read again too.
      if (result === null || stored?.ocrAt === result.createdAt) return stored;
      return fromOcr(result, await readFile(layout.blob(sha)));
    }
    if (stored === null && sidecar?.blob.mediaType === 'page' && isPageFormat(sidecar.blob.format)) {
      const page = await readPageFile(layout.blob(sha), sidecar.blob.format);
      const { extraction, clauses } = pageFields(page.text, sidecar.blob.capturedAt);
      // Cut at the bound (a huge page), the fields say so, as they do for a long chat.
      const marked = page.truncated ? { ...extraction, truncated: true as const } : extraction;
      return save({ version: FIELDS_VERSION, sha256: sha, source: 'page', capturedAt: sidecar.blob.capturedAt, ocrAt: null, createdAt: opts.now().toISOString(), engine: null, extraction: marked, clauses });
    }
    if (stored !== null || sidecar?.blob.mediaType !== 'text') return stored;
    const chat = await readChatExport(layout.blob(sha), sidecar.blob.originalName);
    if (chat === null) return null;
    const extraction = await extractEvidenceFields({ kind: 'chatlog', chat });
    return save({ version: FIELDS_VERSION, sha256: sha, source: 'chatlog', capturedAt: sidecar.blob.capturedAt, ocrAt: null, createdAt: opts.now().toISOString(), engine: null, extraction });
  };

  return {
    afterOcr: (result, image) => fromOcr(result, image),
    read(sha256) {
      const sha = assertSha256(sha256);
      const running = pending.get(sha);
      if (running) return running;
      const job = readNow(sha).finally(() => pending.delete(sha));
      pending.set(sha, job);
      return job;
    },
  };
}

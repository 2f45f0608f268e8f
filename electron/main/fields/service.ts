// Fields live in main, in the vault beside the OCR result (<vault>/ocr/<sha>.fields.json), so they
// exist as soon as OCR finishes, whether or not the renderer has written its record yet. They are
// read once, with the capture time from the vault's sidecar: by the OCR queue when a screenshot is
// done, and on first request (or import) for chat-log exports and for results from older builds.
import { captureTrust } from '../../../shared/domain/evidence';
import { readFile } from 'node:fs/promises';
import type { CaptureTimeReply, EvidenceFields } from '../../../shared/fields/contract';
import { reresolveTimes } from '../../../shared/extract';
import type { Extraction } from '../../../shared/extract';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import { FIELDS_VERSION, evidenceFieldsSchema } from '../../../shared/fields/contract';
import { writeFileAtomic } from '../fs/atomic';
import { readChatExport } from '../chatRead';
import type { OcrEngine } from '../ocr/engine';
import { readJson, type StoredOcrResult } from '../ocr/store';
import { assertSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import { captureAnchor, normaliseLocal, writeCaptureOverride } from './capture';
import { extractEvidenceFields } from './extract';
import { pageFields } from '../../../shared/webpage/fields';
import { isPageFormat, readPageFile } from '../vault/page';

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The stamps read again against the buyer's time, which the status-bar clock (if read) confirms or not. */
function withUserCapture(extraction: Extraction, capturedAt: string): Extraction {
  const bar = extraction.capture?.statusBar ?? null;
  const statusBar = bar === null ? null : { time: bar.time, agrees: Math.abs(minutes(bar.time) - minutes(capturedAt.slice(11, 16))) <= 1 };
  const read = reresolveTimes(extraction, capturedAt, true);
  // The buyer's word stands, but a bar that contradicts it is still said.
  return { ...read, capture: { capturedAt, captureSource: 'user', statusBar }, ...(statusBar?.agrees === false ? { captureSuspect: true as const } : {}) };
}

/** A capture time the buyer cannot set: not a real time, or after now. Named for the reply. */
export class CaptureTimeError extends Error {}

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
  /** The buyer sets the capture time: kept in the vault, and stored fields re-resolved against it. */
  setCaptureTime(sha256: string, capturedAt: string): Promise<CaptureTimeReply>;
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
    const anchor = await captureAnchor(layout, result.sha256);
    const capturedAt = anchor?.capturedAt ?? null;
    const captureSource = anchor?.captureSource ?? null;
    const extraction = await extractEvidenceFields({ kind: 'image', image, ocr: result, capturedAt, captureSource }, opts.secondReader ? { secondReader: opts.secondReader() } : {});
    // What the stamps were read against: the status-bar clock may have confirmed or supplied the time of day.
    const used = extraction.capture ?? { capturedAt, captureSource };
    return save({ version: FIELDS_VERSION, sha256: result.sha256, source: 'ocr', capturedAt: used.capturedAt, captureSource: used.captureSource, ocrAt: result.createdAt, createdAt: opts.now().toISOString(), engine: result.kind, extraction });
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
      const { extraction, clauses } = pageFields(page.text, sidecar.blob.capturedAt, captureTrust(sidecar.blob.captureSource) === 'trusted');
      // Cut at the bound (a huge page), the fields say so, as they do for a long chat.
      const marked = page.truncated ? { ...extraction, truncated: true as const } : extraction;
      return save({ version: FIELDS_VERSION, sha256: sha, source: 'page', capturedAt: sidecar.blob.capturedAt, captureSource: sidecar.blob.captureSource, ocrAt: null, createdAt: opts.now().toISOString(), engine: null, extraction: marked, clauses });
    }
    if (stored !== null || sidecar?.blob.mediaType !== 'text') return stored;
    const chat = await readChatExport(layout.blob(sha), sidecar.blob.originalName);
    if (chat === null) return null;
    const extraction = await extractEvidenceFields({ kind: 'chatlog', chat });
    return save({ version: FIELDS_VERSION, sha256: sha, source: 'chatlog', capturedAt: sidecar.blob.capturedAt, captureSource: sidecar.blob.captureSource, ocrAt: null, createdAt: opts.now().toISOString(), engine: null, extraction });
  };

  const setCaptureTime = async (sha: string, text: string): Promise<CaptureTimeReply> => {
    const capturedAt = normaliseLocal(text);
    if (capturedAt === null) throw new CaptureTimeError(`"${text}" is not a valid local date and time`);
    if (capturedAt > toShanghaiLocal(opts.now())) throw new CaptureTimeError(`${capturedAt.replace('T', ' ')} is later than now: a screenshot cannot be taken in the future`);
    if ((await readSidecar(layout, sha)) === null) throw new CaptureTimeError('this original is not in the vault');
    const previous = await captureAnchor(layout, sha);
    await writeCaptureOverride(layout, sha, capturedAt, opts.now());
    const stored = await load(sha);
    // A chat log's times are its messages' own; only a screenshot's stamps hang on the capture time.
    const fields =
      stored === null
        ? null
        : await save({
            ...stored,
            capturedAt,
            captureSource: 'user',
            createdAt: opts.now().toISOString(),
            extraction: stored.source === 'ocr' ? withUserCapture(stored.extraction, capturedAt) : stored.extraction,
          });
    return { capturedAt, captureSource: 'user', previous, fields };
  };

  return {
    setCaptureTime: (sha256, capturedAt) => setCaptureTime(assertSha256(sha256), capturedAt),
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

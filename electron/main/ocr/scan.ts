// The `scan` measurement hook's work, kept out of the CLI so the app can reuse the same reading of a
// file: screenshots go through OCR and extraction, chat-log exports through the chat parsers. Every
// failure becomes a plain sentence naming the problem; nothing here throws for a bad file.
import { captureTrust } from '../../../shared/domain/evidence';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { parseChatLog, toScanJson } from '../../../shared/extract';
import type { ScanJson } from '../../../shared/extract';
import { errorCode } from '../fs/errors';
import { resolveCaptureTime } from '../vault/capture';
import type { CaptureTime } from '../vault/capture';
import { detectType } from '../vault/detect';
import { VaultError } from '../vault/errors';
import { probeImage } from '../vault/image';
import { extractEvidenceFields } from '../fields/extract';
import { createAutoEngine } from './auto';
import type { Agreement } from './confirm';
import { agreementOf, createSecondReader } from './confirm';
import type { OcrEngine, OcrEngineKind } from './engine';
import { defaultPoolSize } from './engine';
import { mapLimit } from './limit';
import { ocrImage } from './pipeline';
import { pageFields } from '../../../shared/webpage/fields';
import type { PageProvenance } from '../../../shared/webpage/provenance';
import type { RefundClause } from '../../../shared/webpage/refund';
import { isPageFormat, pageCaptureTime, readPageFile } from '../vault/page';

/**
 * `engine` says which reader read an image (chat-log exports have none); `agree` says, per id,
 * timestamp and the amount, whether tesseract.js re-reading the value's crop saw the same (null:
 * nothing to crop).
 */
export type ScanLine = ({ file: string; engine?: OcrEngineKind; agree?: Agreement; page?: PageProvenance; clauses?: RefundClause[] } & ScanJson) | { file: string; error: string };

const HEAD = 8192;

/** Chat exports: UTF-8 (with or without BOM), UTF-16 with BOM (QQ), else GB18030 (older Windows tools). */
export function decodeChatText(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

function fsReason(err: unknown): string {
  const code = errorCode(err) ?? '';
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: the file cannot be read';
    case 'EISDIR':
      return 'this is a folder, not a file';
    default:
      return `the file cannot be read (${err instanceof Error ? err.message : String(err)})`;
  }
}

class ScanFailure extends Error {}

function captureTime(file: string, exif: Buffer | null, mtimeMs: number): CaptureTime {
  return resolveCaptureTime({ name: path.basename(file), exif, mtimeMs, clipboard: false, now: new Date() });
}

async function scanChatLog(file: string, bytes: Buffer, mtimeMs: number): Promise<ScanJson> {
  const parsed = parseChatLog(decodeChatText(bytes), path.basename(file));
  if (parsed === null) throw new ScanFailure('not a recognised chat-log export (QQ .txt export, WeChatMsg .csv or .txt)');
  const { capturedAt, captureSource } = captureTime(file, null, mtimeMs);
  return toScanJson(await extractEvidenceFields({ kind: 'chatlog', chat: parsed }), capturedAt, captureSource);
}

async function scanImage(file: string, bytes: Buffer, mtimeMs: number, engine: () => OcrEngine, second: (() => OcrEngine) | null): Promise<ScanJson & { engine: OcrEngineKind; agree?: Agreement }> {
  let exif: Buffer | null;
  try {
    exif = (await probeImage(file)).exif;
  } catch (err) {
    throw new ScanFailure(err instanceof VaultError ? err.message : 'the image cannot be decoded');
  }
  const { capturedAt, captureSource } = captureTime(file, exif, mtimeMs);
  const result = await ocrImage(engine(), bytes);
  // The app's own extraction (fields/extract.ts); the second reader then re-reads each field's crop.
  const extraction = await extractEvidenceFields({ kind: 'image', image: bytes, ocr: result, capturedAt, captureSource }, second ? { secondReader: second() } : {});
  // The status-bar clock may have confirmed or supplied the time of day (extraction.capture).
  const capture = extraction.capture ?? { capturedAt, captureSource };
  return { engine: result.kind, ...toScanJson(extraction, capture.capturedAt, capture.captureSource), ...(second ? { agree: agreementOf(extraction) } : {}) };
}

/** A saved page: its provenance, the capture time it records (else the file's), its text and clauses. */
async function scanPage(file: string, format: string, mtimeMs: number): Promise<ScanJson & { page: PageProvenance; clauses: RefundClause[] }> {
  if (!isPageFormat(format)) throw new ScanFailure('unrecognised web page format');
  let page;
  try {
    page = await readPageFile(file, format);
  } catch (err) {
    throw new ScanFailure(err instanceof VaultError ? err.message : 'the web page cannot be read');
  }
  const { capturedAt, captureSource } = pageCaptureTime(page.provenance, new Date()) ?? captureTime(file, null, mtimeMs);
  const { extraction, clauses } = pageFields(page.text, capturedAt, captureTrust(captureSource) === 'trusted');
  return { ...toScanJson(page.truncated ? { ...extraction, truncated: true } : extraction, capturedAt, captureSource), page: page.provenance, clauses };
}

interface Classified {
  kind: 'image' | 'text' | 'page';
  format: string;
  bytes: Buffer;
  mtimeMs: number;
}

async function classify(file: string): Promise<Classified> {
  let size: number;
  let mtimeMs: number;
  try {
    const s = await stat(file);
    if (s.isDirectory()) throw new ScanFailure('this is a folder, not a file');
    size = s.size;
    mtimeMs = s.mtimeMs;
  } catch (err) {
    throw err instanceof ScanFailure ? err : new ScanFailure(fsReason(err));
  }
  if (size === 0) throw new ScanFailure('the file is empty');
  const bytes = await readFile(file).catch((err: unknown) => {
    throw new ScanFailure(fsReason(err));
  });
  let mediaType: string;
  let format: string;
  try {
    ({ mediaType, format } = detectType(bytes.subarray(0, HEAD), path.basename(file)));
  } catch (err) {
    throw new ScanFailure(err instanceof VaultError ? err.message : 'unrecognised file type');
  }
  if (mediaType === 'image' || mediaType === 'text' || mediaType === 'page') return { kind: mediaType, format, bytes, mtimeMs };
  throw new ScanFailure(`a ${mediaType} file: scan reads screenshots (images), chat-log exports (.txt/.csv) and saved web pages (.mhtml/.html)`);
}

export interface ScanOptions {
  /** A shared engine; otherwise one is started on the first image and stopped at the end. */
  engine?: OcrEngine;
  /** Which engine an own engine is (default: PP-OCR, tesseract.js when onnxruntime cannot load). */
  prefer?: OcrEngineKind;
  /** Re-read ids, timestamps and the amount with tesseract.js (confirm.ts); default true. */
  confirm?: boolean;
}

/**
 * Scans files in parallel (images share one worker pool) and returns one line per file, in order.
 * At most two files per worker are in flight, so a long list does not hold every image in memory.
 */
export async function scanFiles(files: readonly string[], opts: ScanOptions = {}): Promise<ScanLine[]> {
  const size = opts.engine?.size ?? Math.min(defaultPoolSize(), Math.max(1, files.length));
  const own: { engine: OcrEngine | null } = { engine: null };
  const engine = (): OcrEngine => {
    if (opts.engine) return opts.engine;
    own.engine ??= createAutoEngine({ size, idleMs: 0, prefer: opts.prefer });
    return own.engine;
  };
  const own2: { reader: OcrEngine | null } = { reader: null };
  // One second reader, as in the app: its single-line crops are quick, and every tesseract.js worker
  // pays chi_sim's load at start-up, which a batch of a few dozen screenshots feels.
  const second = opts.confirm === false ? null : (): OcrEngine => (own2.reader ??= createSecondReader());
  try {
    return await mapLimit(files, size * 2, async (file): Promise<ScanLine> => {
      try {
        const c = await classify(file);
        // The second reader starts while the first page is read, not after it.
        if (c.kind === 'image' && second) void second().warm().catch(() => undefined);
        const json =
          c.kind === 'image' ? await scanImage(file, c.bytes, c.mtimeMs, engine, second) : c.kind === 'page' ? await scanPage(file, c.format, c.mtimeMs) : await scanChatLog(file, c.bytes, c.mtimeMs);
        return { file, ...json };
      } catch (err) {
        const reason = err instanceof ScanFailure ? err.message : `could not be scanned: ${err instanceof Error ? err.message : String(err)}`;
        return { file, error: reason };
      }
    });
  } finally {
    await Promise.all([own.engine?.terminate(), own2.reader?.terminate()]);
  }
}

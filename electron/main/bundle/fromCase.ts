// From a case.json to a BundleInput, the way the app gets there: import the files into a vault
// (hashing and describing them), OCR the screenshots and read the chat exports for their fields.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { redactionTargets } from '../../../shared/bundle/redact';
import type { BundleEvidence, BundleField, BundleInput, BundleTarget } from '../../../shared/bundle/types';
import type { CaptureSource } from '../../../shared/domain/evidence';
import { caseFillFrom, isKept, reviewFields } from '../../../shared/domain/review';
import { parseChatLog } from '../../../shared/extract';
import type { BBox, Extraction, OcrWord } from '../../../shared/extract';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import type { OcrEngine } from '../ocr/engine';
import { createOcrEngine, defaultPoolSize } from '../ocr/engine';
import { extractEvidenceFields } from '../fields/extract';
import { ocrImage } from '../ocr/pipeline';
import { decodeChatText } from '../ocr/scan';
import { createVaultService } from '../vault';
import { vaultLayout } from '../vault/layout';
import { createVideoService } from '../video/service';
import { evidenceFieldsSchema } from '../../../shared/fields/contract';
import type { LoadedCaseFile } from './caseFile';
import { CaseFileError } from './caseFile';

export interface FromCaseOptions {
  vaultDir: string;
  /** Overrides the case file's own target. */
  target?: BundleTarget;
  /** Read screenshots with OCR (the app's behaviour); off for quick checks. */
  ocr: boolean;
  now?: () => Date;
}

interface Reading {
  extraction: Extraction | null;
  messages: BundleEvidence['messages'];
  words: OcrWord[];
}

async function readImage(engine: () => OcrEngine, file: string, capturedAt: string, captureSource: CaptureSource): Promise<Reading> {
  const bytes = await readFile(file);
  const ocr = await ocrImage(engine(), bytes);
  return { extraction: await extractEvidenceFields({ kind: 'image', image: bytes, ocr, capturedAt, captureSource }), messages: null, words: ocr.words };
}

/**
 * A screen recording: its key frames made and read as the app does (video/service.ts), stored in the
 * vault for the contact sheet; the fields are those of its frames. A video with no frames is still
 * exhibited, with the reason on its page.
 */
async function readVideo(engine: () => OcrEngine, vaultDir: string, sha: string, now: () => Date): Promise<Reading> {
  const video = createVideoService({ vaultDir, now, readFrame: (jpeg, signal) => ocrImage(engine(), jpeg, { signal }) });
  try {
    await video.ensure(sha, { ocr: true });
    const parsed = evidenceFieldsSchema.safeParse(JSON.parse(await readFile(vaultLayout(vaultDir).fields(sha), 'utf8')));
    return { extraction: parsed.success ? parsed.data.extraction : null, messages: null, words: [] };
  } catch {
    return { extraction: null, messages: null, words: [] };
  } finally {
    await video.dispose();
  }
}

async function readText(file: string): Promise<Reading> {
  const parsed = parseChatLog(decodeChatText(await readFile(file)), path.basename(file));
  return parsed === null ? { extraction: null, messages: null, words: [] } : { extraction: await extractEvidenceFields({ kind: 'chatlog', chat: parsed }), messages: parsed.messages, words: [] };
}

/** Chat logs list every message's time as a field; the transcript shows those, so the caption does not. */
function fieldsOf(reading: Reading): BundleField[] {
  if (reading.extraction === null) return [];
  return reviewFields(reading.extraction, {})
    // Approximate times are the buyer's to keep; a CLI bundle has no buyer review, so they are left out.
    .filter((f) => isKept(f) && !(reading.messages !== null && f.type === 'timestamp'))
    .map((f) => ({ type: f.type, value: f.value, label: f.label, ...(f.basis !== null ? { basis: f.basis } : {}) }));
}

export async function bundleInputFromCase(loaded: LoadedCaseFile, opts: FromCaseOptions): Promise<BundleInput> {
  const now = opts.now ?? (() => new Date());
  const vault = createVaultService({ vaultDir: opts.vaultDir, now });
  const batch = await vault.importPaths('cli', loaded.evidence.map((e) => e.path), 'dialog');
  if (batch.failures.length > 0) {
    const f = batch.failures[0];
    const i = loaded.evidence.findIndex((e) => path.basename(e.path) === f?.file);
    throw new CaseFileError(`evidence[${i}].file "${loaded.evidence[i]?.file ?? f?.file}": ${f?.message ?? 'could not be imported'}`);
  }
  const importedAt = toShanghaiLocal(now());
  const images = batch.items.filter((item) => item.blob.mediaType === 'image').length;
  const own: { engine: OcrEngine | null } = { engine: null };
  const ocr = () => (own.engine ??= createOcrEngine({ size: Math.max(1, Math.min(defaultPoolSize(), images)), idleMs: 0 }));
  try {
    const readings = await Promise.all(
      batch.items.map(async (item, i): Promise<Reading> => {
        const file = loaded.evidence[i]?.path ?? '';
        if (item.blob.mediaType === 'text') return readText(file);
        if (item.blob.mediaType === 'image' && opts.ocr) return readImage(ocr, file, item.blob.capturedAt, item.blob.captureSource);
        if (item.blob.mediaType === 'video' && opts.ocr) return readVideo(ocr, opts.vaultDir, item.blob.sha256, now);
        return { extraction: null, messages: null, words: [] };
      }),
    );
    const evidence = batch.items.map((item, i): BundleEvidence => {
      const entry = loaded.evidence[i];
      const reading = readings[i] ?? { extraction: null, messages: null, words: [] };
      const redactions: BBox[] = redactionTargets(reading.words).map((t) => t.box);
      return {
        ...item.blob,
        importedAt,
        kind: entry?.kind ?? 'other',
        title: entry?.title || path.parse(entry?.file ?? item.blob.originalName).name,
        purpose: entry?.purpose ?? '',
        platform: reading.extraction?.platform ?? null,
        ...(reading.extraction?.captureSuspect ? { captureSuspect: true } : {}),
        fields: fieldsOf(reading),
        messages: reading.messages,
        redactions,
      };
    });
    const d = loaded.data;
    const c = { title: d.title, platform: d.platform, shop: d.shop, item: d.item, orderNumber: d.orderNumber, amount: d.amount, purchasedAt: d.purchasedAt, issue: d.issue, request: d.request, statement: d.statement };
    // Empty case facts are filled from the first order or payment screenshot, as "fill case from this screenshot" does.
    const source = evidence.findIndex((e) => e.kind === 'order' || e.kind === 'payment');
    const reading = readings[source];
    if (reading?.extraction) {
      const fill = caseFillFrom(reviewFields(reading.extraction, {}), reading.extraction.platform);
      if (c.orderNumber === '' && fill.orderNumber) c.orderNumber = fill.orderNumber;
      if (c.amount === '' && fill.amount) c.amount = fill.amount;
      if (c.purchasedAt === '' && fill.purchasedAt) c.purchasedAt = fill.purchasedAt;
      if (c.platform === '' && fill.platform) c.platform = fill.platform;
    }
    return {
      target: opts.target ?? d.target ?? 'platform',
      case: c,
      complainant: d.complainant,
      respondent: d.respondent,
      complaint: d.complaint,
      cardShop: d.cardShop ?? null,
      evidence,
      events: d.events,
      exportedAt: toShanghaiLocal(now()),
    };
  } finally {
    await own.engine?.terminate();
  }
}

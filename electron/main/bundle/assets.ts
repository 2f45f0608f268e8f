// Turns each exhibit's original into what the PDF embeds: images re-encoded with sharp (screenshots
// kept wide enough for small text, photos downscaled, redaction burned into the pixels, very tall
// screenshots cut into page-sized slices), PDFs embedded page by page, chat logs as transcripts, and
// video/audio listed. The original is read from the vault and its hash checked; it is never written.
import { readFile } from 'node:fs/promises';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { Sharp, SharpOptions } from 'sharp';
import { padBox } from '../../../shared/bundle/redact';
import type { BundleEvidence } from '../../../shared/bundle/types';
import { parseChatLog } from '../../../shared/extract';
import type { BBox, ChatMessage } from '../../../shared/extract';
import { hashFile, sha256Hex } from '../fs/hash';
import { decodeChatText } from '../ocr/scan';
import type { VaultLayout } from '../vault/layout';
import { BundleError } from './errors';
import { storedPageSource } from '../vault/derived';
import { preparePageAsset, type PageAsset, type PagePrinter } from './pageExhibit';
import { prepareVideo, type VideoAsset } from './videoSheet';

export interface EncodeLevel {
  /** Long side of a photo, in pixels: about 250–300 dpi across the A4 image box. */
  photoLong: number;
  /** Screenshots are kept at the pixels this many dpi need where they are printed, but never under SHOT_MIN_WIDTH. */
  dpi: number;
  quality: number;
}

/** Tried in order when an exhibit alone would not fit a part; the first is the normal export. */
export const ENCODE_LEVELS: readonly EncodeLevel[] = [
  { photoLong: 2000, dpi: 300, quality: 80 },
  { photoLong: 1600, dpi: 220, quality: 66 },
  { photoLong: 1280, dpi: 180, quality: 52 },
];

/** Phone width: the small print of an order page stays legible (and OCR-readable) at this width. */
const SHOT_MIN_WIDTH = 1080;
/** The image box under an exhibit's caption, in points (A4 less margins and the caption). */
const IMAGE_BOX = { width: 495, height: 540 };

/** A screenshot taller than this many widths is cut into slices of SLICE_ASPECT widths each. */
const SLICE_OVER = 3.2;
const SLICE_ASPECT = 2.3;
const SLICE_OVERLAP = 0.04;
const REDACT_PAD = 3;
/** A page of exhibit holds about this much besides its image (content stream, dictionaries). */
export const PAGE_BYTES = 1800;

const DECODE: SharpOptions = { failOn: 'error', autoOrient: true };

export interface ImageSlice {
  jpeg: Buffer;
  width: number;
  height: number;
}

export type Asset =
  | { type: 'image'; slices: ImageSlice[]; redacted: { sha256: string; bytes: Buffer } | null; level: number; width: number; height: number }
  | { type: 'pdf'; bytes: Uint8Array; pages: number; unembeddable: readonly number[] }
  | { type: 'transcript'; messages: ChatMessage[] }
  | { type: 'text'; text: string }
  | PageAsset
  | { type: 'listed'; reason: string }
  | VideoAsset;

export interface PreparedExhibit {
  /** 1-based exhibit number. */
  no: number;
  evidence: BundleEvidence;
  asset: Asset;
  /** What the exhibit adds to a part, estimated before any page is drawn. */
  estimate: number;
}


/** The original's bytes, after checking they still hash to what the vault recorded. */
export async function readOriginal(layout: VaultLayout, e: BundleEvidence, no: number): Promise<Buffer> {
  let bytes: Buffer;
  try {
    bytes = await readFile(layout.blob(e.sha256));
  } catch (err) {
    throw new BundleError('missing-original', `证据${no}（${e.title}）的原件不在证据库中。`, { exhibit: no }, { cause: err });
  }
  if (sha256Hex(bytes) !== e.sha256) {
    throw new BundleError('hash-mismatch', `证据${no}（${e.title}）的原件已损坏：SHA-256 与导入时不一致。`, { exhibit: no });
  }
  return bytes;
}

/** The same check for files that are only listed (a long video): hashed as a stream, never held in memory. */
export async function verifyOriginal(layout: VaultLayout, e: BundleEvidence, no: number): Promise<void> {
  let actual: string;
  try {
    actual = await hashFile(layout.blob(e.sha256));
  } catch (err) {
    throw new BundleError('missing-original', `证据${no}（${e.title}）的原件不在证据库中。`, { exhibit: no }, { cause: err });
  }
  if (actual !== e.sha256) {
    throw new BundleError('hash-mismatch', `证据${no}（${e.title}）的原件已损坏：SHA-256 与导入时不一致。`, { exhibit: no });
  }
}

function isPhoto(e: BundleEvidence, width: number, height: number): boolean {
  if (e.kind === 'defect') return true;
  const aspect = Math.max(width, height) / Math.min(width, height);
  return e.format !== 'png' && width * height >= 4_000_000 && aspect < 1.9;
}

function targetSize(photo: boolean, width: number, height: number, level: EncodeLevel): { width: number; height: number } {
  let scale: number;
  if (photo) {
    scale = Math.min(1, level.photoLong / Math.max(width, height));
  } else {
    // How wide it prints: tall screenshots are height-bound (or cut into slices of SLICE_ASPECT).
    const aspect = height / width > SLICE_OVER ? SLICE_ASPECT : height / width;
    const inches = Math.min(IMAGE_BOX.width, IMAGE_BOX.height / aspect) / 72;
    scale = Math.min(1, Math.max(SHOT_MIN_WIDTH, Math.round(inches * level.dpi)) / width);
  }
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

function sliceRows(width: number, height: number): Array<[top: number, height: number]> {
  if (height / width <= SLICE_OVER) return [[0, height]];
  const step = Math.round(width * SLICE_ASPECT);
  const overlap = Math.round(width * SLICE_OVERLAP);
  const rows: Array<[number, number]> = [];
  for (let top = 0; top < height; top += step - overlap) {
    rows.push([top, Math.min(step, height - top)]);
    if (top + step >= height) break;
  }
  return rows;
}

export async function encodeImage(bytes: Buffer, e: BundleEvidence, rects: readonly BBox[], levelIndex: number): Promise<Extract<Asset, { type: 'image' }>> {
  const level = ENCODE_LEVELS[levelIndex] ?? ENCODE_LEVELS[ENCODE_LEVELS.length - 1] ?? { photoLong: 1280, dpi: 180, quality: 52 };
  const meta = await sharp(bytes, DECODE).metadata();
  const width = meta.autoOrient.width;
  const height = meta.autoOrient.height;
  const boxes = rects.map((r) => padBox(r, REDACT_PAD, width, height)).filter((b): b is BBox => b !== null);
  let source: () => Sharp = () => sharp(bytes, DECODE).autoOrient().flatten({ background: '#ffffff' }).removeAlpha();
  if (boxes.length > 0) {
    // Burned in at full resolution before resizing, so no resampled trace of the masked text survives.
    const black = boxes.map((b) => ({ input: { create: { width: b.x1 - b.x0, height: b.y1 - b.y0, channels: 3 as const, background: '#000000' } }, left: b.x0, top: b.y0 }));
    const { data, info } = await source().composite(black).raw().toBuffer({ resolveWithObject: true });
    source = () => sharp(data, { raw: { width: info.width, height: info.height, channels: info.channels } });
  }
  const size = targetSize(isPhoto(e, width, height), width, height, level);
  const jpeg = { quality: level.quality, mozjpeg: false };
  const rows = sliceRows(size.width, size.height);
  let slices: ImageSlice[];
  let whole: Buffer | null = null;
  if (rows.length === 1) {
    const single = await source().resize(size.width, size.height, { fit: 'fill' }).jpeg(jpeg).toBuffer();
    whole = single;
    slices = [{ jpeg: single, ...size }];
  } else {
    const raw = await source().resize(size.width, size.height, { fit: 'fill' }).raw().toBuffer({ resolveWithObject: true });
    const rawOpts = { raw: { width: raw.info.width, height: raw.info.height, channels: raw.info.channels } };
    slices = await Promise.all(
      rows.map(async ([top, h]) => ({ jpeg: await sharp(raw.data, rawOpts).extract({ left: 0, top, width: size.width, height: h }).jpeg(jpeg).toBuffer(), width: size.width, height: h })),
    );
    if (boxes.length > 0) whole = await sharp(raw.data, rawOpts).jpeg(jpeg).toBuffer();
  }
  const redacted = boxes.length > 0 && whole !== null ? { sha256: sha256Hex(whole), bytes: whole } : null;
  return { type: 'image', slices, redacted, level: levelIndex, ...size };
}

async function pdfAsset(bytes: Buffer): Promise<Asset> {
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch {
    return { type: 'listed', reason: '该 PDF 无法读取（可能已加密或损坏），无法嵌入本材料，需另行提交原文件。' };
  }
  return { type: 'pdf', bytes, pages: doc.getPageCount(), unembeddable: await unembeddablePages(doc) };
}

/**
 * Pages pdf-lib cannot embed (a legal page without /Contents, a broken content reference). Each is
 * tried once in a scratch document, so one odd page becomes a note on its exhibit page instead of
 * failing the whole export.
 */
async function unembeddablePages(doc: PDFDocument): Promise<number[]> {
  const scratch = await PDFDocument.create({ updateMetadata: false });
  const bad: number[] = [];
  for (let k = 0; k < doc.getPageCount(); k++) {
    try {
      // embedPdf only records the page; the copy (and its failure) happens in embed().
      const [page] = await scratch.embedPdf(doc, [k]);
      await page?.embed();
    } catch {
      bad.push(k);
    }
  }
  return bad;
}

function textAsset(bytes: Buffer, e: BundleEvidence): Asset {
  if (e.messages !== null) return { type: 'transcript', messages: e.messages };
  const text = decodeChatText(bytes);
  const parsed = parseChatLog(text, e.originalName);
  return parsed !== null ? { type: 'transcript', messages: parsed.messages } : { type: 'text', text };
}

/** The estimate the part planner uses; the render afterwards is measured, so this only needs to be close. */
export function estimateBytes(asset: Asset): number {
  switch (asset.type) {
    case 'image':
      return asset.slices.reduce((s, x) => s + x.jpeg.length + PAGE_BYTES, 0);
    case 'pdf':
      return asset.bytes.length + asset.pages * PAGE_BYTES;
    case 'transcript':
      return PAGE_BYTES + asset.messages.reduce((s, m) => s + (m.text.length + m.sender.length + 24) * 1.3, 0);
    case 'text':
      return PAGE_BYTES + asset.text.length * 1.3;
    case 'listed':
      return PAGE_BYTES * 2;
    case 'page':
      return (
        (asset.pdf ? asset.pdf.bytes.length + asset.pdf.pages * PAGE_BYTES : asset.shot ? asset.shot.slices.reduce((s, x) => s + x.jpeg.length + PAGE_BYTES, 0) : asset.text.length * 1.3) +
        PAGE_BYTES * 2 +
        asset.clauses.reduce((s, c) => s + c.quote.length * 1.3, 0)
      );
    case 'video':
      // Frames count against the size limit like any image.
      return PAGE_BYTES * (2 + Math.ceil(asset.frames.length / 6)) + asset.frames.reduce((s, f) => s + f.jpeg.length + 400, 0);
  }
}

export interface PrepareOptions {
  redact: boolean;
  /** Index into ENCODE_LEVELS. */
  level: number;
  /** Prints saved web pages (the app); without it their text is laid out (the CLI). */
  printPage?: PagePrinter;
}

export async function prepareExhibit(layout: VaultLayout, e: BundleEvidence, no: number, opts: PrepareOptions, original?: Buffer): Promise<PreparedExhibit> {
  const done = (asset: Asset): PreparedExhibit => ({ no, evidence: e, asset, estimate: estimateBytes(asset) });
  if (e.mediaType === 'video') {
    await verifyOriginal(layout, e, no);
    return done(await prepareVideo(layout, e, opts.level));
  }
  if (e.mediaType === 'audio') {
    await verifyOriginal(layout, e, no);
    return done({ type: 'listed', reason: '音频文件无法嵌入 PDF，需另行提交原文件。' });
  }
  const bytes = original ?? (await readOriginal(layout, e, no));
  if (e.mediaType === 'document') return done(e.format === 'pdf' ? await pdfAsset(bytes) : { type: 'listed', reason: '该文件无法嵌入本材料，需另行提交原文件。' });
  if (e.mediaType === 'text') return done(textAsset(bytes, e));
  if (e.mediaType === 'page') {
    // The capture's screenshot goes through the same encoder (and size levels) as any tall screenshot.
    const encodeShot = async (png: Buffer) => encodeImage(png, { ...e, format: 'png', kind: 'policy' }, [], opts.level);
    const source = () => storedPageSource(layout, e.sha256, e.format === 'mhtml' ? 'mhtml' : 'html');
    return done(await preparePageAsset(bytes, e, source, { encodeShot, ...(opts.printPage ? { print: opts.printPage } : {}) }));
  }
  try {
    return done(await encodeImage(bytes, e, opts.redact ? (e.redactions ?? []) : [], opts.level));
  } catch {
    // HEIC without a decoder, or an image sharp refuses: the original is still evidence, listed by hash.
    return done({ type: 'listed', reason: `该图片（${e.format.toUpperCase()}）无法生成预览，需另行提交原文件。` });
  }
}

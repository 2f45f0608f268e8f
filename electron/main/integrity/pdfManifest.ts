// The machine-readable manifest inside every exported PDF: a JSON attachment next to the printed
// 文件清单 page, so `verify` never has to parse table text back out of the page content.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { z } from 'zod';
import type { BundleInput } from '../../../shared/bundle/types';
import { exhibitLabel } from '../../../shared/bundle/labels';

export const MANIFEST_ATTACHMENT = 'liuzheng-manifest.json';
export const MANIFEST_FORMAT = 'liuzheng-bundle-manifest';

const exhibitSchema = z.object({
  no: z.number().int().min(1),
  label: z.string().max(200),
  title: z.string().max(2000),
  originalName: z.string().max(2000),
  size: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export const pdfManifestSchema = z.object({
  app: z.literal('留证'),
  format: z.literal(MANIFEST_FORMAT),
  version: z.literal(1),
  caseTitle: z.string().max(2000),
  exportedAt: z.string().max(40),
  part: z.number().int().min(1),
  partCount: z.number().int().min(1),
  exhibits: z.array(exhibitSchema).max(100_000),
});
export type PdfManifest = z.infer<typeof pdfManifestSchema>;

export function pdfManifestOf(input: BundleInput, exportedAt: string, part: number, partCount: number): PdfManifest {
  return {
    app: '留证',
    format: MANIFEST_FORMAT,
    version: 1,
    caseTitle: input.case.title,
    exportedAt,
    part,
    partCount,
    exhibits: input.evidence.map((e, i) => ({ no: i + 1, label: exhibitLabel(i + 1), title: e.title, originalName: e.originalName, size: e.size, sha256: e.sha256 })),
  };
}

export async function attachManifest(doc: PDFDocument, manifest: PdfManifest, at: Date): Promise<void> {
  await doc.attach(new TextEncoder().encode(`${JSON.stringify(manifest, null, 2)}\n`), MANIFEST_ATTACHMENT, {
    mimeType: 'application/json',
    description: '留证 SHA-256 manifest of every exhibit (machine-readable)',
    creationDate: at,
    modificationDate: at,
  });
}

const nameOf = (obj: unknown): string | null => (obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : null);

/** The attachment's bytes, or null when the PDF has none by that name. Throws only on unparseable PDF bytes. */
async function findAttachment(bytes: Uint8Array, wanted: string): Promise<Uint8Array | null> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true });
  const names = doc.catalog.lookupMaybe(PDFName.of('Names'), PDFDict);
  const files = names?.lookupMaybe(PDFName.of('EmbeddedFiles'), PDFDict);
  const list = files?.lookupMaybe(PDFName.of('Names'), PDFArray);
  if (!list) return null;
  for (let i = 0; i + 1 < list.size(); i += 2) {
    if (nameOf(list.lookup(i)) !== wanted) continue;
    const spec = list.lookup(i + 1);
    const stream = spec instanceof PDFDict ? spec.lookupMaybe(PDFName.of('EF'), PDFDict)?.lookup(PDFName.of('F')) : undefined;
    if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  }
  return null;
}

export type ManifestRead = { ok: true; manifest: PdfManifest } | { ok: false; reason: 'not-pdf' | 'no-manifest' | 'bad-manifest' };

export async function readPdfManifest(bytes: Uint8Array): Promise<ManifestRead> {
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) return { ok: false, reason: 'not-pdf' };
  let raw: Uint8Array | null;
  try {
    raw = await findAttachment(bytes, MANIFEST_ATTACHMENT);
  } catch {
    return { ok: false, reason: 'not-pdf' };
  }
  if (raw === null) return { ok: false, reason: 'no-manifest' };
  try {
    const parsed = pdfManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: 'bad-manifest' };
  } catch {
    return { ok: false, reason: 'bad-manifest' };
  }
}

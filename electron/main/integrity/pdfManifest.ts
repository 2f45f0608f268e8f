// The machine-readable manifest inside every exported PDF: a JSON attachment next to the printed
// 文件清单 page, so `verify` never has to parse table text back out of the page content.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString } from 'pdf-lib';
import { z } from 'zod';
import type { BundleInput } from '../../../shared/bundle/types';
import { exhibitLabel } from '../../../shared/bundle/labels';

export const MANIFEST_ATTACHMENT = 'liuzheng-manifest.json';
export const MANIFEST_FORMAT = 'liuzheng-bundle-manifest';

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const pageRange = z.object({ first: z.number().int().min(1), last: z.number().int().min(1) });

const exhibitSchema = z.object({
  no: z.number().int().min(1),
  label: z.string().max(200),
  title: z.string().max(2000),
  originalName: z.string().max(2000),
  size: z.number().int().nonnegative(),
  sha256: sha,
  // Version 2: where the exhibit is and what the reader sees of it.
  /** The part (1-based) whose pages show it. */
  part: z.number().int().min(1).optional(),
  /** Its pages in that part; null when it is only listed. */
  pages: pageRange.nullable().optional(),
  /** SHA-256 of each image stream its pages show, as embedded (the redacted pixels where redacted). */
  images: z.array(sha).max(10_000).optional(),
  /** The redacted copy's SHA-256 the 文件清单 prints, or null. */
  redactedSha256: sha.nullable().optional(),
});

export const pdfManifestSchema = z.object({
  app: z.literal('留证'),
  format: z.literal(MANIFEST_FORMAT),
  version: z.union([z.literal(1), z.literal(2)]),
  caseTitle: z.string().max(2000),
  exportedAt: z.string().max(40),
  part: z.number().int().min(1),
  partCount: z.number().int().min(1),
  exhibits: z.array(exhibitSchema).max(100_000),
  // Version 2.
  /** This part's page count. */
  pageCount: z.number().int().min(1).optional(),
  parts: z.array(z.object({ file: z.string().max(1000), exhibits: z.array(z.number().int().min(1)).max(100_000) })).max(1000).optional(),
  /** Pages of this part's printed 文件清单. */
  manifestPages: pageRange.optional(),
  /** The vault certificate's SHA-256 fingerprint, as printed on the cover. */
  seal: z.object({ fingerprint: z.string().max(200) }).optional(),
  /** The audit log's head when the export began: a later log must still reach it. */
  auditHead: z.object({ seq: z.number().int().nonnegative(), hash: sha }).nullable().optional(),
});
export type PdfManifest = z.infer<typeof pdfManifestSchema>;
export type ManifestExhibit = PdfManifest['exhibits'][number];

export interface PartFacts {
  part: number;
  partCount: number;
  pageCount: number;
  parts: Array<{ file: string; exhibits: number[] }>;
  manifestPages: { first: number; last: number };
  /** Exhibit number → where it is and which images it shows (only this part's exhibits). */
  shown: Map<number, { pages: { first: number; last: number } | null; images: string[] }>;
  redacted: Map<number, string>;
  fingerprint: string;
  auditHead: { seq: number; hash: string } | null;
}

export function pdfManifestOf(input: BundleInput, exportedAt: string, f: PartFacts): PdfManifest {
  const partOf = new Map<number, number>();
  f.parts.forEach((p, i) => p.exhibits.forEach((no) => partOf.set(no, i + 1)));
  return {
    app: '留证',
    format: MANIFEST_FORMAT,
    version: 2,
    caseTitle: input.case.title,
    exportedAt,
    part: f.part,
    partCount: f.partCount,
    pageCount: f.pageCount,
    parts: f.parts,
    manifestPages: f.manifestPages,
    seal: { fingerprint: f.fingerprint },
    auditHead: f.auditHead,
    exhibits: input.evidence.map((e, i) => {
      const no = i + 1;
      const here = f.shown.get(no);
      return {
        no,
        label: exhibitLabel(no),
        title: e.title,
        originalName: e.originalName,
        size: e.size,
        sha256: e.sha256,
        part: partOf.get(no) ?? f.part,
        ...(here ? { pages: here.pages, images: here.images } : {}),
        redactedSha256: f.redacted.get(no) ?? null,
      };
    }),
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

export const loadPdf = (bytes: Uint8Array) => PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true, throwOnInvalidObject: true });

/** The attachment's bytes, or null when the PDF has none by that name. */
function findAttachment(doc: PDFDocument, wanted: string): Uint8Array | null {
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
  let doc: PDFDocument;
  try {
    doc = await loadPdf(bytes);
  } catch {
    return { ok: false, reason: 'not-pdf' };
  }
  return manifestOf(doc);
}

/** The manifest attachment of a loaded PDF. */
export function manifestOf(doc: PDFDocument): ManifestRead {
  let raw: Uint8Array | null;
  try {
    raw = findAttachment(doc, MANIFEST_ATTACHMENT);
  } catch {
    return { ok: false, reason: 'bad-manifest' };
  }
  if (raw === null) return { ok: false, reason: 'no-manifest' };
  try {
    const parsed = pdfManifestSchema.safeParse(JSON.parse(new TextDecoder().decode(raw)));
    return parsed.success ? { ok: true, manifest: parsed.data } : { ok: false, reason: 'bad-manifest' };
  } catch {
    return { ok: false, reason: 'bad-manifest' };
  }
}

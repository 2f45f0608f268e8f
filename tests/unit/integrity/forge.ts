// An adversary's toolkit for the forgery tests: edit an exported PDF with pdf-lib (the same library a
// forger would reach for), optionally strip the vault's signature and re-sign with a key of their own.
import { decodePDFRawStream, PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, PDFStream } from 'pdf-lib';
import sharp from 'sharp';
import { addSignaturePlaceholder, type ExportSeal } from '../../../electron/main/signing/pdfSign';
import { MANIFEST_ATTACHMENT, type PdfManifest } from '../../../electron/main/integrity/pdfManifest';

/** Removes the signature dictionary, its widget and the AcroForm, so the file can be signed afresh. */
function stripSignature(doc: PDFDocument): void {
  doc.catalog.delete(PDFName.of('AcroForm'));
  for (const page of doc.getPages()) {
    const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
    if (!annots) continue;
    for (let i = annots.size() - 1; i >= 0; i--) {
      const a = annots.lookup(i);
      if (a instanceof PDFDict && a.get(PDFName.of('FT')) === PDFName.of('Sig')) annots.remove(i);
    }
  }
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    const dict = obj instanceof PDFDict ? obj : null;
    if (dict && (dict.get(PDFName.of('Type')) === PDFName.of('Sig') || dict.get(PDFName.of('FT')) === PDFName.of('Sig'))) doc.context.delete(ref);
  }
}

export interface ForgeOptions {
  /** Re-sign with this seal (another vault's key); otherwise save as pdf-lib does, the old signature left dangling. */
  resign?: ExportSeal;
  at: Date;
}

export async function forgePdf(bytes: Uint8Array, mutate: (doc: PDFDocument) => void | Promise<void>, o: ForgeOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  if (o.resign) stripSignature(doc);
  await mutate(doc);
  if (!o.resign) return doc.save();
  addSignaturePlaceholder(doc, o.at);
  return o.resign.sign(await doc.save({ useObjectStreams: true }), o.at);
}

function attachmentStreamRef(doc: PDFDocument): PDFRef {
  const list = doc.catalog.lookup(PDFName.of('Names'), PDFDict).lookup(PDFName.of('EmbeddedFiles'), PDFDict).lookup(PDFName.of('Names'), PDFArray);
  for (let i = 0; i + 1 < list.size(); i += 2) {
    const spec = list.lookup(i + 1, PDFDict);
    const ref = spec.lookup(PDFName.of('EF'), PDFDict).get(PDFName.of('F'));
    if (ref instanceof PDFRef) return ref;
  }
  throw new Error(`no ${MANIFEST_ATTACHMENT}`);
}

export function readAttachment(doc: PDFDocument): PdfManifest {
  const stream = doc.context.lookup(attachmentStreamRef(doc));
  if (!(stream instanceof PDFRawStream)) throw new Error('attachment is not a stream');
  return JSON.parse(Buffer.from(decodePDFRawStream(stream).decode()).toString('utf8')) as PdfManifest;
}

/** Replaces the manifest attachment's bytes with `manifest`, uncompressed. */
export function replaceAttachment(doc: PDFDocument, manifest: PdfManifest): void {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  doc.context.assign(attachmentStreamRef(doc), doc.context.stream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/json' }));
}

/** Swaps the first image stream on `pageIndex` for another JPEG of the same size. */
export async function swapImage(doc: PDFDocument, pageIndex: number): Promise<void> {
  const res = doc.getPage(pageIndex).node.lookup(PDFName.of('Resources'), PDFDict);
  const xobjects = res.lookup(PDFName.of('XObject'), PDFDict);
  for (const [, ref] of xobjects.entries()) {
    if (!(ref instanceof PDFRef)) continue;
    const x = doc.context.lookup(ref);
    if (!(x instanceof PDFStream) || x.dict.get(PDFName.of('Subtype')) !== PDFName.of('Image')) continue;
    const width = Number(x.dict.get(PDFName.of('Width'))?.toString() ?? 100);
    const height = Number(x.dict.get(PDFName.of('Height'))?.toString() ?? 100);
    const jpeg = await sharp({ create: { width, height, channels: 3, background: '#ff0000' } }).jpeg().toBuffer();
    doc.context.assign(ref, doc.context.stream(jpeg, { Type: 'XObject', Subtype: 'Image', Width: width, Height: height, ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'DCTDecode' }));
    return;
  }
  throw new Error(`no image on page ${pageIndex + 1}`);
}

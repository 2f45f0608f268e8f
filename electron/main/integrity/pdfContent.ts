// What a reader of a PDF sees, re-derived from the file: the image streams each page shows (hashed as
// embedded, the bytes a viewer decodes) and the text each page draws. The exporter records both with
// the same functions, so the verifier compares like with like. The text reader understands what
// pdf-lib writes (hex strings shown through a font's ToUnicode map); text drawn any other way is
// simply not found, which makes a check that looks for it fail, never pass.
import { createHash } from 'node:crypto';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFRef, PDFStream, type PDFDocument, type PDFObject, type PDFPage } from 'pdf-lib';

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** Nested forms are followed this deep; a form that draws itself is followed once. */
const MAX_DEPTH = 8;

function resolve(doc: PDFDocument, obj: PDFObject | undefined): PDFObject | undefined {
  return obj instanceof PDFRef ? doc.context.lookup(obj) : obj;
}

function streamBytes(stream: PDFStream): Uint8Array {
  // The encoded bytes, as stored in the file: identical before and after a save.
  return stream.getContents();
}

function collectImages(doc: PDFDocument, resources: PDFObject | undefined, out: string[], seen: Set<PDFObject>, depth: number): void {
  const res = resolve(doc, resources);
  if (!(res instanceof PDFDict) || depth > MAX_DEPTH) return;
  const xobjects = resolve(doc, res.get(PDFName.of('XObject')));
  if (!(xobjects instanceof PDFDict)) return;
  for (const [, value] of xobjects.entries()) {
    const x = resolve(doc, value);
    if (!(x instanceof PDFStream) || seen.has(x)) continue;
    seen.add(x);
    const subtype = x.dict.get(PDFName.of('Subtype'));
    if (subtype === PDFName.of('Image')) out.push(sha256(streamBytes(x)));
    else if (subtype === PDFName.of('Form')) collectImages(doc, x.dict.get(PDFName.of('Resources')), out, seen, depth + 1);
  }
}

/** SHA-256 of every image stream page `index` (0-based) shows, forms followed, each stream once. */
export function pageImageHashes(doc: PDFDocument, page: PDFPage): string[] {
  const out: string[] = [];
  collectImages(doc, page.node.get(PDFName.of('Resources')), out, new Set(), 0);
  return out;
}

function decoded(stream: PDFObject | undefined): Uint8Array | null {
  if (stream instanceof PDFRawStream) {
    try {
      return decodePDFRawStream(stream).decode();
    } catch {
      return null;
    }
  }
  // A loaded file holds only raw streams; anything else is not read.
  return null;
}

const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** A ToUnicode CMap's bfchar entries (what pdf-lib writes), glyph id → text. */
function parseToUnicode(text: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const units = (m[2] ?? '').match(/.{4}/g) ?? [];
      map.set((m[1] ?? '').toLowerCase(), String.fromCharCode(...units.map((u) => parseInt(u, 16))));
    }
  }
  return map;
}

function fontMaps(doc: PDFDocument, page: PDFPage): Map<string, Map<string, string>> {
  const maps = new Map<string, Map<string, string>>();
  const res = resolve(doc, page.node.get(PDFName.of('Resources')));
  const fonts = res instanceof PDFDict ? resolve(doc, res.get(PDFName.of('Font'))) : undefined;
  if (!(fonts instanceof PDFDict)) return maps;
  for (const [name, value] of fonts.entries()) {
    const font = resolve(doc, value);
    const cmap = font instanceof PDFDict ? decoded(resolve(doc, font.get(PDFName.of('ToUnicode')))) : null;
    if (cmap) maps.set(name.asString(), parseToUnicode(latin1(cmap)));
  }
  return maps;
}

/** The text runs the page draws, in drawing order, one string per text-showing operator. */
export function pageText(doc: PDFDocument, page: PDFPage): string[] {
  const contents = resolve(doc, page.node.get(PDFName.of('Contents')));
  const streams = contents instanceof PDFArray ? contents.asArray().map((c) => resolve(doc, c)) : [contents];
  const source = streams
    .map((s) => decoded(s))
    .filter((b): b is Uint8Array => b !== null)
    .map(latin1)
    .join('\n');
  const maps = fontMaps(doc, page);
  const runs: string[] = [];
  let current = new Map<string, string>();
  for (const m of source.matchAll(/(\/[^\s/<>[\]()]+)\s+[-\d.]+\s+Tf|<([0-9A-Fa-f\s]*)>\s*Tj/g)) {
    if (m[1] !== undefined) {
      current = maps.get(m[1]) ?? new Map();
      continue;
    }
    const hex = (m[2] ?? '').replace(/\s+/g, '').toLowerCase();
    let run = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) run += current.get(hex.slice(i, i + 4)) ?? '\uFFFD';
    runs.push(run);
  }
  return runs;
}

/** Every lowercase 64-hex run the pages print, in order. */
export function printedHashes(runs: readonly string[]): string[] {
  return [...runs.join('\n').matchAll(/(?<![0-9a-f])[0-9a-f]{64}(?![0-9a-f])/g)].map((m) => m[0]);
}

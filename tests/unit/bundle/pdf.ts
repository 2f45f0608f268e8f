// Reading exported PDFs back the way a reviewer's tools would: poppler and qpdf from Debian, and
// pdf-lib for the structures poppler does not print (link annotations).
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { PDFDocument } from 'pdf-lib';
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef } from 'pdf-lib';

const exec = promisify(execFile);

export async function tool(cmd: string, args: string[]): Promise<{ stdout: string; stderr: string }> {
  return exec(cmd, args, { maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
}

export interface Bookmark {
  title: string;
  page: number;
  kids: Bookmark[];
}

interface QpdfOutline {
  title: string;
  destpageposfrom1: number;
  kids: QpdfOutline[];
}

/** The outline as qpdf reads it, with 1-based target pages. */
export async function bookmarks(file: string): Promise<Bookmark[]> {
  const { stdout } = await tool('qpdf', ['--json', '--json-key=outlines', file]);
  const json: { outlines: QpdfOutline[] } = JSON.parse(stdout);
  const map = (o: QpdfOutline): Bookmark => ({ title: o.title, page: o.destpageposfrom1, kids: o.kids.map(map) });
  return json.outlines.map(map);
}

export async function text(file: string, first?: number, last?: number): Promise<string> {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return (await tool('pdftotext', ['-layout', ...range, file, '-'])).stdout;
}

export interface LinkAnnot {
  rect: number[];
  /** 1-based page in this document, for internal links. */
  page: number | null;
  /** For links into another part's file: the file and its 0-based page. */
  remote: { file: string; page: number } | null;
}

/** Every /Link annotation on a page (0-based index), resolved to the page it targets. */
export function links(doc: PDFDocument, pageIndex: number): LinkAnnot[] {
  const page = doc.getPage(pageIndex);
  const annots = page.node.Annots();
  if (!annots) return [];
  const refs = doc.getPages().map((p) => p.ref);
  const out: LinkAnnot[] = [];
  for (let i = 0; i < annots.size(); i++) {
    const a = annots.lookup(i, PDFDict);
    if (a.get(PDFName.of('Subtype'))?.toString() !== '/Link') continue;
    const rect = a.lookup(PDFName.of('Rect'), PDFArray).asArray().map((n) => Number(n.toString()));
    const dest = a.lookup(PDFName.of('Dest'));
    if (dest instanceof PDFArray) {
      const target = dest.get(0);
      out.push({ rect, page: target instanceof PDFRef ? refs.findIndex((r) => r === target) + 1 : null, remote: null });
      continue;
    }
    const action = a.lookup(PDFName.of('A'), PDFDict);
    const spec = action.lookup(PDFName.of('F'), PDFDict);
    const file = spec.get(PDFName.of('UF'));
    const d = action.lookup(PDFName.of('D'), PDFArray);
    const name = file instanceof PDFHexString ? file.decodeText() : '';
    out.push({ rect, page: null, remote: { file: name, page: Number(d.get(0)?.toString()) } });
  }
  return out;
}

/** Mean grey level (0–255) of a region of a PNG, via sharp. */
export async function meanGrey(png: string, region: { left: number; top: number; width: number; height: number }): Promise<number> {
  const { default: sharp } = await import('sharp');
  // stats() describes the input image, not the extracted region, so the pixels are summed here.
  const data = await sharp(png).extract(region).greyscale().raw().toBuffer();
  return data.reduce((s, v) => s + v, 0) / Math.max(1, data.length);
}

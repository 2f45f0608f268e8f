// Bookmarks and links, which pdf-lib has no API for: the /Outlines tree and /Link annotations are
// written as plain PDF dictionaries (PDF 32000 §12.3.3 and §12.5.6.5).
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { PDFHexString, PDFName } from 'pdf-lib';

export interface OutlineItem {
  title: string;
  /** 0-based page index in this document. */
  page: number;
  children?: OutlineItem[];
}

const destination = (doc: PDFDocument, page: number) => {
  const target = doc.getPage(page);
  // XYZ with null left/zoom keeps the reader's zoom and lands on the top of the page.
  return doc.context.obj([target.ref, PDFName.of('XYZ'), null, target.getHeight(), null]);
};

/** Writes the outline and opens the document with the bookmarks panel shown. */
export function writeOutline(doc: PDFDocument, items: readonly OutlineItem[]): void {
  if (items.length === 0) return;
  const ctx = doc.context;
  const root = ctx.nextRef();

  /** Writes siblings under `parent`; returns how many items are visible beneath it (all are open). */
  const writeLevel = (level: readonly OutlineItem[], parent: PDFRef): { first: PDFRef; last: PDFRef; count: number } => {
    const refs = level.map(() => ctx.nextRef());
    let count = level.length;
    level.forEach((item, i) => {
      const ref = refs[i];
      if (!ref) return;
      const dict = ctx.obj({ Title: PDFHexString.fromText(item.title), Parent: parent, Dest: destination(doc, item.page) });
      const prev = refs[i - 1];
      const next = refs[i + 1];
      if (prev) dict.set(PDFName.of('Prev'), prev);
      if (next) dict.set(PDFName.of('Next'), next);
      if (item.children && item.children.length > 0) {
        const sub = writeLevel(item.children, ref);
        dict.set(PDFName.of('First'), sub.first);
        dict.set(PDFName.of('Last'), sub.last);
        dict.set(PDFName.of('Count'), ctx.obj(sub.count));
        count += sub.count;
      }
      ctx.assign(ref, dict);
    });
    const first = refs[0];
    const last = refs[refs.length - 1];
    if (!first || !last) throw new Error('empty outline level');
    return { first, last, count };
  };

  const top = writeLevel(items, root);
  ctx.assign(root, ctx.obj({ Type: 'Outlines', First: top.first, Last: top.last, Count: top.count }));
  doc.catalog.set(PDFName.of('Outlines'), root);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

export type LinkTarget = { page: number } | { file: string; page: number };

/** A borderless link over `rect` (x, y, w, h) to a page here, or to a page of another part's file. */
export function addLink(doc: PDFDocument, on: PDFPage, rect: readonly [number, number, number, number], target: LinkTarget): void {
  const ctx = doc.context;
  const [x, y, w, h] = rect;
  const annot = ctx.obj({ Type: 'Annot', Subtype: 'Link', Rect: [x, y, x + w, y + h], Border: [0, 0, 0] });
  if ('file' in target) {
    const spec = ctx.obj({ Type: 'Filespec', F: PDFHexString.fromText(target.file), UF: PDFHexString.fromText(target.file) });
    // Remote destinations name the page by its 0-based number (§12.3.2.2).
    annot.set(PDFName.of('A'), ctx.obj({ S: 'GoToR', F: spec, D: [target.page, PDFName.of('Fit')], NewWindow: true }));
  } else {
    annot.set(PDFName.of('Dest'), destination(doc, target.page));
  }
  on.node.addAnnot(ctx.register(annot));
}

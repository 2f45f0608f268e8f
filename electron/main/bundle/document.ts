// Renders the parts of a bundle. Every part is laid out before any is drawn, so the index of each part
// can print (and link to) the page where every exhibit starts, in its own file or another.
import type { PDFEmbeddedPage, PDFImage, PDFPage } from 'pdf-lib';
import { PDFDocument } from 'pdf-lib';
import { TARGET_LABELS, exhibitLabel } from '../../../shared/bundle/labels';
import { partSections, sectionTitle } from '../../../shared/bundle/plan';
import type { SectionKey } from '../../../shared/bundle/plan';
import type { BundleInput } from '../../../shared/bundle/types';
import { fromShanghaiLocal } from '../../../shared/time/shanghai';
import type { PreparedExhibit } from './assets';
import { exhibitPages, imageKey, pdfKey } from './exhibits';
import { frameKey } from './videoSheet';
import type { FontSubset } from './fonts';
import { declareCffFonts, embedFonts } from './fonts';
import { coverPages, letterPages } from './front';
import type { DrawContext, Location, PageJob, PartContext } from './layout';
import { A4 } from './layout';
import { addLink, writeOutline } from './outline';
import type { OutlineItem } from './outline';
import type { RedactionNote } from './tables';
import { indexPages, manifestPages, timelinePages } from './tables';
import { Typesetter } from './text';
import { attachManifest, pdfManifestOf } from '../integrity/pdfManifest';
import { pageImageHashes } from '../integrity/pdfContent';
import { addSignaturePlaceholder } from '../signing/pdfSign';

export interface RenderInput {
  input: BundleInput;
  /** 事实与理由 as printed (the buyer's, or the drafted one). */
  statement: string;
  exportedAt: string;
  /** Every exhibit, in order; exhibit N is prepared[N-1]. */
  prepared: PreparedExhibit[];
  fonts: FontSubset;
  /** The vault certificate's fingerprint, printed on the cover; each part is signed by its key afterwards. */
  fingerprint: string;
  /** The audit log's head when the export began. */
  auditHead: { seq: number; hash: string } | null;
}

export interface RenderedPart {
  bytes: Uint8Array;
  pages: number;
  /** Exhibit number → 1-based page where it starts. */
  starts: Map<number, number>;
}

export interface RenderResult {
  parts: RenderedPart[];
  /** Characters drawn that the font subset lacked (drawn as □); the caller subsets again if they were not asked for. */
  missing: Set<string>;
}

function sectionJobs(pc: PartContext, r: RenderInput, key: SectionKey, parts: number[][], redacted: ReadonlyMap<number, RedactionNote>): PageJob[] {
  switch (key) {
    case 'cover':
      return coverPages(pc, parts);
    case 'letter':
      return letterPages(pc, r.statement);
    case 'index':
      return indexPages(pc);
    case 'timeline':
      return timelinePages(pc);
    case 'exhibits':
      return pc.exhibits.flatMap((i) => {
        const x = r.prepared[i];
        return x ? exhibitPages(pc, x) : [];
      });
    case 'manifest':
      return manifestPages(pc, redacted);
  }
}

function outlineOf(jobs: readonly PageJob[], r: RenderInput): OutlineItem[] {
  const items: OutlineItem[] = [];
  let exhibits: OutlineItem[] | null = null;
  for (const [page, job] of jobs.entries()) {
    if (jobs[page - 1]?.section !== job.section) {
      const item: OutlineItem = { title: sectionTitle(job.section, r.input.target), page };
      if (job.section === 'exhibits') {
        exhibits = [];
        item.children = exhibits;
      }
      items.push(item);
    }
    if (job.exhibitStart !== undefined && exhibits !== null) {
      const e = r.input.evidence[job.exhibitStart - 1];
      exhibits.push({ title: `${exhibitLabel(job.exhibitStart)} ${e?.title ?? ''}`.trim(), page });
    }
  }
  return items;
}

async function embedAssets(doc: PDFDocument, r: RenderInput, exhibits: readonly number[]) {
  const images = new Map<string, PDFImage>();
  const embedded = new Map<string, PDFEmbeddedPage>();
  for (const i of exhibits) {
    const x = r.prepared[i];
    if (!x) continue;
    const a = x.asset;
    if (a.type === 'image') {
      for (const [k, s] of a.slices.entries()) images.set(imageKey(x.no, k), await doc.embedJpg(s.jpeg));
    } else if (a.type === 'video') {
      for (const f of a.frames) images.set(frameKey(x.no, f.no), await doc.embedJpg(f.jpeg));
    } else if (a.type === 'pdf') {
      const wanted = Array.from({ length: a.pages }, (_, k) => k).filter((k) => !a.unembeddable.includes(k));
      const pages = wanted.length === 0 ? [] : await doc.embedPdf(a.bytes, wanted);
      pages.forEach((p, i) => embedded.set(pdfKey(x.no, wanted[i] ?? -1), p));
    } else if (a.type === 'page' && a.shot) {
      for (const [k, s] of a.shot.slices.entries()) images.set(imageKey(x.no, k), await doc.embedJpg(s.jpeg));
    } else if (a.type === 'page' && a.pdf) {
      const pages = await doc.embedPdf(a.pdf.bytes, Array.from({ length: a.pdf.pages }, (_, k) => k));
      pages.forEach((p, k) => embedded.set(pdfKey(x.no, k), p));
    }
  }
  return { images, embedded };
}

function setMetadata(doc: PDFDocument, r: RenderInput, part: number, count: number): void {
  const c = r.input.case;
  doc.setTitle(`${c.title} · 证据材料${count > 1 ? `（第 ${part} 部分 / 共 ${count} 部分）` : ''}`, { showInWindowTitleBar: true });
  doc.setAuthor('留证');
  doc.setCreator('留证');
  doc.setProducer('留证 (pdf-lib)');
  doc.setSubject(TARGET_LABELS[r.input.target]);
  doc.setKeywords([c.orderNumber, '证据目录', '留证'].filter((k) => k !== ''));
  doc.setLanguage('zh-CN');
  const at = new Date(fromShanghaiLocal(r.exportedAt) ?? Date.now());
  doc.setCreationDate(at);
  doc.setModificationDate(at);
}

/** 1-based first and last page of the jobs that match, or null. */
function rangeOf(jobs: readonly PageJob[], match: (job: PageJob) => boolean): { first: number; last: number } | null {
  const pages = jobs.flatMap((job, i) => (match(job) ? [i + 1] : []));
  const first = pages[0];
  const last = pages[pages.length - 1];
  return first === undefined || last === undefined ? null : { first, last };
}

/** Each exhibit of this part: its pages and the image streams they show, hashed as embedded. */
function shownExhibits(doc: PDFDocument, pages: readonly PDFPage[], jobs: readonly PageJob[], exhibits: readonly number[]) {
  const shown = new Map<number, { pages: { first: number; last: number } | null; images: string[] }>();
  for (const i of exhibits) {
    const range = rangeOf(jobs, (j) => j.exhibit === i + 1);
    const images: string[] = [];
    if (range) for (let k = range.first; k <= range.last; k++) images.push(...pageImageHashes(doc, pages[k - 1] ?? doc.getPage(k - 1)));
    shown.set(i + 1, { pages: range, images });
  }
  return shown;
}

/** `parts` holds 0-based exhibit indices per part; `fileNames` the base names of the part files. */
export async function renderParts(r: RenderInput, parts: number[][], fileNames: string[], redacted: ReadonlyMap<number, RedactionNote>): Promise<RenderResult> {
  const docs = await Promise.all(
    parts.map(async () => {
      const doc = await PDFDocument.create({ updateMetadata: false });
      const fonts = await embedFonts(doc, r.fonts);
      return { doc, fonts, ts: new Typesetter(fonts) };
    }),
  );
  const layouts = parts.map((exhibits, i) => {
    const d = docs[i];
    if (!d) throw new Error('part without a document');
    const pc: PartContext = { input: r.input, ts: d.ts, part: i + 1, partCount: parts.length, exhibits, fileNames, exportedAt: r.exportedAt, fingerprint: r.fingerprint };
    return partSections(i + 1).flatMap((key) => sectionJobs(pc, r, key, parts, redacted));
  });
  const where = new Map<number, Location>();
  layouts.forEach((jobs, p) => jobs.forEach((job, page) => job.exhibitStart !== undefined && where.set(job.exhibitStart, { part: p + 1, page: page + 1 })));

  const out: RenderedPart[] = [];
  const missing = new Set<string>();
  for (const [p, jobs] of layouts.entries()) {
    const d = docs[p];
    if (!d) continue;
    const { doc, ts } = d;
    const assets = await embedAssets(doc, r, parts[p] ?? []);
    const pages = jobs.map(() => doc.addPage([A4.width, A4.height]));
    jobs.forEach((job, i) => {
      const page = pages[i];
      if (!page) return;
      const ctx: DrawContext = {
        ts,
        page,
        pageNo: i + 1,
        pageCount: pages.length,
        part: p + 1,
        locate: (no) => where.get(no),
        link: (rect, no) => {
          const at = where.get(no);
          if (!at) return;
          addLink(doc, page, rect, at.part === p + 1 ? { page: at.page - 1 } : { file: fileNames[at.part - 1] ?? '', page: at.page - 1 });
        },
        image: (key) => {
          const img = assets.images.get(key);
          if (!img) throw new Error(`image ${key} was not embedded`);
          return img;
        },
        embedded: (key) => {
          const page = assets.embedded.get(key);
          if (!page) throw new Error(`page ${key} was not embedded`);
          return page;
        },
      };
      job.draw(ctx);
    });
    writeOutline(doc, outlineOf(jobs, r));
    setMetadata(doc, r, p + 1, parts.length);
    // Images and embedded pages become streams here, so the manifest can hash them as embedded.
    await doc.flush();
    const at = new Date(fromShanghaiLocal(r.exportedAt) ?? Date.now());
    const facts = {
      part: p + 1,
      partCount: parts.length,
      pageCount: pages.length,
      parts: parts.map((ex, k) => ({ file: fileNames[k] ?? '', exhibits: ex.map((x) => x + 1) })),
      manifestPages: rangeOf(jobs, (j) => j.section === 'manifest') ?? { first: pages.length, last: pages.length },
      shown: shownExhibits(doc, pages, jobs, parts[p] ?? []),
      redacted: new Map([...redacted].map(([no, note]) => [no, note.sha256])),
      fingerprint: r.fingerprint,
      auditHead: r.auditHead,
    };
    await attachManifest(doc, pdfManifestOf(r.input, r.exportedAt, facts), at);
    addSignaturePlaceholder(doc, at);
    await doc.flush();
    declareCffFonts(doc, [d.fonts.regular, d.fonts.bold], String(r.fonts.requested.size));
    for (const c of ts.missing) missing.add(c);
    const starts = new Map([...where].filter(([, at]) => at.part === p + 1).map(([no, at]) => [no, at.page]));
    out.push({ bytes: await doc.save({ useObjectStreams: true }), pages: pages.length, starts });
  }
  return { parts: out, missing };
}

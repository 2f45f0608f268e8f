// A saved web page as an exhibit: where and when the file says it was saved, the refund clauses
// quoted from it, then the page itself. In the app the page is printed to PDF by Chromium (scripts
// off, network blocked) and embedded like a PDF exhibit; the CLI has no browser, so it lays out the
// page's visible text instead. Either way the header and the clauses are the same. A 抓取网页 item
// shows the full-page screenshot taken at capture time instead, in the app and the CLI alike.
import { PDFDocument } from 'pdf-lib';
import { localText } from '../../../shared/bundle/labels';
import type { BundleEvidence } from '../../../shared/bundle/types';
import { findRefundClauses, CLAUSE_TOPIC_LABELS, type RefundClause } from '../../../shared/webpage/refund';
import { readSavedPage } from '../../../shared/webpage/read';
import type { PageProvenance } from '../../../shared/webpage/provenance';
import type { PageSource } from '../webpage/render';
import { PAGE_READ_BYTES, isPageFormat } from '../vault/page';
import type { ImageSlice } from './assets';
import { readCaptureFacts } from './captureExhibit';

/** Prints a stored page to PDF; absent in the CLI. */
export type PagePrinter = (source: PageSource) => Promise<Uint8Array>;

/** Re-encodes a full-page PNG the way screenshots are (cut into page-sized slices). */
export type ShotEncoder = (png: Buffer) => Promise<{ slices: ImageSlice[]; width: number; height: number }>;

export interface PageShot {
  slices: ImageSlice[];
  width: number;
  height: number;
  sha256: string;
}

export interface PageAsset {
  type: 'page';
  provenance: PageProvenance | null;
  clauses: RefundClause[];
  /** The visible text, laid out when there is no print (or the print failed). */
  text: string;
  pdf: { bytes: Uint8Array; pages: number } | null;
  /** A 抓取网页 item's full-page screenshot, checked against its manifest; shown instead of a print. */
  shot: PageShot | null;
  /** Why there is no print, or that the text was cut; shown on the exhibit. */
  note: string | null;
  /** For a 抓取网页 item: the capture manifest's facts, as header rows. */
  capture: Array<[string, string]> | null;
}

/** Labels this module prints, for the font subset. */
export const PAGE_LABELS = ['网址', '网页标题', '保存时间', '文件未记录', '退款相关条款', '网页文字', '网页打印件', '由证据库中的原件在断网、禁用脚本的环境中打印', '整页截图', '抓取时保存的', '分段', ...Object.values(CLAUSE_TOPIC_LABELS)].join('');

export async function preparePageAsset(bytes: Buffer, e: BundleEvidence, source: () => Promise<PageSource>, how: { print?: PagePrinter; encodeShot: ShotEncoder }): Promise<PageAsset> {
  const format = isPageFormat(e.format) ? e.format : 'html';
  let text = '';
  let provenance: PageProvenance | null = e.page ?? null;
  const notes: string[] = [];
  try {
    const page = readSavedPage(bytes.subarray(0, PAGE_READ_BYTES), format, { complete: bytes.length <= PAGE_READ_BYTES });
    text = page.text;
    provenance ??= page.provenance;
    if (page.truncated) notes.push('网页过长，文字只列出前一部分；原件已完整保存。');
  } catch (err) {
    notes.push(`网页文字无法读取（${err instanceof Error ? err.message : String(err)}），需另行提交原文件。`);
  }
  const clauses = findRefundClauses(text);
  const src = await source().catch(() => null);
  const facts = src ? await readCaptureFacts(src).catch(() => null) : null;
  const base = { type: 'page' as const, provenance, clauses, text, capture: facts?.rows ?? null };
  const note = (...more: string[]) => (notes.length + more.length > 0 ? [...notes, ...more].join('') : null);
  if (facts?.screenshot) {
    try {
      const enc = await how.encodeShot(facts.screenshot.bytes);
      return { ...base, pdf: null, shot: { ...enc, sha256: facts.screenshot.sha256 }, note: note(...facts.notes) };
    } catch (err) {
      facts.notes.push(`抓取时的整页截图无法解码（${err instanceof Error ? err.message : String(err)}），以下为保存的网页。`);
    }
  }
  const captureNotes = facts?.notes ?? [];
  if (!how.print) return { ...base, pdf: null, shot: null, note: note(...captureNotes, '本材料由命令行生成，未渲染网页，以下为网页的文字内容。') };
  try {
    if (!src) throw new Error('the stored page cannot be read');
    const pdfBytes = await how.print(src);
    const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
    return { ...base, pdf: { bytes: pdfBytes, pages: doc.getPageCount() }, shot: null, note: note(...captureNotes) };
  } catch (err) {
    return { ...base, pdf: null, shot: null, note: note(...captureNotes, `网页无法渲染（${err instanceof Error ? err.message : String(err)}），以下为网页的文字内容。`) };
  }
}

export function pageMetaRows(a: PageAsset): Array<[string, string]> {
  const p = a.provenance;
  const rows: Array<[string, string]> = [];
  if (p?.title) rows.push(['网页标题', p.title]);
  rows.push(['网址', p?.url ?? '文件未记录']);
  rows.push(['保存时间', p?.savedAt ? `${localText(p.savedAt, true)}（网页文件记录${p.savedAtRaw ? `：${p.savedAtRaw}` : ''}）` : '文件未记录']);
  if (a.capture) rows.push(...a.capture);
  if (a.pdf) rows.push(['网页打印件', `由证据库中的原件在断网、禁用脚本的环境中打印，共 ${a.pdf.pages} 页`]);
  if (a.shot) rows.push(['整页截图', `抓取时保存的 screenshot.png（SHA-256 ${a.shot.sha256}，与抓取清单一致），嵌入 ${a.shot.width}×${a.shot.height}${a.shot.slices.length > 1 ? `，分 ${a.shot.slices.length} 段` : ''}`]);
  return rows;
}

export interface FlowLine {
  text: string;
  size: number;
  indent: number;
  grey?: boolean;
  bold?: boolean;
  gap?: number;
}

/** The clauses (always), then the note and the page text when there is no print. */
export function pageLines(a: PageAsset, wrap: (text: string, size: number, indent: number) => string[]): FlowLine[] {
  const out: FlowLine[] = [];
  out.push({ text: '退款相关条款', size: 10.5, indent: 0, bold: true, gap: 4 });
  if (a.clauses.length === 0) out.push({ text: '未找到退款相关条款。', size: 9.5, indent: 0, grey: true });
  a.clauses.forEach((c, i) => {
    const tags = c.topics.map((t) => CLAUSE_TOPIC_LABELS[t]).join('、');
    wrap(`${i + 1}. “${c.quote}”`, 9.5, 10).forEach((line, k) => out.push({ text: line, size: 9.5, indent: k === 0 ? 0 : 10, gap: k === 0 ? 3 : 0 }));
    out.push({ text: `〔${tags}；第 ${c.line} 行〕`, size: 8, indent: 10, grey: true });
  });
  if (a.note) wrap(a.note, 9, 0).forEach((line, k) => out.push({ text: line, size: 9, indent: 0, grey: true, gap: k === 0 ? 10 : 0 }));
  if (a.pdf === null && a.shot === null && a.text !== '') {
    out.push({ text: '网页文字', size: 10.5, indent: 0, bold: true, gap: 10 });
    for (const para of a.text.split('\n')) for (const line of wrap(para, 9.5, 0)) out.push({ text: line, size: 9.5, indent: 0 });
  }
  return out;
}

// A saved web page as an exhibit: where and when the file says it was saved, the refund clauses
// quoted from it, then the page itself. In the app the page is printed to PDF by Chromium (scripts
// off, network blocked) and embedded like a PDF exhibit; the CLI has no browser, so it lays out the
// page's visible text instead. Either way the header and the clauses are the same.
import { PDFDocument } from 'pdf-lib';
import { localText } from '../../../shared/bundle/labels';
import type { BundleEvidence } from '../../../shared/bundle/types';
import { findRefundClauses, CLAUSE_TOPIC_LABELS, type RefundClause } from '../../../shared/webpage/refund';
import { readSavedPage } from '../../../shared/webpage/read';
import type { PageProvenance } from '../../../shared/webpage/provenance';
import type { PageSource } from '../webpage/render';
import { PAGE_READ_BYTES, isPageFormat } from '../vault/page';

/** Prints a stored page to PDF; absent in the CLI. */
export type PagePrinter = (source: PageSource) => Promise<Uint8Array>;

export interface PageAsset {
  type: 'page';
  provenance: PageProvenance | null;
  clauses: RefundClause[];
  /** The visible text, laid out when there is no print (or the print failed). */
  text: string;
  pdf: { bytes: Uint8Array; pages: number } | null;
  /** Why there is no print, or that the text was cut; shown on the exhibit. */
  note: string | null;
}

/** Labels this module prints, for the font subset. */
export const PAGE_LABELS = ['网址', '网页标题', '保存时间', '文件未记录', '退款相关条款', '网页文字', '网页打印件', '由证据库中的原件在断网、禁用脚本的环境中打印', ...Object.values(CLAUSE_TOPIC_LABELS)].join('');

export async function preparePageAsset(bytes: Buffer, e: BundleEvidence, source: () => Promise<PageSource>, print?: PagePrinter): Promise<PageAsset> {
  const format = isPageFormat(e.format) ? e.format : 'html';
  let text = '';
  let provenance: PageProvenance | null = e.page ?? null;
  let note: string | null = null;
  try {
    const page = readSavedPage(bytes.subarray(0, PAGE_READ_BYTES), format, { complete: bytes.length <= PAGE_READ_BYTES });
    text = page.text;
    provenance ??= page.provenance;
    if (page.truncated) note = '网页过长，文字只列出前一部分；原件已完整保存。';
  } catch (err) {
    note = `网页文字无法读取（${err instanceof Error ? err.message : String(err)}），需另行提交原文件。`;
  }
  const clauses = findRefundClauses(text);
  if (!print) return { type: 'page', provenance, clauses, text, pdf: null, note: note ?? '本材料由命令行生成，未渲染网页，以下为网页的文字内容。' };
  try {
    const pdfBytes = await print(await source());
    const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
    return { type: 'page', provenance, clauses, text, pdf: { bytes: pdfBytes, pages: doc.getPageCount() }, note };
  } catch (err) {
    return { type: 'page', provenance, clauses, text, pdf: null, note: `网页无法渲染（${err instanceof Error ? err.message : String(err)}），以下为网页的文字内容。` };
  }
}

export function pageMetaRows(a: PageAsset): Array<[string, string]> {
  const p = a.provenance;
  const rows: Array<[string, string]> = [];
  if (p?.title) rows.push(['网页标题', p.title]);
  rows.push(['网址', p?.url ?? '文件未记录']);
  rows.push(['保存时间', p?.savedAt ? `${localText(p.savedAt, true)}（网页文件记录${p.savedAtRaw ? `：${p.savedAtRaw}` : ''}）` : '文件未记录']);
  if (a.pdf) rows.push(['网页打印件', `由证据库中的原件在断网、禁用脚本的环境中打印，共 ${a.pdf.pages} 页`]);
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
  if (a.pdf === null && a.text !== '') {
    out.push({ text: '网页文字', size: 10.5, indent: 0, bold: true, gap: 10 });
    for (const para of a.text.split('\n')) for (const line of wrap(para, 9.5, 0)) out.push({ text: line, size: 9.5, indent: 0 });
  }
  return out;
}

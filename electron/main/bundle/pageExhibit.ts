// A saved web page as an exhibit: where and when the file says it was saved, the refund clauses
// quoted from it, then the page itself. In the app the page is printed to PDF by Chromium (scripts
// off, network blocked) and embedded like a PDF exhibit; the CLI has no browser, so it lays out the
// page's visible text instead. Either way the header and the clauses are the same.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
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
  /** For a 抓取网页 item: the capture manifest's facts, as header rows. */
  capture: Array<[string, string]> | null;
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
  const capture = await captureRows(source).catch(() => null);
  if (!print) return { type: 'page', provenance, clauses, text, pdf: null, capture, note: note ?? '本材料由命令行生成，未渲染网页，以下为网页的文字内容。' };
  try {
    const pdfBytes = await print(await source());
    const doc = await PDFDocument.load(pdfBytes, { updateMetadata: false });
    return { type: 'page', provenance, clauses, text, pdf: { bytes: pdfBytes, pages: doc.getPageCount() }, capture, note };
  } catch (err) {
    return { type: 'page', provenance, clauses, text, pdf: null, capture, note: `网页无法渲染（${err instanceof Error ? err.message : String(err)}），以下为网页的文字内容。` };
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

const MAX_MANIFEST_BYTES = 1024 * 1024;
const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const field = (v: unknown, key: string): unknown => (v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined);

/** The facts a 抓取网页 manifest records, for the exhibit header; null for a page the buyer saved. */
async function captureRows(source: () => Promise<PageSource>): Promise<Array<[string, string]> | null> {
  const src = await source();
  if (src.resourceFolder !== 'capture') return null;
  const file = src.resources?.find((r) => r.name === 'capture-manifest.json')?.file;
  if (!file) return null;
  const bytes = await readFile(file);
  if (bytes.length > MAX_MANIFEST_BYTES) return null;
  const m: unknown = JSON.parse(bytes.toString('utf8'));
  if (field(m, 'format') !== 'liuzheng-web-capture') return null;
  const redirects = field(m, 'redirects');
  const hops = Array.isArray(redirects) ? redirects.length : 0;
  const response = field(m, 'response');
  const server = field(m, 'server');
  const tls = field(m, 'tls');
  const start = field(m, 'start');
  const end = field(m, 'end');
  const rows: Array<[string, string]> = [
    ['请求网址', text(field(m, 'requestedUrl'))],
    ['最终网址', `${text(field(m, 'finalUrl'))}${hops > 0 ? `（经 ${hops} 次跳转）` : ''}`],
    ['HTTP 状态', `${text(field(response, 'status'))} ${text(field(response, 'statusText'))}`.trim()],
    ['服务器 IP', `${text(field(server, 'ip')) || '未记录'}${field(server, 'port') ? `:${text(field(server, 'port'))}` : ''}`],
  ];
  if (tls) {
    const trusted = text(field(tls, 'securityState')) === 'secure' ? '' : '；浏览器未信任该证书';
    rows.push(['HTTPS 证书', `主体 ${text(field(tls, 'subject'))}，签发者 ${text(field(tls, 'issuer'))}，有效期 ${text(field(tls, 'validFrom'))} 至 ${text(field(tls, 'validTo'))}，SHA-256 ${text(field(tls, 'sha256')) || '未读取'}${trusted}`]);
  } else rows.push(['HTTPS 证书', '无（http 连接）']);
  rows.push(['抓取时间', `${localText(text(field(start, 'shanghai')), true)} 至 ${localText(text(field(end, 'shanghai')), true)}（UTC ${text(field(start, 'utc'))}）`]);
  rows.push(['抓取清单', `capture-manifest.json，SHA-256 ${createHash('sha256').update(bytes).digest('hex')}`]);
  return rows;
}

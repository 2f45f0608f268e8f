// Exhibit pages. Each is stamped 证据N and opens with its caption: title, kind and source, capture time
// and where that time came from, import time, extracted fields, and the SHA-256 of the original on one
// line. Then the content: the image fitted to the page (tall screenshots continue on further pages),
// a PDF's own pages, a chat transcript, or, for video and audio, a notice to submit the file itself.
import type { PDFPage } from 'pdf-lib';
import { FIELD_LABELS, KIND_LABELS, durationText, exhibitLabel, localText, sizeText } from '../../../shared/bundle/labels';
import { BASIS_LABELS, afterExport, captureTimeText, timeText } from '../../../shared/bundle/times';
import { evidencePurpose, evidenceSource } from '../../../shared/bundle/plan';
import type { BundleEvidence } from '../../../shared/bundle/types';
import type { PreparedExhibit } from './assets';
import type { DrawContext, PageJob, PartContext } from './layout';
import { A4, BOTTOM, CONTENT_WIDTH, MARGIN, TOP, drawChrome } from './layout';
import { GREY, RULE, SHADE, STAMP } from './text';
import { pageLines, pageMetaRows } from './pageExhibit';
import { videoBodies } from './videoSheet';
import type { Typesetter } from './text';

const META = 8.5;
const META_LINE = 12.5;
const LABEL = 62;

export const imageKey = (no: number, slice: number) => `e${no}s${slice}`;
export const pdfKey = (no: number, page: number) => `e${no}p${page}`;

/** A screenshot full of times would bury the caption; the rest are in the original. */
const MAX_FIELDS = 10;

/** A time after the export is a wrong reading or a wrong clock: it is left out of the caption. */
function fieldsText(e: BundleEvidence, exportedAt: string): string {
  const fields = e.fields.filter((f) => f.type !== 'timestamp' || !afterExport(f.value, exportedAt));
  const shown = fields.slice(0, MAX_FIELDS).map((f) => {
    if (f.type !== 'timestamp') return `${f.label ?? FIELD_LABELS[f.type]} ${f.value}`;
    const basis = f.basis ?? 'shown';
    return `${f.label ?? FIELD_LABELS[f.type]} ${timeText(f.value, basis)}${basis === 'inferred' ? `（${BASIS_LABELS.inferred}）` : ''}`;
  });
  const more = fields.length - shown.length;
  return `${shown.join('；')}${more > 0 ? `；等另 ${more} 项` : ''}`;
}

function metaRows(x: PreparedExhibit, exportedAt: string): Array<[string, string]> {
  const e = x.evidence;
  const dims = e.width !== null && e.height !== null ? `，${e.width}×${e.height}` : '';
  const rows: Array<[string, string]> = [
    ['类型', KIND_LABELS[e.kind]],
    ['来源', evidenceSource(e)],
    ['原件', `${e.originalName}（${e.format.toUpperCase()}${dims}，${sizeText(e.size)}）`],
    ['拍摄时间', captureTimeText(e, exportedAt)],
    ['导入时间', localText(e.importedAt, true)],
  ];
  const decoded = x.asset.type === 'video' && e.durationSec === null ? x.asset.decodedSec : null;
  // A duration the container does not state is the one measured by decoding, and says so.
  if (e.mediaType === 'video' || e.mediaType === 'audio') rows.push(['时长', decoded !== null ? `${durationText(decoded)}（按解码画面测得）` : durationText(e.durationSec)]);
  if (x.asset.type === 'page') rows.push(...pageMetaRows(x.asset));
  if (x.asset.type === 'video' && x.asset.start) rows.push(['录制开始', `${localText(x.asset.start.at.slice(0, 19), true)}（依据：${x.asset.start.source === 'filename' ? '录屏文件名' : '视频元数据 creation_time'}）`]);
  rows.push(['证明目的', evidencePurpose(e)]);
  const fields = fieldsText(e, exportedAt);
  if (fields !== '') rows.push(['提取信息', fields]);
  const a = x.asset;
  if (a.type === 'image') {
    const reduced = a.level > 0 ? '，为符合文件大小限制已降低清晰度' : '';
    rows.push(['嵌入图像', `由原件重新编码（JPEG，${a.width}×${a.height}${a.slices.length > 1 ? `，分 ${a.slices.length} 段` : ''}${reduced}）${a.redacted ? '，已遮挡敏感信息' : ''}`]);
  }
  return rows;
}

/** The 证据N stamp; returns its width. */
function stamp(ts: Typesetter, page: PDFPage, no: number, y: number): number {
  const label = exhibitLabel(no);
  const w = ts.width(label, 15, 'bold') + 16;
  page.drawRectangle({ x: MARGIN.left, y: y - 7, width: w, height: 26, borderColor: STAMP, borderWidth: 1.4 });
  ts.draw(page, label, MARGIN.left + 8, y, 15, { weight: 'bold', color: STAMP });
  return w;
}

interface Header {
  height: number;
  draw(ctx: DrawContext): void;
}

function fullHeader(ts: Typesetter, x: PreparedExhibit, exportedAt: string): Header {
  const e = x.evidence;
  const titleX = MARGIN.left + ts.width(exhibitLabel(x.no), 15, 'bold') + 28;
  const title = ts.wrap(e.title, 13.5, A4.width - MARGIN.right - titleX, 'bold').slice(0, 2);
  // Four lines per row at most, so the image always keeps most of the page.
  const rows = metaRows(x, exportedAt).map(([label, value]) => [label, ts.wrapClipped(value, META, CONTENT_WIDTH - LABEL, 4)] as const);
  const hashes: Array<[string, string]> = [['SHA-256', e.sha256]];
  if (x.asset.type === 'image' && x.asset.redacted) hashes.push(['遮挡副本', x.asset.redacted.sha256]);
  const titleHeight = Math.max(38, title.length * 18 + 14);
  const height = titleHeight + rows.reduce((s, [, v]) => s + v.length * META_LINE, 0) + hashes.length * (META_LINE + 2) + 14;
  return {
    height,
    draw(ctx) {
      const { page } = ctx;
      let y = TOP - 18;
      stamp(ts, page, x.no, y);
      title.forEach((line, i) => ts.draw(page, line, titleX, y + 1 - i * 18, 13.5, { weight: 'bold' }));
      y = TOP - titleHeight - 6;
      for (const [label, lines] of rows) {
        lines.forEach((line, i) => {
          if (i === 0) ts.draw(page, label, MARGIN.left, y, META, { color: GREY });
          ts.draw(page, line, MARGIN.left + LABEL, y, META);
          y -= META_LINE;
        });
      }
      for (const [label, hash] of hashes) {
        page.drawRectangle({ x: MARGIN.left + LABEL - 3, y: y - 3.5, width: CONTENT_WIDTH - LABEL + 3, height: META_LINE, color: SHADE });
        ts.draw(page, label, MARGIN.left, y, META, { color: GREY, weight: 'bold' });
        // One line whatever happens, so it can be copied whole from the PDF.
        ts.draw(page, hash, MARGIN.left + LABEL, y, ts.fitSize(hash, META + 0.5, CONTENT_WIDTH - LABEL - 4, 5));
        y -= META_LINE + 2;
      }
      page.drawLine({ start: { x: MARGIN.left, y: y + 2 }, end: { x: A4.width - MARGIN.right, y: y + 2 }, thickness: 0.6, color: RULE });
    },
  };
}

function shortHeader(ts: Typesetter, x: PreparedExhibit, k: number, n: number): Header {
  return {
    height: 40,
    draw(ctx) {
      const y = TOP - 18;
      const w = stamp(ts, ctx.page, x.no, y);
      const label = `（续 ${k}/${n}）`;
      ts.draw(ctx.page, label, MARGIN.left + w + 10, y + 1, 11, { color: GREY });
      const left = MARGIN.left + w + 16 + ts.width(label, 11);
      ts.draw(ctx.page, ts.ellipsis(x.evidence.title, 11, A4.width - MARGIN.right - left, 'bold'), left, y + 1, 11, { weight: 'bold' });
      ctx.page.drawLine({ start: { x: MARGIN.left, y: TOP - 34 }, end: { x: A4.width - MARGIN.right, y: TOP - 34 }, thickness: 0.6, color: RULE });
    },
  };
}

/** Fits a w×h box into the area under the header, centred, with a thin frame. */
function fitBox(headerHeight: number, w: number, h: number): { x: number; y: number; width: number; height: number } {
  const boxTop = TOP - headerHeight - 6;
  const boxHeight = boxTop - BOTTOM - 4;
  const scale = Math.min(CONTENT_WIDTH / w, boxHeight / h);
  const width = w * scale;
  const height = h * scale;
  return { x: MARGIN.left + (CONTENT_WIDTH - width) / 2, y: boxTop - height, width, height };
}

type Body = (ctx: DrawContext, top: number) => void;

/** Pages of flowing text (transcripts, plain text) under a full header, then under short ones. */
function flow(ts: Typesetter, lines: Array<{ text: string; size: number; indent: number; grey?: boolean; bold?: boolean; gap?: number }>, firstHeader: number): Body[] {
  const pages: Body[] = [];
  let chunk: typeof lines = [];
  let room = TOP - firstHeader - BOTTOM - 10;
  const flush = () => {
    const mine = chunk;
    pages.push((ctx, top) => {
      let y = top - 6;
      for (const l of mine) {
        y -= (l.gap ?? 0) + l.size * 1.55;
        ts.draw(ctx.page, l.text, MARGIN.left + l.indent, y, l.size, { color: l.grey ? GREY : undefined, weight: l.bold ? 'bold' : 'regular' });
      }
    });
    chunk = [];
    room = TOP - 40 - BOTTOM - 10;
  };
  const height = (l: (typeof lines)[number]) => (l.gap ?? 0) + l.size * 1.55;
  for (const [i, l] of lines.entries()) {
    const h = height(l);
    // A message's sender line stays with the first line of its text.
    const next = l.bold ? lines[i + 1] : undefined;
    const need = h + (next ? height(next) : 0);
    if (need > room && chunk.length > 0) flush();
    chunk.push(l);
    room -= h;
  }
  flush();
  return pages;
}

function transcriptLines(ts: Typesetter, x: PreparedExhibit, exportedAt: string) {
  const a = x.asset;
  const out: Array<{ text: string; size: number; indent: number; grey?: boolean; bold?: boolean; gap?: number }> = [];
  if (a.type === 'transcript') {
    out.push({ text: `聊天记录共 ${a.messages.length} 条消息，按原始顺序完整列出。`, size: 8.5, indent: 0, grey: true });
    for (const m of a.messages) {
      // A message time after the export is a wrong clock on the exporting device: not printed.
      const at = m.at === null ? '（无时间）' : afterExport(m.at, exportedAt) ? '（时间晚于导出时间，不予列出）' : localText(m.at, true);
      const who = `${at}  ${m.sender}${m.fromSelf ? '（本人）' : ''}`;
      out.push({ text: who, size: 8.5, indent: 0, grey: true, bold: true, gap: 5 });
      for (const line of ts.wrap(m.text, 10, CONTENT_WIDTH - 14)) out.push({ text: line, size: 10, indent: 14 });
    }
  } else if (a.type === 'text') {
    for (const line of ts.wrap(a.text, 9.5, CONTENT_WIDTH)) out.push({ text: line, size: 9.5, indent: 0 });
  }
  return out;
}

export function exhibitPages(pc: PartContext, x: PreparedExhibit): PageJob[] {
  const { ts, input } = pc;
  const head = fullHeader(ts, x, pc.exportedAt);
  const a = x.asset;
  const bodies: Body[] = [];
  if (a.type === 'image') {
    a.slices.forEach((s, i) => bodies.push((ctx) => drawFitted(ctx, imageKey(x.no, i), i === 0 ? head.height : 40, s.width, s.height)));
  } else if (a.type === 'pdf') {
    for (let i = 0; i < a.pages; i++) {
      const top = i === 0 ? head.height : 40;
      if (a.unembeddable.includes(i)) bodies.push(noteBody(ts, `原 PDF 第 ${i + 1} 页无法嵌入本材料（页面缺少内容或已损坏）。`, x));
      else bodies.push((ctx) => drawEmbedded(ctx, pdfKey(x.no, i), top));
    }
  } else if (a.type === 'page') {
    // The clauses first, on the page with the header; then the printed page (or its text).
    bodies.push(...flow(ts, pageLines(a, (text, size, indent) => ts.wrap(text, size, CONTENT_WIDTH - indent)), head.height));
    if (a.pdf) for (let i = 0; i < a.pdf.pages; i++) bodies.push((ctx) => drawEmbedded(ctx, pdfKey(x.no, i), 40));
    if (a.shot) a.shot.slices.forEach((s, i) => bodies.push((ctx) => drawFitted(ctx, imageKey(x.no, i), 40, s.width, s.height)));
  } else if (a.type === 'video') {
    bodies.push(...videoBodies(ts, a, x.no, x.evidence.originalName, head.height));
  } else if (a.type === 'transcript' || a.type === 'text') {
    bodies.push(...flow(ts, transcriptLines(ts, x, pc.exportedAt), head.height));
  } else {
    bodies.push(noteBody(ts, a.reason, x));
  }
  return bodies.map((body, i) => ({
    section: 'exhibits',
    exhibitStart: i === 0 ? x.no : undefined,
    exhibit: x.no,
    draw(ctx) {
      drawChrome(ctx, input, 'exhibits');
      const header = i === 0 ? head : shortHeader(ts, x, i + 1, bodies.length);
      header.draw(ctx);
      body(ctx, TOP - header.height);
    },
  }));
}

/** A boxed note where the original cannot be shown, pointing the reader to the file and its hash. */
function noteBody(ts: Typesetter, reason: string, x: PreparedExhibit): Body {
  return (ctx, top) => {
    const lines = ts.wrap(`${reason}提交时请核对文件名“${x.evidence.originalName}”与上方 SHA-256 一致。`, 11, CONTENT_WIDTH - 30);
    const h = lines.length * 18 + 24;
    ctx.page.drawRectangle({ x: MARGIN.left, y: top - 16 - h, width: CONTENT_WIDTH, height: h, borderColor: STAMP, borderWidth: 1, color: SHADE });
    lines.forEach((line, i) => ts.draw(ctx.page, line, MARGIN.left + 15, top - 16 - 22 - i * 18, 11));
  };
}

function drawFitted(ctx: DrawContext, key: string, headerHeight: number, w: number, h: number): void {
  const box = fitBox(headerHeight, w, h);
  ctx.page.drawImage(ctx.image(key), box);
  ctx.page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.5 });
}

function drawEmbedded(ctx: DrawContext, key: string, headerHeight: number): void {
  const page = ctx.embedded(key);
  const box = fitBox(headerHeight, page.width, page.height);
  ctx.page.drawPage(page, box);
  ctx.page.drawRectangle({ ...box, borderColor: RULE, borderWidth: 0.5 });
}

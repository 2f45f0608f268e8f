// The three tables: 证据目录 (every row links to its exhibit), the timeline, and the manifest of
// original files with their SHA-256.
import { exhibitLabel, sizeText } from '../../../shared/bundle/labels';
import { indexRows } from '../../../shared/bundle/plan';
import type { SectionKey } from '../../../shared/bundle/plan';
import { bundleTimeline } from '../../../shared/bundle/timeline';
import type { TimelineBasis } from '../../../shared/bundle/timeline';
import { BASIS_LABELS, timeText } from '../../../shared/bundle/times';
import type { Column, DrawContext, PageJob, PartContext, TableRow } from './layout';
import { MARGIN, TOP, drawChrome, drawTitle, layoutTable } from './layout';
import { GREY } from './text';

/** What the manifest says about an exhibit's embedded copy when it was redacted. */
export interface RedactionNote {
  sha256: string;
  bytes: number;
}

const TITLE_SPACE = 58;

function tablePages(pc: PartContext, section: SectionKey, title: string, intro: string, columns: Column[], rows: TableRow[], size = 9): PageJob[] {
  const { ts, input } = pc;
  const introLines = intro === '' ? [] : ts.wrap(intro, 9, 495);
  const first = TITLE_SPACE + introLines.length * 14;
  const pages = layoutTable(ts, columns, rows, first, size);
  return pages.map((drawTable, i) => ({
    section,
    draw(ctx: DrawContext) {
      drawChrome(ctx, input, section);
      if (i === 0) {
        let y = drawTitle(ctx, title, TOP - 4);
        for (const line of introLines) {
          ts.draw(ctx.page, line, MARGIN.left, y - 4, 9, { color: GREY });
          y -= 14;
        }
      }
      drawTable(ctx, TOP);
    },
  }));
}

export function indexPages(pc: PartContext): PageJob[] {
  const rows = indexRows(pc.input.evidence).map(
    (r): TableRow => ({
      cells: [r.label, r.name, r.source, r.purpose, ''],
      exhibit: r.no,
      // Two lines when parts are split, so the row height never depends on which part a page is in.
      minLines: pc.partCount > 1 ? 2 : 1,
      late: (ctx) => {
        const at = ctx.locate(r.no);
        if (!at) return {};
        return { 4: at.part === ctx.part ? `第 ${at.page} 页` : `第 ${at.part} 部分\n第 ${at.page} 页` };
      },
    }),
  );
  const intro =
    pc.partCount > 1
      ? `点击任一行可跳转到该证据。页码为各 PDF 文件自身的页码；证据分 ${pc.partCount} 个文件提交，其他部分的证据标明所在部分。`
      : '点击任一行可跳转到该证据。页码与 PDF 页码一致。';
  const columns: Column[] = [
    { title: '序号', width: 44 },
    { title: '证据名称', width: 128 },
    { title: '来源', width: 104 },
    { title: '证明目的', width: 158 },
    { title: '页码', width: 61.28 },
  ];
  return tablePages(pc, 'index', '证据目录', intro, columns, rows);
}

const ROW_BASIS: Record<TimelineBasis, string> = { ...BASIS_LABELS, case: '买家填写', event: '应用记录', chatlog: '聊天记录导出' };

export function timelinePages(pc: PartContext): PageJob[] {
  const rows = bundleTimeline(pc.input, pc.exportedAt).map((r): TableRow => ({ cells: [timeText(r.at, r.basis === 'approx' ? 'approx' : undefined), r.text, ROW_BASIS[r.basis], r.source], exhibit: r.exhibit }));
  if (rows.length === 0) rows.push({ cells: ['', '（没有可列出的时间）', '', ''] });
  const columns: Column[] = [
    { title: '时间', width: 112 },
    { title: '事件', width: 231.28 },
    { title: '依据', width: 80 },
    { title: '来源', width: 72 },
  ];
  const intro =
    '案件记录与证据中识别出的时间，按时间先后排列。依据：截图所示＝截图上显示的完整时间；按截图时间推算＝“昨天”“星期三”等相对时间按可信的截图时间推算；' +
    '约＝按不可靠的文件时间推算、经买家保留的约略时间。来源为证据的行可点击跳转。';
  return tablePages(pc, 'timeline', '时间线', intro, columns, rows);
}

export function manifestPages(pc: PartContext, redacted: ReadonlyMap<number, RedactionNote>): PageJob[] {
  const rows = pc.input.evidence.map((e, i): TableRow => {
    const note = redacted.get(i + 1);
    const lines = [e.originalName, `SHA-256：${e.sha256}`];
    if (note) lines.push(`已遮挡副本（本 PDF 中的图像，${sizeText(note.bytes)}）SHA-256：`, note.sha256);
    return { cells: [exhibitLabel(i + 1), lines.join('\n'), sizeText(e.size)], exhibit: i + 1 };
  });
  const columns: Column[] = [
    { title: '序号', width: 44 },
    { title: '文件名 / SHA-256', width: 391.28 },
    { title: '大小', width: 60 },
  ];
  const intro =
    '各证据原件的文件名、大小与 SHA-256。可用任意工具（如 certutil -hashfile 文件 SHA256、shasum -a 256）核对原件。' +
    'SHA-256 仅证明文件自导入以来未被改动，不代表公证或司法鉴定。';
  return tablePages(pc, 'manifest', '文件清单（SHA-256）', intro, columns, rows, 8.5);
}

// The cover and the letter (12315 投诉书 or platform 申请说明). The letter flows over as many pages as
// the statement needs; headings are kept with the text under them.
import { TARGET_LABELS, chineseDateTime, exhibitLabel, issueLabel, localText, platformLabel } from '../../../shared/bundle/labels';
import { partLine } from '../../../shared/bundle/plan';
import type { BundleInput } from '../../../shared/bundle/types';
import type { DrawContext, PageJob, PartContext } from './layout';
import { A4, BOTTOM, CONTENT_WIDTH, MARGIN, TOP, drawChrome } from './layout';
import { cardShopItems, factItems, partyItems, requestText } from './letterFields';
import { GREY, RULE, SHADE, STAMP } from './text';
import type { Typesetter, Weight } from './text';

export const SEAL_LABEL = '导出校验印（数字签名）证书指纹 SHA-256';
export const SEAL_NOTE =
  '本文件带有本证据库的数字签名。在 PDF 阅读器中查看签名，可确认文件自本证据库导出后未被改动；签名不证明提交人的身份，也不是公证。';

/** The fingerprint in two lines, split after a colon: joined back, the runs read as the whole fingerprint. */
export function fingerprintLines(fingerprint: string): [string, string] {
  const cut = fingerprint.indexOf(':', Math.floor(fingerprint.length / 2) - 2) + 1 || fingerprint.length;
  return [fingerprint.slice(0, cut), fingerprint.slice(cut)];
}

const amountText = (amount: string) => (amount === '' ? '' : `${amount} 元`);

export const DISCLAIMER =
  '本材料由“留证”在本机离线生成。SHA-256 哈希值仅能证明文件自导入以来未被改动，不代表公证、司法鉴定或平台认证。';

function exhibitRange(exhibits: number[]): string {
  const first = exhibits[0];
  const last = exhibits[exhibits.length - 1];
  if (first === undefined || last === undefined) return '（本部分不含证据页）';
  return first === last ? exhibitLabel(first + 1) : `${exhibitLabel(first + 1)}–${exhibitLabel(last + 1)}`;
}

export function coverPages(pc: PartContext, partExhibits: number[][]): PageJob[] {
  const { input, ts } = pc;
  const c = input.case;
  const rows: Array<[string, string]> = [
    ['平台', platformLabel(c.platform)],
    ['店铺', c.shop],
    ['商品', c.item],
    ['订单号', c.orderNumber],
    ['金额', amountText(c.amount)],
    ['购买时间', localText(c.purchasedAt)],
    ['问题', issueLabel(c.issue)],
    ['诉求', requestText(input)],
    ['证据', `共 ${input.evidence.length} 项${pc.partCount > 1 ? `，本部分含 ${exhibitRange(pc.exhibits)}` : ''}`],
    ['导出时间', localText(pc.exportedAt)],
  ].filter((r): r is [string, string] => r[1] !== '');
  return [
    {
      section: 'cover',
      draw(ctx) {
        drawChrome(ctx, input, 'cover', true);
        const { page } = ctx;
        let y = TOP - 30;
        ts.draw(page, '证据材料', MARGIN.left, y, 12, { color: STAMP, weight: 'bold' });
        y -= 40;
        for (const line of ts.wrapClipped(c.title, 24, CONTENT_WIDTH, 3, 'bold')) {
          ts.draw(page, line, MARGIN.left, y, 24, { weight: 'bold' });
          y -= 34;
        }
        ts.draw(page, TARGET_LABELS[input.target], MARGIN.left, y, 13, { color: GREY });
        y -= 26;
        if (pc.partCount > 1) {
          page.drawRectangle({ x: MARGIN.left, y: y - 10, width: CONTENT_WIDTH, height: 30, color: SHADE });
          ts.draw(page, partLine(pc.part, pc.partCount), MARGIN.left + 10, y, 14, { weight: 'bold', color: STAMP });
          y -= 40;
        }
        page.drawLine({ start: { x: MARGIN.left, y }, end: { x: A4.width - MARGIN.right, y }, thickness: 0.8, color: RULE });
        y -= 28;
        y = drawKeyValues(ts, ctx, rows, y, 11, 80);
        if (pc.partCount > 1) {
          y -= 18;
          ts.draw(page, '各部分文件', MARGIN.left, y, 11, { weight: 'bold' });
          y -= 20;
          const parts = partExhibits.map((ex, i): [string, string] => [`第 ${i + 1} 部分`, `${baseName(pc.fileNames[i] ?? '')}：${exhibitRange(ex)}`]);
          drawKeyValues(ts, ctx, parts, y, 10, 80);
        }
        const note = ts.wrap(DISCLAIMER, 9, CONTENT_WIDTH - 20);
        drawSeal(ts, ctx, pc.fingerprint, BOTTOM + 20 + note.length * 14 + 18 + 12);
        let ny = BOTTOM + 30 + note.length * 14;
        page.drawRectangle({ x: MARGIN.left, y: BOTTOM + 20, width: CONTENT_WIDTH, height: note.length * 14 + 18, borderColor: RULE, borderWidth: 0.6 });
        for (const line of note) {
          ny -= 14;
          ts.draw(page, line, MARGIN.left + 10, ny + 4, 9, { color: GREY });
        }
      },
    },
  ];
}

/** The seal box above the disclaimer: what the signature proves, and the fingerprint to compare. */
function drawSeal(ts: Typesetter, ctx: DrawContext, fingerprint: string, bottom: number): void {
  const note = ts.wrap(SEAL_NOTE, 8.5, CONTENT_WIDTH - 20);
  const height = 14 + note.length * 12.5 + 2 * 13 + 12;
  ctx.page.drawRectangle({ x: MARGIN.left, y: bottom, width: CONTENT_WIDTH, height, color: SHADE });
  let y = bottom + height - 16;
  ts.draw(ctx.page, SEAL_LABEL, MARGIN.left + 10, y, 9, { weight: 'bold' });
  for (const line of fingerprintLines(fingerprint)) {
    y -= 13;
    ts.draw(ctx.page, line, MARGIN.left + 10, y, 9);
  }
  for (const line of note) {
    y -= 12.5;
    ts.draw(ctx.page, line, MARGIN.left + 10, y - 2, 8.5, { color: GREY });
  }
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/** Label–value rows with the value wrapped under itself; returns the y below the last row. */
export function drawKeyValues(ts: Typesetter, ctx: DrawContext, rows: Array<[string, string]>, top: number, size: number, labelWidth: number): number {
  let y = top;
  for (const [label, value] of rows) {
    ts.draw(ctx.page, label, MARGIN.left, y, size, { color: GREY });
    for (const line of ts.wrapClipped(value, size, CONTENT_WIDTH - labelWidth, 4)) {
      ts.draw(ctx.page, line, MARGIN.left + labelWidth, y, size);
      y -= size * 1.7;
    }
  }
  return y;
}

type FlowItem =
  | { type: 'title'; text: string }
  | { type: 'heading'; text: string }
  | { type: 'kv'; label: string; value: string }
  | { type: 'para'; text: string }
  | { type: 'right'; text: string }
  | { type: 'gap'; height: number };

interface FlowLine {
  height: number;
  keepWithNext: boolean;
  draw(ctx: DrawContext, y: number): void;
}

const BODY = 10.5;
const KV_LABEL = 96;

function flowLines(ts: Typesetter, items: FlowItem[]): FlowLine[] {
  const out: FlowLine[] = [];
  const text = (t: string, x: number, size: number, weight: Weight = 'regular') => (ctx: DrawContext, y: number) => ts.draw(ctx.page, t, x, y, size, { weight });
  for (const item of items) {
    switch (item.type) {
      case 'title':
        out.push({ height: 40, keepWithNext: true, draw: (ctx, y) => ts.drawCentre(ctx.page, item.text, A4.width / 2, y + 6, 20, { weight: 'bold' }) });
        break;
      case 'heading':
        out.push({ height: 26, keepWithNext: true, draw: text(item.text, MARGIN.left, 12, 'bold') });
        break;
      case 'kv':
        ts.wrap(item.value, BODY, CONTENT_WIDTH - KV_LABEL).forEach((line, i) => {
          out.push({
            height: BODY * 1.75,
            keepWithNext: false,
            draw: (ctx, y) => {
              if (i === 0) ts.draw(ctx.page, item.label, MARGIN.left, y, BODY, { color: GREY });
              ts.draw(ctx.page, line, MARGIN.left + KV_LABEL, y, BODY);
            },
          });
        });
        break;
      case 'para':
        for (const para of item.text.split(/\n+/).filter((p) => p.trim() !== '')) {
          for (const line of ts.wrap(`　　${para.trim()}`, BODY, CONTENT_WIDTH)) out.push({ height: BODY * 1.8, keepWithNext: false, draw: text(line, MARGIN.left, BODY) });
        }
        break;
      case 'right':
        out.push({ height: BODY * 2, keepWithNext: false, draw: (ctx, y) => ts.drawRight(ctx.page, item.text, A4.width - MARGIN.right - 20, y, BODY) });
        break;
      case 'gap':
        out.push({ height: item.height, keepWithNext: false, draw: () => undefined });
        break;
    }
  }
  return out;
}

function letterItems(input: BundleInput, statement: string, exportedAt: string): FlowItem[] {
  const p = input.complainant;
  const evidence = `附证据材料共 ${input.evidence.length} 项，详见证据目录；各证据原件的文件名、大小与 SHA-256 见文件清单。`;
  const date = chineseDateTime(exportedAt.slice(0, 10));
  const is12315 = input.target === '12315';
  const items: FlowItem[] = [
    { type: 'title', text: is12315 ? '投诉书' : '申请说明' },
    ...partyItems(input),
    { type: 'gap', height: 6 },
    ...factItems(input),
    ...cardShopItems(input.cardShop),
    { type: 'gap', height: 6 },
    { type: 'heading', text: is12315 ? '投诉请求' : '申请事项' },
    { type: 'para', text: requestText(input) },
    { type: 'gap', height: 6 },
    { type: 'heading', text: '事实与理由' },
    { type: 'para', text: statement },
    { type: 'gap', height: 6 },
    { type: 'heading', text: '证据' },
    { type: 'para', text: evidence },
    { type: 'gap', height: 24 },
    ...(p.name === '' ? [] : [{ type: 'right', text: `${is12315 ? '投诉人' : '申请人'}：${p.name}` } satisfies FlowItem]),
    { type: 'right', text: date },
  ];
  return items.filter((item) => item.type !== 'kv' || item.value !== '');
}

export function letterPages(pc: PartContext, statement: string): PageJob[] {
  const lines = flowLines(pc.ts, letterItems(pc.input, statement, pc.exportedAt));
  const pages: FlowLine[][] = [[]];
  let room = TOP - BOTTOM;
  lines.forEach((line, i) => {
    const next = lines[i + 1];
    const need = line.height + (line.keepWithNext && next ? next.height : 0);
    const current = pages[pages.length - 1] ?? [];
    if (need > room && current.length > 0) {
      pages.push([line]);
      room = TOP - BOTTOM - line.height;
    } else {
      current.push(line);
      room -= line.height;
    }
  });
  return pages.map((chunk) => ({
    section: 'letter',
    draw(ctx) {
      drawChrome(ctx, pc.input, 'letter');
      let y = TOP;
      for (const line of chunk) {
        line.draw(ctx, y - line.height + 6);
        y -= line.height;
      }
    },
  }));
}

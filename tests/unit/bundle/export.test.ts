// One complete bundle built from real files and read back with pdf-lib, poppler and qpdf.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import type { ExportResult } from '../../../electron/main/bundle';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { PHONE_BUBBLE, makeFixture, sourceFiles } from './support';
import type { BundleFixture } from './support';
import { bookmarks, links, meanGrey, text, tool } from './pdf';

const ARTIFACTS = path.resolve('test-results/bundle');
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let fx: BundleFixture;
let result: ExportResult;
let file: string;
let doc: PDFDocument;

beforeAll(async () => {
  fx = await makeFixture(await sourceFiles());
  const service = createBundleService({ vaultDir: fx.vaultDir });
  file = path.join(fx.root, 'out', '证据包.pdf');
  result = await service.exportBundle(fx.input, { outFile: file, maxBytes: null, redact: true });
  doc = await PDFDocument.load(await readFile(file));
  await mkdir(ARTIFACTS, { recursive: true });
  await tool('pdftoppm', ['-r', '60', '-png', file, path.join(ARTIFACTS, 'bundle')]);
}, 60_000);

afterAll(() => fx.cleanup());

// Cover, letter, index, timeline; exhibits 1–6 (the tall screenshot takes 3 pages); manifest.
const EXPECTED_STARTS = { 1: 5, 2: 6, 3: 7, 4: 8, 5: 11, 6: 12 } as const;

describe('exported bundle', () => {
  it('reports the files, pages and exhibits it wrote', () => {
    expect(result.files).toEqual([file]);
    expect(result.exhibits).toBe(6);
    expect(result.pages).toBe(13);
    expect(doc.getPageCount()).toBe(13);
    expect(result.warnings).toContain('证据6（兑换过程录屏）无法嵌入 PDF，需另行提交原文件。');
  });

  it('has a bookmark for every section and every exhibit', async () => {
    const marks = await bookmarks(file);
    expect(marks.map((m) => [m.title, m.page])).toEqual([
      ['封面', 1],
      ['申请说明', 2],
      ['证据目录', 3],
      ['时间线', 4],
      ['证据材料', 5],
      ['文件清单（SHA-256）', 13],
    ]);
    const exhibits = marks[4]?.kids ?? [];
    expect(exhibits.map((k) => k.page)).toEqual(Object.values(EXPECTED_STARTS));
    expect(exhibits.map((k) => k.title)).toEqual(fx.input.evidence.map((e, i) => `证据${i + 1} ${e.title}`));
  });

  it('links every 证据目录 row to the page where its exhibit starts', async () => {
    const targets = links(doc, 2).map((l) => l.page);
    expect(targets).toEqual(Object.values(EXPECTED_STARTS));
    const index = await text(file, 3);
    for (const [no, page] of Object.entries(EXPECTED_STARTS)) expect(index).toMatch(new RegExp(`证据${no}\\s.*第\\s*${page}\\s*页`));
    // The start pages really are those exhibits' pages.
    for (const [no, page] of Object.entries(EXPECTED_STARTS)) expect(await text(file, page)).toContain(`证据${no}`);
  });

  it('numbers pages "第 X 页 / 共 Y 页" matching the PDF page numbers', async () => {
    const all = await text(file);
    const pages = all.split('\f').filter((p) => p.trim() !== '');
    pages.forEach((p, i) => expect(p).toContain(`第 ${i + 1} 页 / 共 13 页`));
  });

  it('has its metadata', async () => {
    expect(doc.getTitle()).toBe('XX游戏点卡卡密无效 · 证据材料');
    expect(doc.getAuthor()).toBe('留证');
    expect(doc.getCreationDate()?.toISOString()).toBe('2026-11-22T02:00:00.000Z');
    const info = (await tool('pdfinfo', [file])).stdout;
    expect(info).toMatch(/^Author:\s+留证$/m);
    expect(info).toMatch(/^Pages:\s+13$/m);
    expect(info).toMatch(/^Page size:\s+595\.28 x 841\.89 pts \(A4\)$/m);
  });

  it('carries real Chinese text and every SHA-256 intact on one line', async () => {
    const all = await text(file);
    for (const words of ['证据目录', '申请说明', '事实与理由', '卡密', '兑换过程录屏', '需另行提交原文件', '3分05秒', '截图已发，请尽快处理退款。']) expect(all).toContain(words);
    for (const e of fx.input.evidence) {
      expect(all).toMatch(new RegExp(`SHA-256\\s+${e.sha256}$`, 'm'));
      expect(all).toContain(`SHA-256：${e.sha256}`);
    }
  });

  it('embeds the font as a proper CFF subset that poppler renders without complaint', async () => {
    const fonts = (await tool('pdffonts', [file])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    expect(fonts).toHaveLength(2);
    for (const line of fonts) expect(line).toMatch(/^[A-Z]{6}\+SourceHanSansSC-(Regular|Bold)\s+CID Type 0C \(OT\)\s+Identity-H\s+yes yes yes/);
    const render = await tool('pdftoppm', ['-r', '20', '-png', '-f', '1', '-l', '3', file, path.join(fx.root, 'check')]);
    expect(render.stderr).toBe('');
  });

  it('passes qpdf --check', async () => {
    const { stdout } = await tool('qpdf', ['--check', file]);
    expect(stdout).toContain('No syntax or stream encoding errors found');
  });

  it('burns the redaction into the pixels and keeps the original untouched', async () => {
    const dir = path.join(fx.root, 'images');
    await mkdir(dir, { recursive: true });
    await tool('pdfimages', ['-j', '-f', '6', '-l', '6', file, path.join(dir, 'chat')]);
    const [jpg] = (await readdir(dir)).filter((f) => f.endsWith('.jpg'));
    expect(jpg).toBeDefined();
    const embedded = path.join(dir, jpg ?? '');
    const inner = { left: PHONE_BUBBLE.x0 + 20, top: PHONE_BUBBLE.y0 + 20, width: PHONE_BUBBLE.x1 - PHONE_BUBBLE.x0 - 40, height: PHONE_BUBBLE.y1 - PHONE_BUBBLE.y0 - 40 };
    expect(await meanGrey(embedded, inner)).toBeLessThan(8);
    // The first bubble (x 496–920, y 400–528), left alone, is still a light green bubble.
    expect(await meanGrey(embedded, { left: 870, top: 410, width: 40, height: 100 })).toBeGreaterThan(150);
    // The manifest's hash of the redacted copy is the hash of the image in the PDF.
    const chat = fx.input.evidence[1];
    expect(await text(file, 13)).toContain(sha(await readFile(embedded)));
    expect(chat && sha(await readFile(vaultLayout(fx.vaultDir).blob(chat.sha256)))).toBe(chat?.sha256);
  });

  it('renders the redacted page black where the phone number was', async () => {
    await tool('pdftoppm', ['-r', '72', '-png', '-f', '6', '-l', '6', file, path.join(fx.root, 'p6')]);
    const png = path.join(fx.root, (await readdir(fx.root)).find((f) => f.startsWith('p6')) ?? '');
    // Scan a horizontal band through the page: the bubble's rows must hold a run of near-black pixels.
    const { default: sharp } = await import('sharp');
    const { data, info } = await sharp(png).greyscale().raw().toBuffer({ resolveWithObject: true });
    let darkRows = 0;
    for (let y = 0; y < info.height; y++) {
      let run = 0;
      let best = 0;
      for (let x = 0; x < info.width; x++) {
        run = (data[y * info.width + x] ?? 255) < 20 ? run + 1 : 0;
        best = Math.max(best, run);
      }
      if (best > 60) darkRows++;
    }
    expect(darkRows).toBeGreaterThan(8);
  });

  it('keeps screenshots at phone width and photos at a sensible size', async () => {
    const list = (await tool('pdfimages', ['-list', file])).stdout.split('\n').slice(2).filter((l) => l.trim() !== '');
    const dims = list.map((l) => l.trim().split(/\s+/).slice(3, 5).map(Number));
    expect(dims).toContainEqual([1080, 2340]);
    expect(dims).toContainEqual([2000, 1500]);
    for (const [w, h] of dims) expect(Math.max(w ?? 0, h ?? 0)).toBeLessThanOrEqual(2500);
  });
});

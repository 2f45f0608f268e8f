// Size-driven splitting on real files: every part under the limit, nothing dropped, and an exhibit
// that cannot fit even alone reported before anything is written.
import { access, readFile } from 'node:fs/promises';
import path from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BundleError, createBundleService } from '../../../electron/main/bundle';
import type { ExportResult } from '../../../electron/main/bundle';
import { MB } from '../../../shared/bundle/types';
import { verifyBundle } from '../../../electron/main/integrity/verifyBundle';
import { makeFixture, photoFile, sourceFiles } from './support';
import type { BundleFixture, SourceFile } from './support';
import { bookmarks, links, text, tool } from './pdf';

/** A one-page PDF (a shop's policy saved as PDF) whose page carries a JPEG of `noiseSide` pixels. */
async function policyPdf(noiseSide: number): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  const font = await doc.embedFont(StandardFonts.Helvetica);
  page.drawText('Refund policy: virtual goods are refundable before activation.', { x: 40, y: 780, size: 12, font });
  const jpg = await sharp({ create: { width: noiseSide, height: noiseSide, channels: 3, background: '#777', noise: { type: 'gaussian', mean: 128, sigma: 70 } } })
    .jpeg({ quality: 95 })
    .toBuffer();
  page.drawImage(await doc.embedJpg(jpg), { x: 40, y: 200, width: 500, height: 500 });
  return Buffer.from(await doc.save());
}

const pdfFile = async (name: string, side: number, title: string): Promise<SourceFile> => ({ name, bytes: await policyPdf(side), kind: 'policy', title });

describe('splitting under a size limit', () => {
  let fx: BundleFixture;
  let result: ExportResult;
  const limit = 1 * MB;

  beforeAll(async () => {
    fx = await makeFixture([...(await sourceFiles()), await pdfFile('退款规则.pdf', 300, '店铺退款规则（PDF）')]);
    result = await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(fx.input, { outFile: path.join(fx.root, 'out', 'bundle.pdf'), maxBytes: limit });
  }, 60_000);
  afterAll(() => fx.cleanup());

  it('writes <name>-k.pdf parts, each within the limit', async () => {
    expect(result.files.length).toBeGreaterThan(1);
    expect(result.files).toEqual(result.files.map((_, i) => path.join(fx.root, 'out', `bundle-${i + 1}.pdf`)));
    for (const [i, f] of result.files.entries()) {
      const bytes = (await readFile(f)).length;
      expect(bytes).toBeLessThanOrEqual(limit);
      expect(result.parts[i]?.bytes).toBe(bytes);
    }
  });

  it('signs every part, and each verifies intact (its PDF exhibit’s embedded images included)', async () => {
    for (const f of result.files) {
      const { stdout } = await tool('pdfsig', [f]);
      expect(stdout).toContain('Signature is Valid');
      expect(stdout).toContain('Total document signed');
      const report = await verifyBundle(f, fx.vaultDir);
      expect(report.pdf.files[0]?.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.summary.match).toBe(report.summary.total);
    }
  });

  it('drops no exhibit: each appears in exactly one part, in order', async () => {
    const seen: string[] = [];
    for (const f of result.files) {
      const marks = await bookmarks(f);
      seen.push(...(marks.find((m) => m.title === '证据材料')?.kids ?? []).map((k) => k.title.split(' ')[0] ?? ''));
    }
    expect(seen).toEqual(fx.input.evidence.map((_, i) => `证据${i + 1}`));
    expect(result.parts.flatMap((p) => p.exhibits)).toEqual(fx.input.evidence.map((_, i) => i + 1));
    expect(result.pages).toBe(result.parts.reduce((s, p) => s + p.pages, 0));
  });

  it('gives every part its cover line and the whole index, linking across files', async () => {
    const n = result.files.length;
    for (const [i, f] of result.files.entries()) {
      const cover = await text(f, 1);
      expect(cover).toContain(`第 ${i + 1} 部分 / 共 ${n} 部分`);
      const marks = await bookmarks(f);
      const index = marks.find((m) => m.title === '证据目录');
      expect(index).toBeDefined();
      const doc = await PDFDocument.load(await readFile(f));
      const rows = links(doc, (index?.page ?? 1) - 1);
      expect(rows).toHaveLength(fx.input.evidence.length);
      rows.forEach((row, no) => {
        const home = result.parts.findIndex((p) => p.exhibits.includes(no + 1));
        if (home === i) expect(row.page).toBeGreaterThan(1);
        else expect(row.remote?.file).toBe(`bundle-${home + 1}.pdf`);
      });
    }
  });

  it('embeds a PDF exhibit page by page', async () => {
    const home = result.parts.findIndex((p) => p.exhibits.includes(7));
    const f = result.files[home] ?? '';
    expect(await text(f)).toContain('Refund policy: virtual goods are refundable before activation.');
    expect((await tool('qpdf', ['--check', f])).stdout).toContain('No syntax or stream encoding errors found');
  });
});

describe('an exhibit too large for any part', () => {
  let fx: BundleFixture;
  beforeAll(async () => {
    const [order] = await sourceFiles();
    fx = await makeFixture([order as SourceFile, await pdfFile('扫描件.pdf', 1400, '超大扫描件')]);
  }, 60_000);
  afterAll(() => fx.cleanup());

  it('is reported by preflight and stops the export before anything is written', async () => {
    const service = createBundleService({ vaultDir: fx.vaultDir });
    const pre = await service.preflight(fx.input, { maxBytes: MB });
    expect(pre.oversize.map((o) => o.no)).toEqual([2]);
    expect(pre.oversize[0]?.bytes).toBeGreaterThan(MB);

    const out = path.join(fx.root, 'out', 'bundle.pdf');
    const error = await service.exportBundle(fx.input, { outFile: out, maxBytes: MB }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BundleError);
    expect(error instanceof BundleError && error.code).toBe('oversize');
    expect(error instanceof BundleError && error.details.oversize?.map((o) => o.no)).toEqual([2]);
    expect(error instanceof Error && error.message).toContain('证据2（超大扫描件');
    await expect(access(path.dirname(out))).rejects.toThrow();

    // With no limit the same case exports whole.
    const whole = await service.exportBundle(fx.input, { outFile: out, maxBytes: null });
    expect(whole.files).toEqual([out]);
    expect(whole.exhibits).toBe(2);
  });
});

describe('a photo too large at normal quality', () => {
  it('is re-encoded smaller rather than dropped, with a warning', async () => {
    const fx = await makeFixture([await photoFile('IMG_20261116_100000.jpg', '报错照片', 40)]);
    try {
      const service = createBundleService({ vaultDir: fx.vaultDir });
      const out = path.join(fx.root, 'out', 'bundle.pdf');
      const result = await service.exportBundle(fx.input, { outFile: out, maxBytes: MB });
      expect(result.files).toEqual([out]);
      expect(result.parts[0]?.bytes).toBeLessThanOrEqual(MB);
      expect(result.warnings).toContain('证据1（报错照片）为符合大小限制已降低清晰度。');
      expect(await text(out)).toContain('为符合文件大小限制已降低清晰度');
    } finally {
      await fx.cleanup();
    }
  }, 60_000);
});

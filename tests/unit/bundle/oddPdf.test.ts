// One legal but odd PDF exhibit must not fail the whole export (issue 19): a page without /Contents
// (a blank page some scanners write) cannot be embedded by pdf-lib, so it is listed with a note.
import path from 'node:path';
import { PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import type { ExportResult } from '../../../electron/main/bundle';
import { text, tool } from './pdf';
import { makeFixture } from './support';
import type { BundleFixture } from './support';

/** Three pages of policy text; the middle one loses its content stream. */
async function pdfWithPageMissingContents(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const n of [1, 2, 3]) doc.addPage([595, 842]).drawText(`Policy page ${n}`, { x: 40, y: 780, size: 12, font });
  doc.getPage(1).node.delete(PDFName.of('Contents'));
  return Buffer.from(await doc.save());
}

describe('a PDF exhibit with a page pdf-lib cannot embed', () => {
  let fx: BundleFixture;
  let result: ExportResult;
  beforeAll(async () => {
    fx = await makeFixture([{ name: '退款规则.pdf', bytes: await pdfWithPageMissingContents(), kind: 'policy', title: '店铺退款规则' }]);
    result = await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(fx.input, { outFile: path.join(fx.root, 'out', 'bundle.pdf'), maxBytes: null });
  }, 60_000);
  afterAll(() => fx.cleanup());

  it('exports anyway, with the other pages embedded and a note in place of the odd one', async () => {
    const file = result.files[0] ?? '';
    const all = await text(file);
    expect(all).toContain('Policy page 1');
    expect(all).toContain('Policy page 3');
    expect(all.replace(/\s+/g, '')).toContain('原PDF第2页无法嵌入本材料');
    expect((await tool('qpdf', ['--check', file])).stdout).toContain('No syntax or stream encoding errors found');
  });

  it('warns, naming the exhibit and the page', () => {
    expect(result.warnings).toContainEqual(expect.stringContaining('证据1（店铺退款规则）的第 2 页无法嵌入 PDF'));
  });
});

// A saved policy page as a bundle exhibit: in the app Chromium's print of the page is embedded after
// the header; the CLI lays out the page text. Both carry the URL, the save time, the SHA-256 and the
// quoted refund clauses, read back from the PDF with poppler.
import { chromium, type Browser } from '@playwright/test';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBundleService } from '../../../electron/main/bundle';
import { renderSavedPage } from '../../../electron/main/webpage/render';
import { chromiumLaunchOptions } from '../../support/chromium';
import { POLICY_URL, mhtml } from '../../support/pages';
import { playwrightRenderHost } from '../../support/renderHost';
import { makeFixture, type BundleFixture } from '../bundle/support';
import { text, tool } from '../bundle/pdf';

let browser: Browser;
let fx: BundleFixture;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  fx = await makeFixture([{ name: '退款规则.mhtml', bytes: mhtml(), kind: 'policy', title: '店铺退款规则网页快照' }]);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await fx?.cleanup();
});

const compact = (s: string) => s.replace(/\s+/g, '');

describe('a saved page exhibit', () => {
  it('in the CLI: header with URL, save time and hash, the clauses, then the page text', async () => {
    const out = path.join(fx.root, 'cli.pdf');
    await createBundleService({ vaultDir: fx.vaultDir }).exportBundle(fx.input, { outFile: out, maxBytes: null });
    const all = compact(await text(out));
    const sha = fx.input.evidence[0]?.sha256 ?? '';
    expect(all).toContain(compact(POLICY_URL));
    expect(all).toContain('2026-12-0416:05:09');
    expect(all).toContain(sha);
    expect(all).toContain('退款申请将在2个工作日内审核，审核通过后原路退回。');
    expect(all).toContain('已使用的卡密不支持退款');
    expect(all).toContain('网页文字');
    // Every glyph printed: poppler finds no font it cannot create.
    const fonts = await tool('pdffonts', [out]);
    expect(fonts.stderr).toBe('');
  }, 60_000);

  it('in the app: Chromium prints the page (scripts off, offline) and it is embedded after the clauses', async () => {
    const out = path.join(fx.root, 'app.pdf');
    const host = playwrightRenderHost(browser);
    const printPage = async (src: Parameters<typeof renderSavedPage>[1]) => (await renderSavedPage(host, src, path.join(fx.root, 'render'), { png: false, pdf: true })).pdf ?? new Uint8Array();
    const summary = await createBundleService({ vaultDir: fx.vaultDir, printPage }).exportBundle(fx.input, { outFile: out, maxBytes: null });
    const all = compact(await text(out));
    expect(all).toContain('网页打印件');
    expect(all).toContain('退款申请将在2个工作日内审核');
    expect(all).not.toContain('网页文字');
    // The printed page itself: its heading and clauses, as Chromium laid them out.
    const pages = await tool('pdfinfo', [out]);
    expect(Number(/Pages:\s+(\d+)/.exec(pages.stdout)?.[1])).toBeGreaterThan(0);
    expect(summary).toBeTruthy();
    await tool('pdftoppm', ['-r', '60', '-png', out, path.join(fx.root, 'page')]);
  }, 60_000);
});

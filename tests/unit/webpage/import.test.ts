// Saved pages through the real import path: detection by content, provenance and capture time from
// the file, byte-identical originals, and a preview rendered by real Chromium with scripts off and
// every request refused: a loopback server the page points at must never hear from it.
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVaultService, type VaultService } from '../../../electron/main/vault';
import type { CdpSession, RenderHost } from '../../../electron/main/webpage/cdp';
import { renderSavedPage } from '../../../electron/main/webpage/render';
import { chromiumLaunchOptions } from '../../support/chromium';
import { POLICY_DATE, POLICY_TITLE, POLICY_URL, gbk, mhtml, policyHtml } from '../../support/pages';
import { playwrightRenderHost } from '../../support/renderHost';

const NOW = new Date('2026-12-04T10:00:00Z');
const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

let browser: Browser;
let server: Server;
let hits: string[];
let origin: string;
let root: string;

beforeAll(async () => {
  browser = await chromium.launch(chromiumLaunchOptions());
  hits = [];
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    res.end('<html><body style="background:#f00">pwned</body></html>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const addr = server.address();
  origin = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-page-test-'));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  await rm(root, { recursive: true, force: true });
});

function vault(name: string, preview = true): VaultService {
  const host = playwrightRenderHost(browser);
  return createVaultService({
    vaultDir: path.join(root, name, 'vault'),
    now: () => NOW,
    tempDir: path.join(root, name, 'open'),
    ...(preview ? { previewPage: async (src) => (await renderSavedPage(host, src, path.join(root, name, 'render'), { png: true, pdf: false })).png ?? Buffer.alloc(0) } : {}),
  });
}

async function put(dir: string, name: string, bytes: Uint8Array | string): Promise<string> {
  const file = path.join(root, dir, 'src', name);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, bytes);
  return file;
}

/** A page that tries everything: scripts, a refresh, trackers, frames, a CSS import, a form. */
function hostileBody(): string {
  return [
    '<h1>退款规则</h1><p>第三条 退款申请将在2个工作日内审核。</p>',
    `<script>document.body.style.background='#ff0000';new Image().src='${origin}/script-ran'</script>`,
    `<img src="${origin}/tracker.gif"><link rel="stylesheet" href="${origin}/x.css"><style>@import url('${origin}/import.css'); p{background:url('${origin}/bg.png')}</style>`,
    `<iframe src="${origin}/frame"></iframe><object data="${origin}/obj"></object><video src="${origin}/v.mp4" autoplay></video>`,
    `<meta http-equiv="refresh" content="0;url=${origin}/refresh"><link rel="prefetch" href="${origin}/prefetch"><link rel="dns-prefetch" href="//evil.example">`,
    `<img src="file:///etc/passwd"><img src="data:image/png;base64,AAAA">`,
  ].join('\n');
}

describe('saved pages in the vault', () => {
  it('stores an MHTML byte for byte with its URL, title and save time (source: file) and a rendered thumbnail', async () => {
    const bytes = mhtml();
    const service = vault('a');
    const batch = await service.importPaths('case-1', [await put('a', '退款政策.mhtml', bytes)], 'dialog');
    expect(batch.failures).toEqual([]);
    const blob = batch.items[0]?.blob;
    expect(blob).toMatchObject({ mediaType: 'page', format: 'mhtml', capturedAt: '2026-12-04T16:05:09', captureSource: 'file', hasThumbnail: true, sha256: sha256(bytes) });
    expect(blob?.page).toEqual({ format: 'mhtml', url: POLICY_URL, title: POLICY_TITLE, savedAt: '2026-12-04T16:05:09', savedAtRaw: POLICY_DATE, resources: 0 });
    const stored = await readFile(path.join(root, 'a', 'vault', 'blobs', sha256(bytes).slice(0, 2), sha256(bytes)));
    expect(stored.equals(bytes)).toBe(true);
    const thumb = await sharp(Buffer.from(await service.readThumbnail(sha256(bytes)))).metadata();
    expect(thumb.width).toBeGreaterThan(100);
  }, 60_000);

  it('renders a hostile page with scripts off and nothing fetched', async () => {
    hits.length = 0;
    const bytes = mhtml({ html: policyHtml({ body: hostileBody(), savedFrom: null }) });
    const src = await put('b', 'hostile.mhtml', bytes);
    const out = await renderSavedPage(playwrightRenderHost(browser), { file: src, format: 'mhtml' }, path.join(root, 'b', 'render'), { png: true, pdf: true });
    // A script that ran would have painted the page red.
    const { data } = await sharp(out.png ?? Buffer.alloc(0)).extract({ left: 5, top: 5, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect([data[0], data[1], data[2]]).not.toEqual([255, 0, 0]);
    expect(out.pdf?.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toEqual([]);
  }, 60_000);

  it('renders an HTML save the same way: the page copy only', async () => {
    hits.length = 0;
    const src = await put('c', 'hostile.html', policyHtml({ body: hostileBody() }));
    const out = await renderSavedPage(playwrightRenderHost(browser), { file: src, format: 'html' }, path.join(root, 'c', 'render'), { png: true, pdf: false });
    expect(out.blocked.some((u) => u.startsWith(origin))).toBe(true);
    expect(out.blocked).toContain('file:///etc/passwd');
    await new Promise((r) => setTimeout(r, 300));
    expect(hits).toEqual([]);
  }, 60_000);

  it('stays on the saved page when it refreshes itself or navigates away while the picture is taken', async () => {
    hits.length = 0;
    // The picture is taken late on purpose, so the refresh has surely fired by then.
    const inner = playwrightRenderHost(browser);
    const framesAtCapture: string[] = [];
    const slow: RenderHost = {
      async open() {
        const tab = await inner.open();
        const send: CdpSession['send'] = async (method, params) => {
          if (method !== 'Page.captureScreenshot') return tab.cdp.send(method, params);
          await new Promise((r) => setTimeout(r, 800));
          const shot = await tab.cdp.send(method, params);
          framesAtCapture.push(JSON.stringify((await tab.cdp.send('Page.getFrameTree'))['frameTree']));
          return shot;
        };
        return { ...tab, cdp: { ...tab.cdp, send } };
      },
    };
    for (const [name, refresh] of [['away.html', `0;url=${origin}/refresh`], ['self.html', '0']] as const) {
      const src = await put('e', name, policyHtml({ body: `<h1>退款规则</h1><meta http-equiv="refresh" content="${refresh}">` }));
      const out = await renderSavedPage(slow, { file: src, format: 'html' }, path.join(root, 'e', 'render'), { png: true, pdf: false });
      expect(out.png?.length).toBeGreaterThan(1000);
    }
    expect(framesAtCapture).toHaveLength(2);
    for (const tree of framesAtCapture) {
      expect(tree).toMatch(/lz-render-[0-9a-f]+\/page\.html/);
      expect(tree).not.toMatch(/chrome-error|127\.0\.0\.1/);
    }
    expect(hits).toEqual([]);
  }, 60_000);

  it('reads GBK pages and HTML saves, and refuses damaged pages by name while the batch goes on', async () => {
    const service = vault('d', false);
    const paths = [
      await put('d', 'gbk.html', gbk(policyHtml({ charset: 'gbk' }))),
      await put('d', 'cut.mhtml', mhtml({ truncate: true })),
      await put('d', 'fake.mhtml', 'just some words, not a page'),
      await put('d', 'nohtml.mht', 'MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n'),
      await put('d', 'undated.mhtml', mhtml({ date: null })),
      await put('d', 'future.mhtml', mhtml({ date: 'Sat, 4 Dec 2027 10:00:00 +0800', html: '<p>x</p>' })),
    ];
    const batch = await service.importPaths('case-1', paths, 'dialog');
    expect(batch.failures.map((f) => [f.file, f.code])).toEqual([
      ['cut.mhtml', 'corrupt-file'],
      ['fake.mhtml', 'corrupt-file'],
      ['nohtml.mht', 'corrupt-file'],
    ]);
    expect(batch.failures[0]?.message).toMatch(/truncated/);
    const byName = new Map(batch.items.map((i) => [i.blob.originalName, i.blob]));
    expect(byName.get('gbk.html')).toMatchObject({ mediaType: 'page', format: 'html', page: { url: POLICY_URL, title: POLICY_TITLE } });
    expect(byName.get('gbk.html')?.captureSource).toBe('mtime');
    expect(byName.get('undated.mhtml')?.captureSource).not.toBe('file');
    // A save "time" a year ahead of the clock is not believed.
    expect(byName.get('future.mhtml')?.captureSource).not.toBe('file');
    expect(byName.get('gbk.html')?.hasThumbnail).toBe(false);
  }, 60_000);

  it('takes an HTML save with its _files folder as one item, by dialog, drop and folder import; the folder renders and is stored by hash', async () => {
    const css = Buffer.from('body { background: #00ff00; }');
    const html = policyHtml({ body: '<link rel="stylesheet" href="退款规则_files/site.css"><p>未激活可退款。</p>' });
    const dir = path.join(root, 'e', 'src', '保存的网页');
    await mkdir(path.join(dir, '退款规则_files'), { recursive: true });
    await writeFile(path.join(dir, '退款规则.html'), html);
    await writeFile(path.join(dir, '退款规则_files', 'site.css'), css);
    await writeFile(path.join(dir, '退款规则_files', 'logo.png'), await sharp({ create: { width: 4, height: 4, channels: 3, background: '#00f' } }).png().toBuffer());
    const service = vault('e');
    const picked = await service.importPaths('case-1', [path.join(dir, '退款规则.html')], 'dialog');
    expect(picked.failures).toEqual([]);
    expect(picked.items).toHaveLength(1);
    const blob = picked.items[0]?.blob;
    expect(blob?.page?.resources).toBe(2);
    // The folder's stylesheet was loaded from the stored copy: the page is green.
    const display = await service.readDisplay(blob?.sha256 ?? '');
    const { data } = await sharp(Buffer.from(display.bytes)).extract({ left: 3, top: 3, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
    expect(data[1]).toBeGreaterThan(240);
    expect(Math.max(data[0] ?? 255, data[2] ?? 255)).toBeLessThan(20);
    const manifest = JSON.parse(await readFile(path.join(root, 'e', 'vault', 'pages', blob?.sha256 ?? '', 'manifest.json'), 'utf8')) as { folder: string; files: { name: string; sha256: string }[] };
    expect(manifest.folder).toBe('退款规则_files');
    expect(manifest.files.map((f) => f.name).sort()).toEqual(['logo.png', 'site.css']);
    expect(await readFile(path.join(root, 'e', 'vault', 'pages', blob?.sha256 ?? '', sha256(css)))).toEqual(css);

    const folder = await vault('f', false).importFolder('case-1', dir);
    expect(folder.items.map((i) => i.blob.originalName)).toEqual(['保存的网页/退款规则.html']);
    const dropped = await vault('g', false).importBuffers(
      'case-1',
      [
        { name: '退款规则.html', lastModified: 0, bytes: Buffer.from(html) },
        { name: '退款规则_files/site.css', lastModified: 0, bytes: css },
        { name: '另一张截图.txt', lastModified: 0, bytes: Buffer.from('2024-01-02 03:04:05 昵称(10001)\n你好\n') },
      ],
      'drop',
    );
    expect(dropped.items.map((i) => [i.blob.originalName, i.blob.page?.resources ?? null])).toEqual([
      ['退款规则.html', 1],
      ['另一张截图.txt', null],
    ]);
  }, 60_000);
});


import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { promisify } from 'node:util';
import { POLICY_URL, gbk, mhtml, policyHtml } from '../support/pages';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles, writeFiles } from './steps';

const run = promisify(execFile);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
test.describe.configure({ timeout: 180_000 });

test('a saved 退款政策 page: URL, save time and clauses on the item, a rendered snapshot, a promised period as a deadline, search, and a bundle exhibit with its hash', async ({ app }) => {
  const { page } = app;
  // The day after the page was saved, on one clock for main and the page.
  await app.setClock(Date.UTC(2026, 11, 5, 2, 0, 0));
  await app.goto();
  await createCase(page, { title: '卡盟点卡退款', shop: '星辰卡盟', orderNumber: '20261115203107123456', amount: '99.00', platform: 'kameng' });

  // A page that tries to phone home: its tracker, stylesheet and script must never run or load.
  const bytes = mhtml({ html: policyHtml({ savedFrom: null, body: `${policyHtml({ savedFrom: null }).match(/<body>([\s\S]*)<\/body>/)?.[1] ?? ''}<script>fetch('https://tracker.example/x')</script><img src="https://tracker.example/p.gif">` }) });
  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-page-'));
  app.queueFileDialog(await writeFiles(dir, { '星辰卡盟 退款规则.mhtml': bytes }));
  await page.getByTestId('import-files').click();
  await expect(page.getByTestId('import-report')).toContainText('已导入 1 份证据');
  const card = page.getByTestId('evidence-card');
  await expect(card).toHaveCount(1);
  await expect.poll(() => card.locator('img').evaluate((el: HTMLImageElement) => el.naturalWidth), { timeout: 30_000 }).toBeGreaterThan(0);
  // Stored byte for byte under its hash.
  expect((await readFile(join(app.vaultDir, 'blobs', sha(bytes).slice(0, 2), sha(bytes)))).equals(bytes)).toBe(true);

  await card.click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer).toContainText(POLICY_URL);
  await expect(viewer).toContainText('2026-12-04 16:05:09');
  await expect(viewer).toContainText('网页文件记录的保存时间');
  await expect(viewer.getByTestId('evidence-sha')).toHaveText(sha(bytes));
  await expect(viewer.getByTestId('evidence-kind')).toHaveValue('policy');
  const clauses = viewer.getByTestId('refund-clause');
  await expect(clauses.filter({ hasText: '退款申请将在2个工作日内审核' })).toContainText('商家承诺时限：2个工作日内');
  await expect(clauses.filter({ hasText: '已使用的卡密不支持退款' })).toContainText('不支持退款');
  await expect.poll(() => viewer.getByTestId('page-snapshot').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(500);
  await app.screenshot('60-saved-page-viewer');

  // The shop's own promise becomes a deadline, counted from when the buyer applied.
  const promise = clauses.filter({ hasText: '2个工作日内审核' });
  await promise.getByTestId('clause-add-deadline').click();
  await promise.getByTestId('clause-deadline-from').fill('2026-12-04T10:00');
  await promise.getByTestId('clause-deadline-save').click();
  await expect(promise).toContainText('已添加期限');
  await page.keyboard.press('Escape');
  const deadline = page.getByTestId('deadline').filter({ hasText: '商家承诺2个工作日内' });
  await expect(deadline).toContainText('网页快照');
  await expect(deadline).toContainText('2026-12-08 23:59');
  await app.screenshot('61-deadline-from-page');

  // Its text is searchable.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('原路退回');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await page.getByTestId('search-hit').click();
  await expect(page.getByTestId('evidence-viewer')).toBeVisible();
  await page.keyboard.press('Escape');

  // The bundle exhibit: the printed page, with URL, save time, hash and the quoted clauses.
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  const out = join(await mkdtemp(join(tmpdir(), 'liuzheng-bundle-')), '证据包.pdf');
  app.queueSaveDialog(out);
  await dialog.getByTestId('export-pdf').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 90_000 });
  const text = (await run('pdftotext', ['-layout', out, '-'])).stdout.replace(/\s+/g, '');
  expect(text).toContain(POLICY_URL);
  expect(text).toContain(sha(bytes));
  expect(text).toContain('网页打印件');
  expect(text).toContain('退款申请将在2个工作日内审核，审核通过后原路退回。');
});

test('a dropped HTML save (GBK) becomes one page item; a cut-off MHTML is refused by name', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '网页快照' });
  await dropFiles(page, 'drop-zone', [
    { name: '退款规则.htm', bytes: Buffer.from(gbk(policyHtml({ charset: 'gbk' }))), type: 'text/html' },
    { name: '协议.mhtml', bytes: mhtml({ truncate: true }), type: 'multipart/related' },
  ]);
  await expect(page.getByTestId('import-report')).toContainText('协议.mhtml');
  await expect(page.getByTestId('import-report')).toContainText('不完整');
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);
  await page.getByTestId('evidence-card').click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer).toContainText(POLICY_URL);
  await expect(viewer).toContainText('文件中没有记录保存时间');
  await expect(viewer.getByTestId('refund-clause')).toHaveCount(4);
  await app.screenshot('62-html-page-viewer');
});

test('抓取网页: after the buyer confirms, a loopback page is captured into one item with its manifest; a file: URL is refused; the app window itself stays offline', async ({ app }) => {
  const { page } = app;
  const hits: string[] = [];
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url === '/go') return void res.writeHead(302, { location: '/rules' }).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<!doctype html><title>店铺规则</title><h1>退款规则</h1><p>已使用的卡密不支持退款。退款申请将在2个工作日内审核。</p>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    app.desktop.capturePolicy.allowHosts.push(host);
    app.desktop.capturePolicy.onlyHosts.push(host);
    await app.goto();
    await createCase(page, { title: '抓取店铺规则' });
    await page.getByTestId('open-capture').click();
    const dialog = page.getByTestId('capture-dialog');
    await dialog.getByTestId('capture-url').fill('file:///etc/passwd');
    await expect(dialog.getByTestId('capture-start')).toBeDisabled();
    await dialog.getByTestId('capture-confirm').check();
    await dialog.getByTestId('capture-start').click();
    await expect(dialog.getByTestId('capture-error')).toContainText('只能抓取 http 或 https 网页');
    await dialog.getByTestId('capture-url').fill(`http://${host}/go`);
    await app.screenshot('63-capture-dialog');
    await dialog.getByTestId('capture-start').click();
    await expect(dialog).toHaveCount(0, { timeout: 60_000 });
    await expect(page.getByTestId('evidence-card')).toHaveCount(1);
    await page.getByTestId('evidence-card').click();
    const viewer = page.getByTestId('evidence-viewer');
    await expect(viewer).toContainText(`http://${host}/rules`);
    await expect(viewer).toContainText('抓取网页');
    await expect(viewer.getByTestId('refund-clause').first()).toBeVisible();
    await app.screenshot('64-captured-page');
    expect(hits).toContain('/go');
    expect(hits).toContain('/rules');
    await page.keyboard.press('Escape');

    // Its exhibit: the manifest's facts, then the screenshot taken at capture time (not a new print).
    await page.getByTestId('open-export').click();
    const exportDialog = page.getByTestId('export-dialog');
    const out = join(await mkdtemp(join(tmpdir(), 'liuzheng-bundle-')), '证据包.pdf');
    app.queueSaveDialog(out);
    await exportDialog.getByTestId('export-pdf').click();
    await expect(exportDialog.getByTestId('export-result')).toBeVisible({ timeout: 90_000 });
    const text = (await run('pdftotext', ['-layout', out, '-'])).stdout.replace(/\s+/g, '');
    expect(text).toContain(`http://${host}/go`);
    expect(text).toMatch(/抓取时保存的screenshot\.png（SHA-256[0-9a-f]{64}，与抓取清单一致）/);
    expect(text).not.toContain('网页打印件');
    expect(text).toContain('已使用的卡密不支持退款');
  } finally {
    server.close();
  }
});

import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { chatSvg, decompressionBomb, jpeg, orderPageSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles, pasteImage, writeFiles } from './steps';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('a buyer creates a case, imports by dialog, sees thumbnails and a duplicate warning, and finds it all after a reload', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await expect(page.getByText('还没有案件')).toBeVisible();
  await app.screenshot('01-empty-case-list');

  await createCase(page, { title: '游戏点卡卡密无效', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.9', platform: 'kameng' });
  await expect(page.getByTestId('evidence-empty')).toBeVisible();

  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-src-'));
  const order = await png(orderPageSvg());
  const chat = await jpeg(chatSvg());
  const paths = await writeFiles(dir, { 'Screenshot_20261117_120304.png': order, '微信图片_20261116211405.jpg': chat });
  app.queueFileDialog(paths);
  await page.getByTestId('import-files').click();

  await expect(page.getByTestId('import-report')).toContainText('已导入 2 份证据');
  const cards = page.getByTestId('evidence-card');
  await expect(cards).toHaveCount(2);
  await expect(cards.locator('img')).toHaveCount(2);
  for (const img of await cards.locator('img').all()) await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  await expect(page.getByTestId('timeline')).toContainText('添加证据');
  await app.screenshot('02-case-page-with-evidence');

  // The original is stored byte-identical under its own hash.
  const stored = await readFile(join(app.vaultDir, 'blobs', sha(order).slice(0, 2), sha(order)));
  expect(stored.equals(order)).toBe(true);

  // Capture time comes from the file name, and says so.
  await cards.filter({ hasText: 'Screenshot_20261117_120304' }).click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer).toContainText('2026-11-17 12:03:04');
  await expect(viewer).toContainText('文件名');
  await expect(viewer.getByTestId('evidence-sha')).toHaveText(sha(order));
  await expect.poll(() => viewer.getByTestId('viewer-image').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(500);
  await app.screenshot('03-evidence-viewer');
  await page.keyboard.press('Escape');

  // Same bytes again, under another name: detected, not stored twice.
  const again = await writeFiles(dir, { 'copy-of-order.png': order });
  app.queueFileDialog(again);
  await page.getByTestId('import-files').click();
  await expect(page.getByTestId('import-duplicate')).toContainText('已在案件「游戏点卡卡密无效」中');
  await expect(cards).toHaveCount(2);
  const blobDirs = await readdir(join(app.vaultDir, 'blobs'));
  const blobCount = (await Promise.all(blobDirs.map((d) => readdir(join(app.vaultDir, 'blobs', d))))).flat().length;
  expect(blobCount).toBe(2);
  await app.screenshot('04-duplicate-warning');

  await page.reload();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  await expect(page.getByTestId('case-row')).toContainText('2 份证据');
  await expect(page.getByTestId('case-row')).toContainText('卡盟/发卡网');
  await app.screenshot('05-case-list');
  await page.getByTestId('case-row').click();
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
});

test('a broken batch reports each bad file by name and imports the rest', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '重复扣款' });
  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-bad-'));
  const good = await png(orderPageSvg({ order: '250101-123456789012345' }));
  const jpg = await jpeg(chatSvg());
  const paths = await writeFiles(dir, {
    'empty.png': Buffer.alloc(0),
    'truncated.jpg': jpg.subarray(0, Math.floor(jpg.length / 2)),
    'bomb.png': decompressionBomb(),
    'notes-really.png': '这不是图片',
    'good.png': good,
  });
  app.queueFileDialog(paths);
  await page.getByTestId('import-files').click();

  const report = page.getByTestId('import-report');
  await expect(report).toContainText('已导入 1 份证据');
  const failures = page.getByTestId('import-failure');
  await expect(failures).toHaveCount(4);
  await expect(failures.filter({ hasText: 'empty.png' })).toContainText('文件是空的');
  await expect(failures.filter({ hasText: 'truncated.jpg' })).toContainText('已损坏');
  await expect(failures.filter({ hasText: 'bomb.png' })).toContainText('解压炸弹');
  await expect(failures.filter({ hasText: 'notes-really.png' })).toBeVisible();
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);
  await app.screenshot('06-import-errors');
  // Nothing half-written is left behind.
  expect(await readdir(join(app.vaultDir, 'tmp')).catch(() => [])).toEqual([]);
});

test('drag and drop, clipboard paste and folder import all land in the case', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '未收到货', platform: 'pdd' });

  await dropFiles(page, 'drop-zone', [
    { name: 'IMG_20261117_120304.png', bytes: await png(orderPageSvg({ order: '261115-123456789012345' })), type: 'image/png' },
    { name: '物流截图.jpg', bytes: await jpeg(chatSvg([['them', '快递已签收']])), type: 'image/jpeg' },
  ]);
  await expect(page.getByTestId('import-report')).toContainText('已导入 2 份证据');
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
  await expect(page.getByTestId('evidence-card').filter({ hasText: '物流截图' })).toContainText('物流信息');

  await pasteImage(page, await png(chatSvg([['me', '我要退款'], ['them', '好的亲']])));
  await expect(page.getByTestId('evidence-card')).toHaveCount(3);
  await expect(page.getByTestId('evidence-card').filter({ hasText: '剪贴板截图' })).toHaveCount(1);

  const root = await mkdtemp(join(tmpdir(), 'liuzheng-folder-'));
  await writeFiles(root, {
    '证据/订单/订单详情.png': await png(orderPageSvg({ order: '1234567890123456789' })),
    '证据/聊天/客服聊天.jpg': await jpeg(chatSvg([['them', '请耐心等待']])),
    '证据/.DS_Store': 'junk',
  });
  app.queueFolderDialog(join(root, '证据'));
  await page.getByTestId('import-folder').click();
  await expect(page.getByTestId('evidence-card')).toHaveCount(5);
  await expect(page.getByTestId('evidence-card').filter({ hasText: '客服聊天' })).toContainText('聊天记录');
  await app.screenshot('07-all-import-paths');
});

test('evidence can be described, moved to another case, and the UI switches to English', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '案件甲' });
  await page.getByTestId('new-case').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await createCase(page, { title: '案件乙' });
  await dropFiles(page, 'drop-zone', [{ name: 'shot.png', bytes: await png(orderPageSvg()), type: 'image/png' }]);
  await page.getByTestId('evidence-card').click();

  const viewer = page.getByTestId('evidence-viewer');
  await viewer.getByTestId('evidence-kind').selectOption('order');
  await viewer.getByTestId('evidence-title').fill('订单详情页');
  await viewer.getByTestId('evidence-note').fill('证明付款 149.90 元');
  await viewer.getByTestId('evidence-save').click();
  await expect(viewer.getByTestId('evidence-save')).toHaveText('已保存');
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('evidence-card')).toContainText('订单详情页');
  await expect(page.getByTestId('evidence-card')).toContainText('订单页面');

  await page.getByTestId('evidence-card').click();
  await viewer.getByTestId('evidence-move').selectOption({ label: '案件甲' });
  await expect(page.getByTestId('evidence-empty')).toBeVisible();
  await expect(page.getByTestId('timeline')).toContainText('移出证据');
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await page.getByTestId('case-row').filter({ hasText: '案件甲' }).click();
  await expect(page.getByTestId('evidence-card')).toContainText('订单详情页');

  await page.getByTestId('language-switch').click();
  await expect(page.getByTestId('import-files')).toContainText('Add files');
  await page.reload();
  await expect(page.getByRole('button', { name: /New case/ })).toBeVisible();
  await app.screenshot('08-english-case-list');
});

test('an import interrupted after the write is recovered on the next start and reported', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '中断测试' });
  // Main stored the blob, then the app died before the renderer recorded it.
  await app.vault().importBuffers('no-such-case', [{ name: 'lost.png', lastModified: Date.now(), bytes: await png(orderPageSvg()) }], 'drop');
  await app.restartMain();
  await expect(page.getByTestId('vault-notice')).toContainText('恢复了 1 份中断导入的证据');
  await expect(page.getByTestId('case-row').filter({ hasText: '恢复的证据' })).toContainText('1 份证据');
  await app.screenshot('09-recovered-after-crash');
});

test('the bridge refuses malformed arguments, unknown channels and calls from other frames', async ({ app }) => {
  const { page } = app;
  await app.goto();
  const results = await page.evaluate(async () => {
    const w = window as unknown as { __liuzhengInvoke: (c: string, p: unknown) => Promise<{ ok: boolean; error?: { code: string } }> };
    return {
      malformed: await w.__liuzhengInvoke('vault:readThumbnail', { sha256: '../../etc/passwd' }),
      extraKey: await w.__liuzhengInvoke('vault:importFiles', { caseId: 'a', path: '/etc' }),
      unknown: await w.__liuzhengInvoke('fs:readFile', { path: '/etc/passwd' }),
    };
  });
  expect(results.malformed.error?.code).toBe('invalid-request');
  expect(results.extraKey.error?.code).toBe('invalid-request');
  expect(results.unknown.error?.code).toBe('unknown-channel');

  const fromFrame = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<p>x</p>';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const w = frame.contentWindow as unknown as { __liuzhengInvoke: (c: string, p: unknown) => Promise<{ error?: { code: string } }> };
    return w.__liuzhengInvoke('vault:info', {});
  });
  expect(fromFrame.error?.code).toBe('untrusted-sender');

  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
});

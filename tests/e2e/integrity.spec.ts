// Integrity, end to end: the case history with a valid hash chain, the 30-day trash, 校验证据库 on
// a blob corrupted on disk, and verifying a folder export from the UI.
import { createHash } from 'node:crypto';
import { chmod, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chatSvg, orderPageSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

test.describe.configure({ timeout: 180_000 });
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const DAY = 24 * 60 * 60 * 1000;

async function dropTwo(page: Page): Promise<{ order: Buffer; chat: Buffer }> {
  const order = await png(orderPageSvg());
  const chat = await png(chatSvg());
  await dropFiles(page, 'drop-zone', [
    { name: 'Screenshot_20261117_120304.png', bytes: order, type: 'image/png' },
    { name: '微信聊天_20261116.png', bytes: chat, type: 'image/png' },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
  return { order, chat };
}

async function corrupt(file: string): Promise<void> {
  await chmod(file, 0o644);
  const bytes = await readFile(file);
  bytes.writeUInt8((bytes.at(300) ?? 0) ^ 0xff, 300);
  await writeFile(file, bytes);
}

test('import → edit → delete shows in 历史 with a valid chain; the trash restores, then purges after 30 days', async ({ app }) => {
  const { page } = app;
  page.on('dialog', (d) => void d.accept());
  await app.goto();
  await createCase(page, { title: '游戏点卡卡密无效', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.9' });
  await dropTwo(page);

  const cards = page.getByTestId('evidence-card');
  await cards.filter({ hasText: 'Screenshot_20261117_120304' }).click();
  const viewer = page.getByTestId('evidence-viewer');
  await viewer.getByTestId('evidence-title').fill('订单详情截图');
  await viewer.getByTestId('evidence-save').click();
  await page.keyboard.press('Escape');
  await cards.filter({ hasText: '微信聊天' }).click();
  await viewer.getByRole('button', { name: '移出证据库' }).click();
  await expect(cards).toHaveCount(1);

  const history = page.getByTestId('case-history');
  const rows = history.getByTestId('history-row');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toHaveAttribute('data-action', 'delete');
  expect(await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-action')))).toEqual(['delete', 'edit', 'import', 'import', 'case']);
  await expect(history).toContainText('标题：Screenshot_20261117_120304 → 订单详情截图');
  await expect(history.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
  await expect(rows.locator('.entry-ok')).toHaveCount(5);
  await history.scrollIntoViewIfNeeded();
  await app.screenshot('integrity-01-case-history');

  // The trash lists it with 30 days left; restoring puts the record and the original back.
  await page.getByTestId('nav-integrity').click();
  const item = page.getByTestId('trash-item');
  await expect(item).toHaveCount(1);
  await expect(item).toContainText('微信聊天_20261116');
  await expect(item.getByTestId('trash-days')).toHaveText('还剩 30 天');
  await app.screenshot('integrity-02-trash');
  await item.getByTestId('trash-restore').click();
  await expect(page.getByTestId('integrity-notice')).toContainText('已恢复「微信聊天_20261116」到案件「游戏点卡卡密无效」');
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.getByRole('button', { name: /返回/ }).first().click();
  await page.getByText('游戏点卡卡密无效').first().click();
  await expect(cards).toHaveCount(2);

  // Deleted again, then 31 days pass: the next start purges it, and the log says so.
  await cards.filter({ hasText: '微信聊天' }).click();
  await viewer.getByRole('button', { name: '移出证据库' }).click();
  await expect(cards).toHaveCount(1);
  await app.setClock(Date.now() + 31 * DAY);
  await page.reload();
  await page.getByTestId('nav-integrity').click();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  expect(await readdir(join(app.vaultDir, 'trash'))).toEqual([]);
  await page.getByRole('button', { name: /返回/ }).first().click();
  await page.getByText('游戏点卡卡密无效').first().click();
  await expect(rows.first()).toHaveAttribute('data-action', 'purge');
  await expect(history.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');

  // Someone edits the log on disk: the history says the chain is broken and marks the entry.
  const log = join(app.vaultDir, 'audit', 'log.jsonl');
  await writeFile(log, (await readFile(log, 'utf8')).replace('订单详情截图', '伪造的标题'));
  await page.reload();
  await page.getByText('游戏点卡卡密无效').first().click();
  await expect(history.getByTestId('chain-status')).toHaveAttribute('data-intact', 'false');
  await expect(history.locator('[data-status="edited"]')).toHaveCount(1);
});

test('a log cut short on disk reads as 记录被截断, from the head kept in IndexedDB', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '截断测试', shop: '店', orderNumber: '3456789012345678901', amount: '10' });
  await dropTwo(page);
  const history = page.getByTestId('case-history');
  await expect(history.locator('[data-action="import"]')).toHaveCount(2);
  await expect(history.getByTestId('chain-status')).toHaveAttribute('data-intact', 'true');
  // The head the renderer saw is in IndexedDB now; drop the last two lines of the log.
  const log = join(app.vaultDir, 'audit', 'log.jsonl');
  const lines = (await readFile(log, 'utf8')).trim().split('\n');
  await writeFile(log, `${lines.slice(0, -2).join('\n')}\n`);
  await page.reload();
  await page.getByText('截断测试').first().click();
  await expect(history.getByTestId('chain-status')).toHaveAttribute('data-finding', 'truncated');
  await expect(history.getByTestId('chain-status')).toContainText('记录被截断');
  await app.screenshot('integrity-07-log-truncated');
});

test('校验证据库 reports a blob corrupted on disk, and quarantines it only after confirming', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '耳机描述不符', shop: '声学旗舰店', orderNumber: '4567890123456789012', amount: '299' });
  const { order } = await dropTwo(page);
  const blob = join(app.vaultDir, 'blobs', sha(order).slice(0, 2), sha(order));
  await corrupt(blob);

  await page.getByTestId('nav-integrity').click();
  await page.getByTestId('integrity-tab-check').click();
  await page.getByTestId('vault-check-start').click();
  const report = page.getByTestId('vault-check-report');
  await expect(report.getByTestId('vault-check-summary')).toHaveText('一致 1 份 · 不一致 1 份 · 丢失 0 份 · 无记录 0 份');
  const mismatch = report.getByTestId('check-mismatch');
  await expect(mismatch).toContainText('Screenshot_20261117_120304');
  await expect(mismatch).toContainText(sha(order));
  await app.screenshot('integrity-03-vault-check');

  // Declining the confirmation moves nothing.
  page.once('dialog', (d) => void d.dismiss());
  await mismatch.getByTestId('check-quarantine').click();
  await expect(mismatch).toBeVisible();
  expect((await readFile(blob)).length).toBeGreaterThan(0);
  page.once('dialog', (d) => void d.accept());
  await mismatch.getByTestId('check-quarantine').click();
  await expect(report.getByTestId('check-missing')).toContainText('Screenshot_20261117_120304');
  const kept = await readdir(join(app.vaultDir, 'quarantine'));
  expect(kept).toHaveLength(1);
});

test('verifying a folder export in the UI: all match, then a changed copy is flagged', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '会员未到账', shop: '影音会员店', orderNumber: '5678901234567890123', amount: '25' });
  await dropTwo(page);

  const parent = await mkdtemp(join(tmpdir(), 'liuzheng-export-'));
  app.queueFolderDialog(parent);
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-folder').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 90_000 });
  await page.keyboard.press('Escape');
  const exportRow = page.getByTestId('case-history').locator('[data-action="export"]');
  await expect(exportRow).toHaveCount(1);
  await expect(exportRow).toContainText('文件夹：会员未到账-证据材料.pdf（2 份证据）');
  const [folderName] = await readdir(parent);
  const folder = join(parent, folderName ?? '');

  await page.getByTestId('nav-integrity').click();
  await page.getByTestId('integrity-tab-verify').click();
  app.queueFolderDialog(folder);
  await page.getByTestId('verify-folder').click();
  const report = page.getByTestId('verify-report');
  // Two verdicts: the PDF itself (signed by this vault, every check passed), then the copies.
  await expect(report.getByTestId('verify-pdf-verdict')).toHaveAttribute('data-intact', 'true');
  await expect(report.getByTestId('verify-pdf-verdict')).toContainText('PDF 自导出后未被改动，由本证据库签名。');
  await expect(report.locator('[data-testid="verify-check"][data-ok="false"]')).toHaveCount(0);
  await expect(report.getByTestId('verify-summary')).toContainText('✓ 全部 2 份原件一致。');
  await expect(report.getByTestId('verify-item')).toHaveCount(2);
  await app.screenshot('integrity-04-verify-folder');

  // The PDF beside the copies carries its own manifest, checked against the vault's originals.
  const pdf = (await readdir(folder)).find((f) => f.endsWith('.pdf'));
  app.queueFileDialog([join(folder, pdf ?? '')]);
  await page.getByTestId('verify-pdf').click();
  await expect(report).toContainText('PDF · 会员未到账');
  await expect(report.getByTestId('verify-summary')).toContainText('✓ 全部 2 份原件一致。');
  await expect(report.getByTestId('verify-summary')).toContainText('与本机证据库比对');

  // Bytes added after signing: the PDF verdict fails and names it; the manifest's text is not shown as verified.
  const forged = join(parent, 'forged.pdf');
  await writeFile(forged, Buffer.concat([await readFile(join(folder, pdf ?? '')), Buffer.from('\n%appended\n')]));
  app.queueFileDialog([forged]);
  await page.getByTestId('verify-pdf').click();
  await expect(report.getByTestId('verify-pdf-verdict')).toHaveAttribute('data-intact', 'false');
  await expect(report.locator('[data-check="signature"]')).toContainText('签名后文件被增删了字节');
  await expect(report.getByTestId('verify-unverified')).toBeVisible();
  await expect(report).not.toContainText('PDF · 会员未到账');
  await app.screenshot('integrity-06-verify-forged');

  const copy = (await readdir(folder)).find((f) => f.startsWith('证据1-'));
  await writeFile(join(folder, copy ?? ''), 'replaced');
  app.queueFolderDialog(folder);
  await page.getByTestId('verify-folder').click();
  await expect(report.getByTestId('verify-summary')).toContainText('⚠ 1 / 2 份原件不一致或缺失。');
  await expect(report.locator('[data-status="mismatch"]')).toContainText('证据1');
  await app.screenshot('integrity-05-verify-mismatch');

  // Bad input: a folder that is not an export gives a clear message naming it.
  app.queueFolderDialog(parent);
  await page.getByTestId('verify-folder').click();
  await expect(page.getByTestId('integrity-error')).toContainText('no manifest.json');
});

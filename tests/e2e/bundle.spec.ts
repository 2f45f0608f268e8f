import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { ocrStore } from '../../electron/main/ocr/store';
import { vaultLayout } from '../../electron/main/vault/layout';
import { redactionTargets } from '../../shared/bundle/redact';
import { receiverSvg, RECEIVER_PHONE_ROW } from '../support/receiverScreen';
import { orderPageSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, fillComplaint, dropFiles } from './steps';

const run = promisify(execFile);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
test.describe.configure({ timeout: 180_000 });

test('导出证据包: 12315 fields block until filled, then a real PDF with Chinese text and the hash is written', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '点卡卡密无效投诉', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90', item: 'XX游戏点卡 100元', purchasedAt: '2026-11-15T20:31' });
  const shot = await png(orderPageSvg(), 2);
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_120304.png', bytes: shot, type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-target').selectOption('12315');
  // The first preflight encodes the exhibit while OCR of it still runs: tens of seconds on a loaded 2-core machine.
  await expect(dialog.getByTestId('export-blocking')).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('export-missing')).toBeVisible();
  await app.screenshot('20-export-dialog');
  // The page and main run on the real clock here, so the day the harm was known is today's (Asia/Shanghai).
  await fillComplaint(dialog, { knewOfHarmAt: new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10), place: '淘宝 星辰数码专营店' });
  await dialog.getByTestId('export-request').fill('全额退款 149.90 元');
  await expect(dialog.getByTestId('export-blocking')).toHaveCount(0);

  const out = join(await mkdtemp(join(tmpdir(), 'liuzheng-bundle-')), '证据包.pdf');
  app.queueSaveDialog(out);
  await dialog.getByTestId('export-pdf').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
  expect((await stat(out)).size).toBeGreaterThan(10_000);
  const { stdout } = await run('pdftotext', ['-layout', out, '-']);
  expect(stdout).toContain('点卡卡密无效投诉');
  expect(stdout).toContain('投诉');
  expect(stdout).toContain(createHash('sha256').update(shot).digest('hex'));
  const fonts = (await run('pdffonts', [out])).stdout;
  expect(fonts).toMatch(/yes\s+yes/);
});

/** Mean grey (0–255) of a region of an image file. */
async function meanGrey(file: string, r: { left: number; top: number; width: number; height: number }): Promise<number> {
  const data = await sharp(file).extract(r).greyscale().raw().toBuffer();
  return data.reduce((s, v) => s + v, 0) / Math.max(1, data.length);
}

// The order number row of orderPageSvg at scale 2, in original pixels: what the buyer draws over.
const ORDER_ROW = { x0: 60, y0: 1004, x1: 720, y1: 1056 };

test('遮挡: a drawn rectangle and an OCR-found phone number are burned out of the exported images; the originals stay', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '收货信息遮挡测试', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90' });
  const order = await png(orderPageSvg(), 2);
  const receiver = await png(receiverSvg(), 2);
  await dropFiles(page, 'drop-zone', [
    { name: 'Screenshot_20261117_120304.png', bytes: order, type: 'image/png' },
    { name: 'Screenshot_20261117_130000.png', bytes: receiver, type: 'image/png' },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-redact').check();
  // OCR runs in the background; the phone number (and the receiver's name and address) appear when it is done.
  await expect.poll(async () => Number(await dialog.getByTestId('redact-total').getAttribute('data-count')), { timeout: 120_000 }).toBeGreaterThanOrEqual(2);
  await dialog.getByTestId('open-redaction').click();
  const step = dialog.getByTestId('redaction-step');
  const orderCard = step.locator(`[data-testid="redact-exhibit"][data-sha="${sha(order)}"]`);
  const receiverCard = step.locator(`[data-testid="redact-exhibit"][data-sha="${sha(receiver)}"]`);
  await expect(receiverCard.getByTestId('redact-auto-toggle').first()).toBeVisible();
  await expect(receiverCard).toContainText('13912345678');
  await expect(orderCard.locator('img')).toBeVisible();

  // Draw over the order number at whatever scale the preview has; then a stray box, deleted again.
  const layer = orderCard.getByTestId('redact-layer');
  const box = await layer.boundingBox();
  if (!box) throw new Error('no preview');
  const k = box.width / 1080;
  const drag = async (a: { x: number; y: number }, b: { x: number; y: number }) => {
    await page.mouse.move(box.x + a.x * k, box.y + a.y * k);
    await page.mouse.down();
    await page.mouse.move(box.x + b.x * k, box.y + b.y * k, { steps: 6 });
    await page.mouse.up();
  };
  await drag({ x: ORDER_ROW.x0, y: ORDER_ROW.y0 }, { x: ORDER_ROW.x1, y: ORDER_ROW.y1 });
  await drag({ x: 100, y: 1500 }, { x: 400, y: 1700 });
  await expect(orderCard.getByTestId('redact-drawn-box')).toHaveCount(2);
  await orderCard.getByTestId('redact-drawn-remove').nth(1).click();
  await expect(orderCard.getByTestId('redact-drawn-box')).toHaveCount(1);
  await expect(orderCard.getByTestId('redact-count')).toHaveText('遮挡 1 处');
  // Stored in original pixels: within a preview pixel of where the drag was aimed.
  const coords = (await orderCard.getByTestId('redact-drawn-item').locator('.mono').textContent()) ?? '';
  const [x0, y0, x1, y1] = coords.split(/[,–\s]+/).filter(Boolean).map(Number);
  for (const [got, want] of [[x0, ORDER_ROW.x0], [y0, ORDER_ROW.y0], [x1, ORDER_ROW.x1], [y1, ORDER_ROW.y1]] as const) expect(Math.abs((got ?? -99) - want)).toBeLessThanOrEqual(Math.ceil(1 / k) + 1);
  // The step from its top: the hint, then the receiver screenshot's OCR areas under the order page's drawn one.
  await step.evaluate((el) => el.closest('.modal')?.scrollTo(0, 0));
  await app.screenshot('40-redaction-step');
  await receiverCard.scrollIntoViewIfNeeded();
  await app.screenshot('40b-redaction-step-ocr');
  await step.getByTestId('redaction-done').click();
  await expect(dialog.getByTestId('redact-total')).toBeVisible();
  await app.screenshot('41-export-redaction-summary');

  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-redact-'));
  const out = join(dir, '遮挡.pdf');
  app.queueSaveDialog(out);
  await dialog.getByTestId('export-pdf').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });

  await run('pdfimages', ['-png', out, join(dir, 'img')]);
  const [orderImg, receiverImg] = (await readdir(dir)).filter((f) => f.startsWith('img')).sort().map((f) => join(dir, f));
  // Embedded at phone width (1080), so original pixels map one to one.
  expect((await sharp(orderImg ?? '').metadata()).width).toBe(1080);
  expect(await meanGrey(orderImg ?? '', { left: ORDER_ROW.x0 + 8, top: ORDER_ROW.y0 + 8, width: ORDER_ROW.x1 - ORDER_ROW.x0 - 16, height: ORDER_ROW.y1 - ORDER_ROW.y0 - 16 })).toBeLessThan(12);
  // The next row (支付宝交易号) was not drawn over and keeps its text on white.
  expect(await meanGrey(orderImg ?? '', { left: 70, top: 1130, width: 600, height: 30 })).toBeGreaterThan(180);
  const phone = await phoneBox(app.vaultDir, sha(receiver));
  expect(await meanGrey(receiverImg ?? '', { left: Math.ceil(phone.x0) + 2, top: Math.ceil(phone.y0) + 2, width: Math.floor(phone.x1 - phone.x0) - 4, height: Math.floor(phone.y1 - phone.y0) - 4 })).toBeLessThan(12);
  // Only the number: its label, left of it on the same line, is still dark text on white.
  expect(phone.y0).toBeLessThan(2 * RECEIVER_PHONE_ROW.y1);
  expect(phone.y1).toBeGreaterThan(2 * RECEIVER_PHONE_ROW.y0);
  expect(await meanGrey(receiverImg ?? '', { left: 72, top: Math.ceil(phone.y0), width: Math.floor(phone.x0) - 90, height: Math.floor(phone.y1 - phone.y0) })).toBeGreaterThan(150);
  // The originals in the vault are the bytes that were dropped.
  for (const bytes of [order, receiver]) {
    const digest = sha(bytes);
    expect(sha(await readFile(vaultLayout(app.vaultDir).blob(digest)))).toBe(digest);
  }
});

async function phoneBox(vaultDir: string, digest: string): Promise<{ x0: number; y0: number; x1: number; y1: number }> {
  const result = await ocrStore(vaultDir).readResult(digest);
  const target = redactionTargets(result?.words ?? []).find((t) => t.kind === 'phone');
  if (!target) throw new Error('OCR found no phone number on the receiver screenshot');
  return target.box;
}

test('导出案件文件夹 and 导入案件: the folder holds case.json and the originals, and comes back as the same case', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '点卡未到账', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90' });
  const order = await png(orderPageSvg(), 2);
  const receiver = await png(receiverSvg(), 2);
  await dropFiles(page, 'drop-zone', [
    { name: 'Screenshot_20261117_120304.png', bytes: order, type: 'image/png' },
    { name: 'Screenshot_20261117_130000.png', bytes: receiver, type: 'image/png' },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);

  const parent = await mkdtemp(join(tmpdir(), 'liuzheng-casefolder-'));
  app.queueFolderDialog(parent);
  await page.getByTestId('export-case-folder').click();
  await expect(page.getByTestId('portable-result')).toHaveAttribute('data-kind', 'exported');
  const folder = join(parent, '点卡未到账');
  const caseJson = JSON.parse(await readFile(join(folder, 'case.json'), 'utf8'));
  expect(caseJson).toMatchObject({ title: '点卡未到账', platform: 'taobao', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90' });
  expect(caseJson.evidence.map((e: { file: string }) => e.file)).toEqual(['Screenshot_20261117_120304.png', 'Screenshot_20261117_130000.png']);
  expect(sha(await readFile(join(folder, 'Screenshot_20261117_120304.png')))).toBe(sha(order));
  expect(sha(await readFile(join(folder, 'Screenshot_20261117_130000.png')))).toBe(sha(receiver));

  // A broken case.json is refused with the field named, and nothing is created.
  const bad = await mkdtemp(join(tmpdir(), 'liuzheng-badcase-'));
  await writeFile(join(bad, 'case.json'), JSON.stringify({ ...caseJson, evidence: [{ file: '../../etc/passwd', kind: 'order' }] }));
  await page.getByRole('button', { name: /返回|Back/ }).click();
  await expect(page.getByTestId('case-row')).toHaveCount(1);
  app.queueFolderDialog(bad);
  await page.getByTestId('import-case').click();
  await expect(page.getByTestId('portable-error')).toContainText('evidence[0].file "../../etc/passwd" is outside the case folder');
  await expect(page.getByTestId('case-row')).toHaveCount(1);

  app.queueFolderDialog(folder);
  await page.getByTestId('import-case').click();
  await expect(page.getByTestId('portable-result')).toHaveAttribute('data-kind', 'imported');
  await expect(page.getByTestId('case-title')).toHaveText('点卡未到账');
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
  await expect(page.locator('.case-facts')).toContainText('3456789012345678901');
  await expect(page.locator('.case-facts')).toContainText('¥149.90');
  const shas = await page.getByTestId('evidence-card').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-sha')).sort());
  expect(shas).toEqual([sha(order), sha(receiver)].sort());
  await app.screenshot('42-case-imported');
});

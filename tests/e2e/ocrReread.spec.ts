// 设置 → 文字识别 → 重新识别全部证据 (issue 11): a screenshot an older build read with tesseract.js
// is read again by the real engine in the background, and the buyer's correction of a field survives.
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test } from './harness/fixture';
import { orderPageSvg, png } from '../support/screens';
import { createCase, dropFiles } from './steps';

test.describe.configure({ timeout: 240_000 });
const OCR_WAIT = { timeout: 120_000 };

test('re-reading all evidence with the new engine runs in the background and keeps corrections', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '重新识别' });
  const bytes = await png(orderPageSvg(), 2);
  const sha = createHash('sha256').update(bytes).digest('hex');
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_120304.png', bytes, type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toContainText('订单页面', OCR_WAIT);

  // The buyer corrects the amount.
  await page.getByTestId('evidence-card').click();
  const rows = page.getByTestId('evidence-viewer').getByTestId('field-row');
  const amount = rows.and(page.locator('[data-type="amount"]'));
  await amount.getByTestId('field-edit').click();
  await amount.getByTestId('field-edit-input').fill('149.00');
  await amount.getByTestId('field-edit-save').click();
  await expect(amount).toContainText('已修改');
  await page.keyboard.press('Escape');

  // As an older build would have stored it: read by tesseract.js.
  const resultFile = join(app.vaultDir, 'ocr', `${sha}.json`);
  const old = JSON.parse(await readFile(resultFile, 'utf8')) as Record<string, unknown>;
  await writeFile(resultFile, JSON.stringify({ ...old, kind: 'tesseract', engine: 'tesseract.js 7.0.0 chi_sim+eng 4.0.0 psm 6' }));

  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-ocr');
  await section.scrollIntoViewIfNeeded();
  await expect(section.getByRole('button', { name: '重新识别全部证据' })).toBeVisible();
  await section.getByTestId('ocr-reread-start').click();
  await expect(section.getByTestId('ocr-reread-result')).toContainText('已加入识别队列：1 张截图', OCR_WAIT);
  await app.screenshot('ocr-reread-settings');
  await expect.poll(async () => (JSON.parse(await readFile(resultFile, 'utf8')) as { kind: string }).kind, OCR_WAIT).toBe('paddle');

  // Asked again, nothing is left to read.
  await section.getByTestId('ocr-reread-start').click();
  await expect(section.getByTestId('ocr-reread-result')).toContainText('全部截图都已由新引擎识别');

  // The correction is still there on the freshly read fields.
  await page.locator('.topbar-nav').getByRole('button', { name: /返回/ }).click();
  await page.getByTestId('case-row').click();
  await page.getByTestId('evidence-card').click();
  await expect(rows.filter({ hasText: '149.00' })).toContainText('已修改');
  await expect(rows.filter({ hasText: '3456789012345678901' })).toHaveCount(1);
});

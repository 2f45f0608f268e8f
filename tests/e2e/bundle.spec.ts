import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtemp, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { orderPageSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

const run = promisify(execFile);
test.describe.configure({ timeout: 180_000 });

test('导出证据包: 12315 fields block until filled, then a real PDF with Chinese text and the hash is written', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '点卡卡密无效投诉', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90' });
  const shot = await png(orderPageSvg(), 2);
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_120304.png', bytes: shot, type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-target').selectOption('12315');
  await expect(dialog.getByTestId('export-blocking')).toBeVisible();
  await expect(dialog.getByTestId('export-missing')).toBeVisible();
  await app.screenshot('20-export-dialog');
  await dialog.getByTestId('complainant-name').fill('张三');
  await dialog.getByTestId('complainant-phone').fill('13800138000');
  await dialog.getByTestId('complainant-address').fill('上海市浦东新区张江路1号');
  await dialog.getByTestId('respondent-address').fill('浙江省杭州市余杭区文一西路969号');
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

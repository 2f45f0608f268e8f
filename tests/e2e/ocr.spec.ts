import { expect, test } from './harness/fixture';
import { chatSvg, orderListSvg, orderPageSvg, png } from '../support/screens';
import { createCase, dropFiles } from './steps';

// The real default engine (PP-OCR, tesseract.js if onnxruntime cannot load) in the test process:
// recognition takes seconds, not milliseconds.
test.describe.configure({ timeout: 180_000 });
const OCR_WAIT = { timeout: 90_000 };

const QQ_EXPORT = [
  '消息记录(此消息记录为文本格式,不支持重新导入)',
  '================================================================',
  '消息分组:我的好友',
  '================================================================',
  '消息对象:星辰数码客服',
  '================================================================',
  '',
  '2026-11-16 21:14:05 我(10001)',
  '卡密提示已被使用,订单号3456789012345678901',
  '',
  '2026-11-16 21:20:41 星辰数码客服(20002)',
  '亲，退款需要先交200元保证金才能解冻退款通道，请扫码支付',
  '',
].join('\r\n');

test('a screenshot is OCR’d in the background; its fields are highlighted, corrected, fill the case and reach the timeline and search', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '卡密无效待核实' });
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_120304.png', bytes: await png(orderPageSvg(), 2), type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);

  // The grid never waits for OCR; the kind follows the page once it is read.
  await expect(page.getByTestId('evidence-card')).toContainText('订单页面', OCR_WAIT);
  await page.getByTestId('evidence-card').click();
  const viewer = page.getByTestId('evidence-viewer');
  const rows = viewer.getByTestId('field-row');
  await expect(rows.filter({ hasText: '3456789012345678901' })).toHaveCount(1);
  await expect(rows.filter({ hasText: '2026111522001456781234567890' })).toHaveAttribute('data-type', 'transactionId');
  await expect(rows.filter({ hasText: '149.90' })).toHaveAttribute('data-type', 'amount');
  await expect(rows.filter({ hasText: '2026-11-15 20:31:07' })).toHaveCount(1);
  // The 400 number printed under the amount is never taken for an id.
  await expect(rows.filter({ hasText: '4001234567' })).toHaveCount(0);
  expect(await viewer.getByTestId('field-box').count()).toBeGreaterThanOrEqual(4);
  await app.screenshot('16-ocr-fields-highlighted');

  const amount = rows.filter({ has: page.locator('[data-type="amount"]') }).or(rows.and(page.locator('[data-type="amount"]')));
  await amount.getByTestId('field-edit').click();
  await amount.getByTestId('field-edit-input').fill('149.00');
  await amount.getByTestId('field-edit-save').click();
  await expect(amount).toContainText('已修改');
  await rows.filter({ hasText: '2026-11-15 20:31:40' }).getByTestId('field-delete').click();
  await viewer.getByTestId('fill-case').click();
  await page.keyboard.press('Escape');
  await expect(page.locator('.case-facts')).toContainText('3456789012345678901');
  await expect(page.locator('.case-facts')).toContainText('¥149.00');
  await expect(page.getByTestId('timeline-stamp').filter({ hasText: 'Screenshot_20261117_120304' })).toHaveCount(1);

  // Corrections are the buyer's: a reload keeps them.
  await page.reload();
  await page.getByTestId('case-row').click();
  await page.getByTestId('evidence-card').click();
  await expect(rows.filter({ hasText: '149.00' })).toContainText('已修改');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('5678901');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect.poll(async () => (await page.getByTestId('search-hit').locator('mark').allTextContents()).join('')).toContain('5678901');
  await app.screenshot('17-search');
  await page.getByTestId('search-hit').click();
  await expect(page.getByTestId('evidence-viewer')).toBeVisible();
});

test('an order list with two 实付款 names both amounts and fills in neither', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '两笔订单' });
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_120304.png', bytes: await png(orderListSvg(), 2), type: 'image/png' }]);
  await page.getByTestId('evidence-card').click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer.getByTestId('amount-choices')).toContainText('59.00、26.90', OCR_WAIT);
  await expect(viewer.getByTestId('field-row').and(page.locator('[data-type="amount"]'))).toHaveCount(0);
  await viewer.getByTestId('amount-choices').scrollIntoViewIfNeeded();
  await app.screenshot('16d-amount-choices');
});

test('a chat with refund-scam talk raises a warning naming the message; a QQ export becomes a searchable transcript', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '客服要求交保证金' });
  await dropFiles(page, 'drop-zone', [{ name: '聊天记录.txt', bytes: Buffer.from(QQ_EXPORT, 'utf8'), type: 'text/plain' }]);
  const alert = page.getByTestId('scam-alert');
  await expect(alert).toContainText('警惕退款诈骗');
  await expect(alert).toContainText('保证金');
  await expect(alert).toContainText('聊天记录');
  await expect(alert).toContainText('从不收取');
  await app.screenshot('18-scam-alert');

  await page.getByTestId('evidence-card').click();
  const transcript = page.getByTestId('chat-transcript');
  await expect(transcript.locator('li')).toHaveCount(2);
  await expect(transcript).toContainText('星辰数码客服');
  await expect(transcript).toContainText('2026-11-16 21:20:41');
  await app.screenshot('19-chat-transcript');
  await page.keyboard.press('Escape');

  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('解冻退款');
  await expect(page.getByTestId('search-hit')).toContainText('聊天记录');

  // Ordinary after-sale talk in a screenshot raises nothing.
  await page.getByTestId('search-hit').click();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await createCase(page, { title: '正常售后' });
  await dropFiles(page, 'drop-zone', [{ name: '客服聊天.png', bytes: await png(chatSvg([['them', '已为您提交退款申请,1-3个工作日原路退回']]), 2), type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toContainText('聊天记录', OCR_WAIT);
  await expect.poll(async () => (await page.getByTestId('ocr-badge').count()) === 0, OCR_WAIT).toBe(true);
  await expect(page.getByTestId('scam-alert')).toHaveCount(0);
});

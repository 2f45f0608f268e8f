// One path from pixels to fields: a screenshot dropped into a case gets exactly the fields the `scan`
// command prints for the same file, because main extracts them with the same function (chat-app
// hints and capture time included) and the renderer only shows what main stored.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { agreementOf } from '../../electron/main/ocr/confirm';
import { scanFiles } from '../../electron/main/ocr/scan';
import { vaultLayout } from '../../electron/main/vault/layout';
import { toScanJson } from '../../shared/extract';
import { evidenceFieldsSchema } from '../../shared/fields/contract';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

test.describe.configure({ timeout: 180_000 });
const OCR_WAIT = { timeout: 90_000 };

// A WeChat chat: its kind and platform come from the green bubbles, which only the hinted path sees.
const FILE = path.join(process.cwd(), 'tests', 'ocr-corpus', 'images', 'Screenshot_20261011_211304_34-wechat-chat.jpg');

test('a dropped corpus screenshot shows and stores exactly the fields `scan` prints for it', async ({ app }) => {
  const [line] = await scanFiles([FILE]);
  if (!line || 'error' in line) throw new Error(`scan failed: ${JSON.stringify(line)}`);
  const { file: _file, ...expected } = line;

  const { page } = app;
  await app.goto();
  await createCase(page, { title: '微信聊天核对' });
  const bytes = await readFile(FILE);
  await dropFiles(page, 'drop-zone', [{ name: path.basename(FILE), bytes, type: 'image/jpeg' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);

  // Stored by main, beside the OCR result, before OCR reports the file done: read through the same
  // layout the app writes with.
  const sha = createHash('sha256').update(bytes).digest('hex');
  const fieldsFile = vaultLayout(app.vaultDir).fields(sha);
  await expect.poll(() => readFile(fieldsFile, 'utf8').then(() => true, () => false), OCR_WAIT).toBe(true);
  const stored = evidenceFieldsSchema.parse(JSON.parse(await readFile(fieldsFile, 'utf8')));
  // The engine that read it and the second reader's verdicts too: the app stores what scan prints.
  expect({ engine: stored.engine, ...toScanJson(stored.extraction, stored.capturedAt, stored.captureSource), agree: agreementOf(stored.extraction) }).toEqual(expected);

  // Shown to the buyer: every field row, in order, against the scan line.
  await page.getByTestId('evidence-card').click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer.getByTestId('field-row')).toHaveCount(expected.orderNumbers.length + expected.transactionIds.length + expected.timestamps.length + (expected.amount ? 1 : 0));
  const rows = await viewer.getByTestId('field-row').evaluateAll((els) =>
    els.map((el) => ({ type: el.getAttribute('data-type') ?? '', value: el.querySelector('[data-testid="field-value"]')?.getAttribute('data-value') ?? '', shown: el.querySelector('[data-testid="field-value"]')?.textContent?.trim() ?? '' })),
  );
  const of = (type: string) => rows.filter((r) => r.type === type).map((r) => r.value);
  expect({
    orderNumbers: of('orderNumber'),
    transactionIds: of('transactionId'),
    timestamps: of('timestamp').filter((v) => v.includes('T')),
    amount: of('amount')[0] ?? null,
  }).toEqual({ orderNumbers: expected.orderNumbers, transactionIds: expected.transactionIds, timestamps: expected.timestamps, amount: expected.amount });
  expect(of('orderNumber').length + of('timestamp').length).toBeGreaterThan(0);
  // Times are shown as a buyer writes them (2026-10-09 12:07), the same instant as the stored value.
  for (const r of rows) expect(r.shown).toBe(r.type === 'timestamp' ? r.value.replace('T', ' ') : r.value);
  // Each checked field says whether the second reader agreed (两次识别一致) or asks the buyer (请核对).
  const agree = expected.agree;
  if (!agree) throw new Error('scan ran without its second reader');
  const flags = [...agree.orderNumbers, ...agree.transactionIds, ...agree.timestamps, agree.amount].filter((f) => f !== null);
  await expect(viewer.getByTestId('field-agree')).toHaveCount(flags.length);
  await expect(viewer.getByTestId('field-agree').filter({ hasText: '请核对' })).toHaveCount(flags.filter((f) => !f).length);
  await viewer.getByTestId('field-review').scrollIntoViewIfNeeded();
  await app.screenshot('16c-field-review-agreement');
  await app.screenshot('16b-ocr-fields-match-scan');

});

test('a screenshot OCR’d before the renderer wrote its record still gets its fields', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '先识别后记录' });
  // Main stores and reads the file first, as when OCR wins the race against the renderer's write;
  // no progress event will come after the page's own import, which main finds already done.
  const batch = await app.vault().importPaths('pending-case', [FILE], 'dialog');
  const sha = batch.items[0]?.blob.sha256 ?? '';
  await app.ocr().enqueue([sha]);
  await app.ocr().idle();
  await dropFiles(page, 'drop-zone', [{ name: path.basename(FILE), bytes: await readFile(FILE), type: 'image/jpeg' }]);
  await page.getByTestId('evidence-card').click();
  const rows = page.getByTestId('evidence-viewer').getByTestId('field-row');
  await expect(rows.filter({ hasText: '260930-923221096677596' })).toHaveAttribute('data-type', 'orderNumber');
  await expect(rows.filter({ has: page.locator('[data-type="timestamp"]') }).or(rows.and(page.locator('[data-type="timestamp"]')))).toHaveCount(2);
});

// Buyer-level steps shared by the e2e specs.
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect } from './harness/fixture';

export async function createCase(page: Page, fields: { title: string; shop?: string; orderNumber?: string; amount?: string; platform?: string; item?: string; purchasedAt?: string }): Promise<void> {
  await page.getByTestId('new-case').click();
  const form = page.getByTestId('case-form');
  // 新建案件 is a guided flow; its first step can go straight to the order details.
  await form.getByTestId('wizard-jump-facts').click();
  await form.getByTestId('case-title').fill(fields.title);
  if (fields.platform) await form.getByTestId('case-platform').selectOption(fields.platform);
  if (fields.shop) await form.getByTestId('case-shop').fill(fields.shop);
  if (fields.orderNumber) await form.getByTestId('case-orderNumber').fill(fields.orderNumber);
  if (fields.amount) await form.getByTestId('case-amount').fill(fields.amount);
  if (fields.item) await form.getByTestId('case-item').fill(fields.item);
  if (fields.purchasedAt) await form.getByTestId('case-purchasedAt').fill(fields.purchasedAt);
  await form.getByTestId('case-save').click();
  await expect(page.getByTestId('case-title')).toHaveText(fields.title);
  await expect(page.getByTestId('case-page')).toHaveAttribute('data-ready', 'true');
}

export async function writeFiles(dir: string, files: Record<string, Buffer | string>): Promise<string[]> {
  const paths: string[] = [];
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name);
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(path, content);
    paths.push(path);
  }
  return paths;
}

/**
 * A real drop event carrying real File objects, as the OS would deliver it to the page. Each file's
 * time is 2026-11-17 12:03:04 (Shanghai) unless given: a test that gives one takes it from its own clock.
 */
export async function dropFiles(page: Page, testId: string, files: { name: string; bytes: Buffer; type: string; lastModified?: number }[]): Promise<void> {
  const payload = files.map((f) => ({ name: f.name, type: f.type, b64: f.bytes.toString('base64'), lastModified: f.lastModified ?? Date.UTC(2026, 10, 17, 4, 3, 4) }));
  const dataTransfer = await page.evaluateHandle((list) => {
    const dt = new DataTransfer();
    for (const f of list) {
      const bytes = Uint8Array.from(atob(f.b64), (c) => c.charCodeAt(0));
      dt.items.add(new File([bytes], f.name, { type: f.type, lastModified: f.lastModified }));
    }
    return dt;
  }, payload);
  const zone = page.getByTestId(testId);
  await zone.dispatchEvent('dragenter', { dataTransfer });
  await zone.dispatchEvent('dragover', { dataTransfer });
  await zone.dispatchEvent('drop', { dataTransfer });
}

/** Puts a PNG on the system clipboard and presses Ctrl+V, the way buyers paste a chat capture. */
export async function pasteImage(page: Page, bytes: Buffer): Promise<void> {
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.evaluate(async (b64) => {
    const blob = new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))], { type: 'image/png' });
    await navigator.clipboard.write([new ClipboardItem({ 'image/png': blob })]);
  }, bytes.toString('base64'));
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('Control+V');
}

/** Fills every field Order 121's 投诉登记表 asks for in the export dialog (its target already 12315). */
export async function fillComplaint(dialog: Locator, opts: { knewOfHarmAt: string; place: string }): Promise<void> {
  await dialog.getByTestId('complainant-name').fill('张三');
  await dialog.getByTestId('complainant-phone').fill('13800138000');
  await dialog.getByTestId('complainant-id-type').selectOption('resident-id');
  await dialog.getByTestId('complainant-id-number').fill('11010519491231002X');
  await dialog.getByTestId('complainant-address').fill('上海市浦东新区张江路1号');
  await dialog.getByTestId('complainant-consentPublish').getByRole('radio', { name: '不同意' }).check();
  await dialog.getByTestId('complainant-consentMediation').getByRole('radio', { name: '同意', exact: true }).check();
  await dialog.getByTestId('respondent-address').fill('浙江省杭州市余杭区文一西路969号');
  await dialog.getByTestId('complaint-place').fill(opts.place);
  await dialog.getByTestId('request-refund').check();
  await dialog.getByTestId('request-amount').fill('149.90');
  await dialog.getByTestId('knew-of-harm').fill(opts.knewOfHarmAt);
  await dialog.getByTestId('other-proceeding').selectOption('none');
}

import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { listVaultFiles } from '../../electron/main/backup/write';
import { chatSvg, jpeg, orderPageSvg, png } from '../support/screens';
import { APP_ORIGIN, attachApp, ENTRY_URL } from './harness/attach';
import { expect, test } from './harness/fixture';
import { createCase, writeFiles } from './steps';

const STABLE_TABLES = ['cases', 'evidence', 'events', 'deadlines'];

/** The page's IndexedDB read without the app, store by store. */
async function readTables(page: Page): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (names) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const req = indexedDB.open('liuzheng');
        req.onerror = () => reject(req.error ?? new Error('open'));
        req.onsuccess = () => {
          const db = req.result;
          const out: Record<string, unknown[]> = {};
          const tx = db.transaction(names, 'readonly');
          for (const name of names) {
            const get = tx.objectStore(name).getAll();
            get.onsuccess = () => void (out[name] = get.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
        };
      }),
    STABLE_TABLES,
  );
}

/** Blobs and sidecars of a vault folder, by path and hash. */
async function originals(vaultDir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const f of await listVaultFiles(vaultDir)) {
    if (f.rel.startsWith('blobs/') || f.rel.startsWith('meta/')) out[f.rel] = createHash('sha256').update(await readFile(f.abs)).digest('hex');
  }
  return out;
}

async function seedCase(page: Page, queue: (paths: string[]) => void): Promise<void> {
  await createCase(page, { title: '游戏点卡卡密无效', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.9', platform: 'kameng' });
  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-backup-src-'));
  queue(await writeFiles(dir, { 'Screenshot_20261117_120304.png': await png(orderPageSvg()), '微信图片_20261116211405.jpg': await jpeg(chatSvg()) }));
  await page.getByTestId('import-files').click();
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
  await page.getByTestId('status-select').selectOption('refund-requested');
  await page.getByTestId('transition-dialog').getByTestId('transition-confirm').click();
  await expect(page.getByTestId('deadline')).not.toHaveCount(0);
}

test('an encrypted backup restores on a fresh profile: byte-identical originals, the same records and settings', async ({ app, browser }) => {
  const { page } = app;
  await app.goto();
  await seedCase(page, (p) => app.queueFileDialog(p));

  await page.getByTestId('nav-backup').click();
  await expect(page.getByTestId('backup-panel')).toBeVisible();
  await page.getByTestId('backup-encrypt').check();
  await page.getByTestId('backup-password').fill('留证备份密码2026');
  await page.getByTestId('backup-password-repeat').fill('留证备份密码2026');
  await expect(page.getByTestId('backup-password-warning')).toContainText('忘记密码');
  await app.screenshot('backup-01-view');

  // The backup carries the language too: made in English, restored into a profile that starts in Chinese.
  await page.getByTestId('language-switch').click();
  const archive = join(await mkdtemp(join(tmpdir(), 'liuzheng-archive-')), 'backup.lzbackup');
  app.queueSaveDialog(archive);
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-result')).toContainText('backup.lzbackup');
  const tablesBefore = await readTables(page);
  const originalsBefore = await originals(app.vaultDir);
  expect(Object.keys(originalsBefore).length).toBe(4);

  // Another machine: its own vault folder and a browser profile with an empty IndexedDB.
  const context = await browser.newContext({ viewport: { width: 1360, height: 900 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  const other = await attachApp(await context.newPage());
  try {
    const p2 = other.page;
    await other.goto();
    await expect(p2.getByText('还没有案件')).toBeVisible();
    await p2.getByTestId('nav-backup').click();

    other.queueFileDialog([archive]);
    await p2.getByTestId('restore-pick').click();
    await p2.getByTestId('restore-password').fill('wrong password');
    await p2.getByTestId('restore-unlock').click();
    await expect(p2.getByTestId('restore-error')).toHaveAttribute('data-code', 'backup-wrong-password');
    await expect(p2.getByTestId('restore-error')).toContainText('密码不正确');
    await p2.getByTestId('restore-password').fill('留证备份密码2026');
    await p2.getByTestId('restore-unlock').click();

    const confirm = p2.getByTestId('restore-confirm');
    await expect(confirm).toBeVisible();
    await expect(confirm.getByTestId('restore-summary-cases')).toHaveText('1');
    await expect(confirm.getByTestId('restore-summary-evidence')).toHaveText('2');
    await expect(confirm).toContainText('无法撤销');
    await other.screenshot('backup-02-restore-confirm');
    await confirm.getByTestId('restore-confirm-button').click();
    await expect(p2.getByTestId('restore-done')).toBeVisible();
    await expect.poll(() => other.desktop.relaunches).toBe(1);

    await other.restartMain();
    await expect(p2.getByTestId('case-list')).toHaveAttribute('data-ready', 'true');
    await expect(p2.getByTestId('case-row')).toContainText('游戏点卡卡密无效');
    await expect(p2.getByTestId('language-switch')).toHaveText('中文');
    expect(await originals(other.vaultDir)).toEqual(originalsBefore);
    expect(await readTables(p2)).toEqual(tablesBefore);
    await p2.getByTestId('case-row').click();
    const cards = p2.getByTestId('evidence-card');
    await expect(cards).toHaveCount(2);
    for (const img of await cards.locator('img').all()) await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
    expect(other.externalRequests).toEqual([]);
  } finally {
    await other.dispose();
    await context.close();
  }
});

test('a damaged or truncated backup is refused with the reason, and the current vault and records stay', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await seedCase(page, (p) => app.queueFileDialog(p));
  await page.getByTestId('nav-backup').click();
  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-archive-'));
  app.queueSaveDialog(join(dir, 'plain.tar'));
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-result')).toContainText('plain.tar');
  const bytes = await readFile(join(dir, 'plain.tar'));
  const tablesBefore = await readTables(page);
  const originalsBefore = await originals(app.vaultDir);

  const sha = Object.keys(originalsBefore).find((k) => k.startsWith('blobs/'))?.split('/')[2] ?? '';
  const at = bytes.indexOf(Buffer.from(`vault/blobs/${sha.slice(0, 2)}/${sha}`));
  const flipped = Buffer.from(bytes);
  const target = (Math.floor(at / 512) + 1) * 512 + 100;
  flipped[target] = (flipped[target] ?? 0) ^ 0x01;
  await writeFile(join(dir, 'flipped.tar'), flipped);
  await writeFile(join(dir, 'truncated.tar'), bytes.subarray(0, Math.floor(bytes.length * 0.7)));

  app.queueFileDialog([join(dir, 'flipped.tar')]);
  await page.getByTestId('restore-pick').click();
  const error = page.getByTestId('restore-error');
  await expect(error).toHaveAttribute('data-code', 'backup-damaged');
  await expect(error).toContainText(`vault/blobs/${sha.slice(0, 2)}/${sha}`);
  await expect(error).toContainText('当前证据库和数据库均未改变');
  await app.screenshot('backup-04-damaged-archive');

  app.queueFileDialog([join(dir, 'truncated.tar')]);
  await page.getByTestId('restore-pick').click();
  await expect(error).toHaveAttribute('data-code', 'backup-damaged');
  await expect(error).toContainText('cut short');

  await expect(page.getByTestId('restore-confirm')).toHaveCount(0);
  expect(app.desktop.relaunches).toBe(0);
  expect(await originals(app.vaultDir)).toEqual(originalsBefore);
  expect(await readTables(page)).toEqual(tablesBefore);
});

test('a database the app cannot open shows an error screen that exports what it can read and restores from a backup', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await seedCase(page, (p) => app.queueFileDialog(p));
  await page.getByTestId('nav-backup').click();
  const dir = await mkdtemp(join(tmpdir(), 'liuzheng-archive-'));
  app.queueSaveDialog(join(dir, 'good.tar'));
  await page.getByTestId('backup-create').click();
  await expect(page.getByTestId('backup-result')).toContainText('good.tar');

  // Before the app loads again: the database is replaced by one whose `cases` store has another key,
  // which Dexie's migration cannot change.
  await page.route(`${APP_ORIGIN}/not-the-app.html`, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>x</title>' }));
  await page.goto(`${APP_ORIGIN}/not-the-app.html`);
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const del = indexedDB.deleteDatabase('liuzheng');
        del.onsuccess = () => {
          const req = indexedDB.open('liuzheng', 10);
          req.onupgradeneeded = () => req.result.createObjectStore('cases', { keyPath: 'uuid' }).add({ uuid: 'legacy-1', title: '旧版本的案件' });
          req.onsuccess = () => {
            req.result.close();
            resolve();
          };
          req.onerror = () => reject(req.error ?? new Error('open'));
        };
        del.onerror = () => reject(del.error ?? new Error('delete'));
      }),
  );
  await page.goto(ENTRY_URL);
  const screen = page.getByTestId('db-error-screen');
  await expect(screen).toBeVisible();
  await expect(page.getByTestId('db-error-reason')).toContainText('UpgradeError');
  await expect(screen).toContainText('导出可读取的数据');
  await expect(screen).toContainText('从备份恢复');
  await app.screenshot('backup-03-db-error');

  const dumpFile = join(dir, 'dump.json');
  app.queueSaveDialog(dumpFile);
  await page.getByTestId('db-dump').click();
  await expect(page.getByTestId('db-dump-result')).toContainText('dump.json');
  const dump = JSON.parse(await readFile(dumpFile, 'utf8')) as { idbVersion: number; stores: Record<string, { rows: unknown[] }> };
  expect(dump.idbVersion).toBe(10);
  expect(dump.stores['cases']?.rows).toEqual([{ uuid: 'legacy-1', title: '旧版本的案件' }]);

  app.queueFileDialog([join(dir, 'good.tar')]);
  await page.getByTestId('restore-pick').click();
  await page.getByTestId('restore-confirm').getByTestId('restore-confirm-button').click();
  await expect(page.getByTestId('restore-done')).toBeVisible();
  await expect.poll(() => app.desktop.relaunches).toBe(1);
  await app.restartMain();
  await expect(page.getByTestId('case-row')).toContainText('游戏点卡卡密无效');
  await expect(page.getByTestId('case-row')).toContainText('2 份证据');
});

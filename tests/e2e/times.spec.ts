// Issue 12 end to end: chat screenshots whose names carry no time, copied to the PC today. Their
// relative stamps are only approximate, the capture time is flagged, nothing exact is invented, the
// buyer keeps or sets times, and the exported bundle dates nothing after the moment of export.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

const run = promisify(execFile);
const CORPUS = join(process.cwd(), 'tests/ocr-corpus/images');
const OCR_WAIT = { timeout: 120_000 };
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
test.describe.configure({ timeout: 240_000 });

// One clock for the whole test: the export happens at 10:39, the files were copied at 10:30.
const NOW = shanghai('2026-12-04T10:39:00');
const COPIED = shanghai('2026-12-04T10:30:00');

test('chat screenshots without names: approximate times are marked, none is after the export', async ({ app }) => {
  const { page } = app;
  await app.setClock(NOW);
  await app.goto();
  await createCase(page, { title: '客服聊天时间核对', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.90' });
  // WeChat chats: 昨天 上午10:56 and 上午11:01 (bar 11:32); 前天 12:07 and 昨天 20:28 (bar 21:13).
  const chat = await readFile(join(CORPUS, 'Screenshot_20261109_113204_35-wechat-chat.png'));
  const chat2 = await readFile(join(CORPUS, 'Screenshot_20261011_211304_34-wechat-chat.jpg'));
  await dropFiles(page, 'drop-zone', [
    { name: 'chat.png', bytes: chat, type: 'image/png', lastModified: COPIED },
    { name: 'chat2.jpg', bytes: chat2, type: 'image/jpeg', lastModified: COPIED },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
  // Both read by OCR (their fields stored) before anything is checked.
  await expect(page.getByTestId('ocr-panel')).toContainText('文字识别', OCR_WAIT);
  await expect(page.getByTestId('ocr-panel')).toHaveCount(0, OCR_WAIT);

  // Nothing from these screenshots is on the case timeline as if seen.
  await expect(page.getByTestId('timeline-stamp')).toHaveCount(0);

  // The viewer: a weak capture time, flagged by the phone's own clock; the stamps only approximate.
  await page.getByTestId('evidence-card').filter({ hasNotText: 'chat2' }).click();
  const viewer = page.getByTestId('evidence-viewer');
  const rows = viewer.getByTestId('approx-row');
  await expect(rows).toHaveCount(2, OCR_WAIT);
  const capture = viewer.getByTestId('capture-time');
  await expect(capture).toHaveAttribute('data-trust', 'weak');
  await expect(capture).toHaveAttribute('data-source', 'mtime');
  await expect(viewer.getByTestId('capture-suspect')).toBeVisible();
  await expect(viewer.getByTestId('capture-statusbar')).toHaveAttribute('data-agrees', 'false');
  await expect(viewer.getByTestId('approx-value').first()).toContainText('约');
  await expect(viewer.getByTestId('approx-value').first()).toContainText('按文件时间推算');
  await expect(viewer.getByTestId('field-row').filter({ has: page.locator('[data-basis]') })).toHaveCount(0);
  await app.screenshot('60-approximate-times');
  await viewer.getByTestId('approx-times').scrollIntoViewIfNeeded();
  await app.screenshot('60b-approximate-list');

  // The buyer keeps both (one of them, 11:01 today, is after the copy and after the export).
  // One at a time: React turns the kept row's 保留 into 取消保留 in place, so a second click aimed at
  // "the first 保留" before that update lands on the same button and takes the first keep back.
  await viewer.getByTestId('approx-keep').first().click();
  await expect(viewer.getByTestId('approx-unkeep')).toHaveCount(1);
  await viewer.getByTestId('approx-keep').first().click();
  await expect(viewer.getByTestId('approx-unkeep')).toHaveCount(2);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('timeline-stamp')).toHaveCount(2);
  await expect(page.locator('[data-testid="timeline-stamp"][data-basis="approx"]')).toHaveCount(2);
  await expect(page.getByTestId('timeline-stamp').first()).toContainText('约');

  // Export: every time in the PDF is at or before 10:39 on the day, and kept approximate rows say 约.
  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  const out = join(await mkdtemp(join(tmpdir(), 'liuzheng-times-')), '证据包.pdf');
  app.queueSaveDialog(out);
  await dialog.getByTestId('export-pdf').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
  const text = (await run('pdftotext', ['-layout', out, '-'])).stdout;
  const times = [...text.replace(/\s+(?=\d{2}:\d{2})/g, ' ').matchAll(/(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/g)].map((m) => `${m[1]} ${m[2]}`);
  expect(times.length).toBeGreaterThan(3);
  expect(times.filter((t) => t > '2026-12-04 10:39')).toEqual([]);
  // Cover, letter, 证据目录, then the timeline on page 4.
  const timeline = (await run('pdftotext', ['-layout', '-f', '4', '-l', '4', out, '-'])).stdout.replace(/[ \t]+/g, ' ');
  expect(timeline).toContain('时间线');
  expect(timeline).toMatch(/约 2026-12-03 10:56 .*约 证据\d/);
  expect(text).not.toMatch(/2026-12-04 11:01/);
  expect(text).not.toMatch(/2026-12-03 10:56\S*\s+截图所示/);
  expect(text).toContain('截图时间可能有误');
  await page.keyboard.press('Escape');

  // The buyer sets the real capture time (from the phone gallery): the stamps become exact.
  await page.getByTestId('evidence-card').filter({ hasNotText: 'chat2' }).click();
  await viewer.getByTestId('capture-time-edit').click();
  await viewer.getByTestId('capture-time-input').fill('2026-11-09T11:32:04');
  await viewer.getByTestId('capture-time-save').click();
  await expect(viewer.getByTestId('capture-time')).toHaveAttribute('data-source', 'user');
  await expect(viewer.getByTestId('capture-time')).toHaveAttribute('data-trust', 'trusted');
  await expect(viewer.getByTestId('approx-row')).toHaveCount(0);
  await expect(viewer.locator('[data-testid="field-basis"][data-basis="inferred"]')).toHaveCount(2);
  await expect(viewer.getByTestId('capture-suspect')).toHaveCount(0);
  await app.screenshot('61-capture-time-set');
});

test('设置 → 节假日数据: a bad file is refused by line; a good one makes a provisional deadline exact', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-12-30T10:00:00'));
  await app.goto();
  await createCase(page, { title: '跨年审核期限', shop: '星辰数码', orderNumber: '3456789012345678901', amount: '100' });
  await page.getByTestId('status-select').selectOption('refund-requested');
  const transition = page.getByTestId('transition-dialog');
  await expect(transition).toContainText('平台初审');
  await transition.getByTestId('transition-confirm').click();
  const deadline = page.getByTestId('deadline').filter({ hasText: '平台初审' });
  // 2027 has no published schedule in the bundled data: weekends only, marked provisional.
  await expect(deadline).toContainText('截止 2027-01-05 23:59');
  await expect(deadline).toContainText('暂定');

  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-holidays');
  await expect(section.getByTestId('holiday-year-bundled')).toContainText('chinese-days 1.5.7');
  await expect(section.locator('[data-testid="holiday-year-missing"][data-year="2027"]')).toBeVisible();
  const day = (date: string, name: string, isOffDay: boolean) => ({ name, date, isOffDay });
  // A made-up 2027 schedule (the test needs its shape, not the State Council's real dates).
  const good = { year: 2027, papers: [], days: [day('2027-01-01', '元旦', true), day('2027-01-02', '元旦', true), day('2027-01-03', '元旦', true), day('2027-01-04', '元旦', true), day('2027-10-01', '国庆节', true)] };
  const bad = JSON.stringify({ ...good, days: [...good.days, day('2027-01-04', '元旦', false)] }, null, 2);
  await section.getByTestId('holiday-file').setInputFiles({ name: '2027.json', mimeType: 'application/json', buffer: Buffer.from(bad) });
  await expect(section.getByTestId('holiday-error')).toContainText(/2027\.json: 第 \d+ 行: 2027-01-04 与第 \d+ 行矛盾/);
  await section.scrollIntoViewIfNeeded();
  await app.screenshot('62-holiday-file-error');
  await section.getByTestId('holiday-file').setInputFiles({ name: '2027.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good, null, 2)) });
  await expect(section.locator('[data-testid="holiday-year-loaded"][data-year="2027"]')).toContainText('2027.json');
  await expect(section.getByTestId('holiday-year-loaded')).toContainText('2026-12-30 10:00');
  await expect(section.getByTestId('holiday-done')).toContainText('已导入 2027 年的放假安排');
  // 12/31, then 1/1–1/4 off: 1/5 and 1/6.
  await expect(section.getByTestId('holiday-recomputed')).toContainText('2027-01-05 23:59 → 2027-01-06 23:59');
  await expect(section.getByTestId('holiday-year-missing')).toHaveCount(0);
  await app.screenshot('63-holiday-file-loaded');

  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await page.getByTestId('case-row').click();
  await expect(deadline).toContainText('截止 2027-01-06 23:59');
  await expect(deadline).not.toContainText('暂定');
});

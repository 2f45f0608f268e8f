// A desktop app a buyer lives in: the first-run guide and the guided new case, the keyboard, and 撤销.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { chatSvg, orderPageSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

test.describe.configure({ timeout: 180_000 });

/** Asia/Shanghai wall clock → epoch ms. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);

async function auditActions(vaultDir: string): Promise<{ action: string; detail: string }[]> {
  const text = await readFile(join(vaultDir, 'audit', 'log.jsonl'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { action: string; detail: string });
}

async function dropTwo(page: Page): Promise<void> {
  await dropFiles(page, 'drop-zone', [
    { name: 'Screenshot_20261117_120304.png', bytes: await png(orderPageSvg()), type: 'image/png' },
    { name: '微信聊天_20261116.png', bytes: await png(chatSvg()), type: 'image/png' },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
}

test('from an empty app to a case with its 七日无理由 verdict, checklist and first deadline', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-18T09:00:00'));
  await app.goto();

  const guide = page.getByTestId('first-run-guide');
  await expect(guide).toContainText('欢迎使用留证');
  await expect(guide.getByTestId('guide-privacy')).toContainText('不上传');
  await expect(guide.getByTestId('new-case')).toBeVisible();
  await expect(guide.getByTestId('import-case')).toBeVisible();
  await app.screenshot('ux-01-first-run-guide');

  // 1. 发生了什么
  await guide.getByTestId('new-case').click();
  const wizard = page.getByTestId('case-wizard');
  await expect(wizard).toHaveAttribute('data-step', 'issue');
  await expect(wizard.getByRole('radio', { name: '卡密无效' })).toBeFocused();
  await wizard.getByTestId('wizard-issue-not-as-described').click();
  await app.screenshot('ux-02-new-case-issue');
  await wizard.getByTestId('wizard-next').click();
  // 2. 什么商品: skipped, so it stays 实物商品.
  await expect(wizard).toHaveAttribute('data-step', 'goods');
  await wizard.getByTestId('wizard-skip').click();
  // 3. the platform and the order facts.
  await expect(wizard).toHaveAttribute('data-step', 'facts');
  await wizard.getByTestId('case-platform').selectOption('jd');
  await wizard.getByTestId('case-item').fill('蓝牙耳机');
  await wizard.getByTestId('case-orderNumber').fill('301234567890');
  await wizard.getByTestId('case-amount').fill('299');
  await wizard.getByTestId('case-signedAt').fill('2026-11-17T12:00');
  await app.screenshot('ux-03-new-case-facts');
  await wizard.getByTestId('case-save').click();

  await expect(page.getByTestId('case-page')).toHaveAttribute('data-ready', 'true');
  // An empty title is named from the answers.
  await expect(page.getByTestId('case-title')).toHaveText('描述不符 · 蓝牙耳机');
  const outlook = page.getByTestId('case-outlook');
  await expect(outlook.getByTestId('seven-day-applies')).toContainText('可能适用');
  const items = outlook.getByTestId('checklist-item');
  await expect(items).toHaveCount(4);
  await expect(outlook.getByTestId('checklist-summary')).toHaveText('还缺 3 项必需的证据');
  const first = outlook.getByTestId('outlook-first-deadline');
  await expect(first).toContainText('七日无理由退货');
  await expect(first).toContainText('截止 2026-11-24 23:59');
  await expect(first.getByTestId('countdown')).toHaveText('剩 6 天 14 小时');
  // It is a real deadline, with reminders, not only a hint.
  await expect(page.getByTestId('deadline').filter({ hasText: '七日无理由退货' })).toContainText('截止 2026-11-24 23:59');
  await app.screenshot('ux-04-new-case-page');

  // Evidence ticks the checklist off as it comes in.
  await dropTwo(page);
  await page.getByTestId('evidence-card').filter({ hasText: 'Screenshot_20261117_120304' }).click();
  await page.getByTestId('evidence-kind').selectOption('order');
  await page.keyboard.press('Escape');
  await expect(outlook.getByTestId('checklist-summary')).toHaveText('还缺 2 项必需的证据');
  await expect(items.first()).toHaveAttribute('data-missing', '0');
});

test('the new-case flow in English: a used card code gets the legal exclusion and the card shop’s same-day window', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-18T09:00:00'));
  await app.goto();
  await page.getByTestId('language-switch').click();
  const guide = page.getByTestId('first-run-guide');
  await expect(guide).toContainText('Welcome to LiuZheng');
  await expect(guide).toContainText('nothing is uploaded');
  await app.screenshot('ux-05-first-run-guide-en');

  await guide.getByTestId('new-case').click();
  const wizard = page.getByTestId('case-wizard');
  await expect(wizard).toContainText('What happened?');
  // Keyboard only: the chosen answer has focus, Enter goes on.
  await page.keyboard.press('Enter');
  await expect(wizard).toContainText('What did you buy?');
  await wizard.getByTestId('wizard-goods-virtual').click();
  await wizard.getByTestId('wizard-virtual-used').click();
  await app.screenshot('ux-06-new-case-goods-en');
  await wizard.getByTestId('wizard-next').click();
  await wizard.getByTestId('case-platform').selectOption('kameng');
  await wizard.getByTestId('case-purchasedAt').fill('2026-11-18T08:00');
  await wizard.getByTestId('case-save').click();

  await expect(page.getByTestId('case-title')).toHaveText('Invalid card code');
  const outlook = page.getByTestId('case-outlook');
  const warning = outlook.getByTestId('seven-day-warning');
  await expect(warning).toContainText('Usually does not apply');
  await expect(warning).toContainText('Excluded by law');
  await expect(warning).toContainText('第二十五条');
  await expect(outlook.getByTestId('checklist-item')).toHaveCount(4);
  const first = outlook.getByTestId('outlook-first-deadline');
  await expect(first).toContainText('Card shop: complain the same day');
  await expect(first).toContainText('Due 2026-11-18 23:59');
  await app.screenshot('ux-07-new-case-page-en');
});

test('shortcuts: ? lists them, Ctrl+N/I/E/F/, work, the viewer takes ←/→/Delete, and dialogs trap and return focus', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await expect(page.getByTestId('first-run-guide')).toBeVisible();

  // ? opens the list; focus stays inside it and comes back to where it was.
  const opener = page.getByTestId('shortcuts-open');
  await opener.focus();
  await page.keyboard.press('Enter');
  const help = page.getByTestId('shortcuts-dialog');
  await expect(help).toContainText('Ctrl+N');
  await expect(help).toContainText('Ctrl+,');
  await expect(help).toContainText('Delete');
  for (let i = 0; i < 4; i++) {
    await page.keyboard.press('Tab');
    expect(await help.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await app.screenshot('ux-08-shortcuts');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await expect(opener).toBeFocused();
  await page.locator('body').click({ position: { x: 5, y: 300 } });
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');

  // Ctrl+N opens the new case; Tab and Shift+Tab go round inside it.
  await page.keyboard.press('Control+n');
  const wizard = page.getByTestId('case-wizard');
  await expect(wizard).toBeVisible();
  for (let i = 0; i < 12; i++) {
    await page.keyboard.press(i % 3 === 0 ? 'Shift+Tab' : 'Tab');
    expect(await page.getByTestId('case-form').evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  // Focus is drawn: the focused control has an outline.
  const outline = await page.evaluate(() => (document.activeElement ? getComputedStyle(document.activeElement).outlineStyle : 'none'));
  expect(outline).not.toBe('none');
  await page.keyboard.press('Escape');
  await expect(wizard).toBeHidden();

  await createCase(page, { title: '游戏点卡卡密无效' });
  // Ctrl+I is 添加文件 on a case page.
  app.queueFileDialog([]);
  await page.keyboard.press('Control+i');
  await expect.poll(() => app.desktop.fileDialogs.length).toBe(0);
  await dropTwo(page);
  // Ctrl+E opens the export.
  await page.keyboard.press('Control+e');
  await expect(page.getByTestId('export-dialog')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('export-dialog')).toBeHidden();

  // The viewer: → and ← go between items, Delete moves to the trash with 撤销 on offer.
  const cards = page.getByTestId('evidence-card');
  await cards.first().click();
  const viewer = page.getByTestId('evidence-viewer');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('1 / 2');
  const firstTitle = await viewer.getByTestId('evidence-title').inputValue();
  await page.keyboard.press('ArrowRight');
  await expect(viewer.getByTestId('viewer-position')).toHaveText('2 / 2');
  await expect(viewer.getByTestId('evidence-title')).not.toHaveValue(firstTitle);
  await page.keyboard.press('ArrowLeft');
  await expect(viewer.getByTestId('evidence-title')).toHaveValue(firstTitle);
  // Delete inside a text field edits the text, not the evidence.
  await viewer.getByTestId('evidence-title').focus();
  await page.keyboard.press('Delete');
  await expect(viewer).toBeVisible();
  await viewer.focus();
  await page.keyboard.press('Delete');
  await expect(viewer).toBeHidden();
  await expect(cards).toHaveCount(1);
  await expect(page.getByTestId('undo-toast')).toContainText(`已将「${firstTitle}」移到回收站`);
  await page.getByTestId('undo-button').click();
  await expect(cards).toHaveCount(2);

  // Ctrl+F searches, Ctrl+, opens 设置.
  await page.keyboard.press('Control+f');
  await expect(page.getByTestId('search-input')).toBeFocused();
  await page.locator('body').click({ position: { x: 5, y: 600 } });
  await page.keyboard.press('Control+,');
  await expect(page.getByTestId('settings')).toBeVisible();
});

test('撤销 takes back a trash, a move and a status change whole, and the audit log keeps both sides', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-18T09:00:00'));
  await app.goto();
  await createCase(page, { title: '案件甲' });
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await createCase(page, { title: '案件乙' });
  await dropTwo(page);
  const cards = page.getByTestId('evidence-card');
  const viewer = page.getByTestId('evidence-viewer');
  const toast = page.getByTestId('undo-toast');

  // Trash, with the fields' corrections kept through the round trip.
  await cards.filter({ hasText: '微信聊天' }).click();
  await viewer.getByTestId('evidence-trash').click();
  await expect(cards).toHaveCount(1);
  await expect(toast).toContainText('已将「微信聊天_20261116」移到回收站');
  await app.screenshot('ux-09-undo-toast');
  await toast.getByTestId('undo-button').click();
  await expect(toast).toHaveAttribute('data-state', 'undone');
  await expect(cards).toHaveCount(2);
  await page.getByTestId('nav-integrity').click();
  await expect(page.getByTestId('trash-empty')).toBeVisible();
  await page.getByRole('button', { name: /返回/ }).first().click();
  await page.getByTestId('case-row').filter({ hasText: '案件乙' }).click();

  // Move to 案件甲, then back.
  await cards.filter({ hasText: '微信聊天' }).click();
  await viewer.getByTestId('evidence-move').selectOption({ label: '案件甲' });
  await expect(cards).toHaveCount(1);
  await expect(toast).toContainText('已将「微信聊天_20261116」移到案件「案件甲」');
  await toast.getByTestId('undo-button').click();
  await expect(cards).toHaveCount(2);

  // A status change and the deadline it added.
  await page.getByTestId('status-select').selectOption('refund-requested');
  await page.getByTestId('transition-confirm').click();
  await expect(page.getByTestId('deadline').filter({ hasText: '平台初审' })).toHaveCount(1);
  await expect(toast).toContainText('案件状态已改为「已申请退款」');
  await toast.getByTestId('undo-button').click();
  await expect(page.getByTestId('status-select')).toHaveValue('collecting');
  await expect(page.getByTestId('deadline')).toHaveCount(0);

  // Left alone, the offer goes after a few seconds.
  await page.getByTestId('status-select').selectOption('closed');
  await expect(toast).toBeVisible();
  await expect(toast).toBeHidden({ timeout: 12_000 });
  await expect(page.getByTestId('status-select')).toHaveValue('closed');

  const log = await auditActions(app.vaultDir);
  const actions = log.map((e) => e.action);
  expect(actions.filter((a) => a === 'undo')).toHaveLength(3);
  expect(actions).toContain('delete');
  expect(actions).toContain('restore');
  expect(log.filter((e) => e.action === 'move' && e.detail.startsWith('撤销'))).toHaveLength(2);
  expect(log.filter((e) => e.action === 'status').map((e) => e.detail)).toEqual(['收集证据 → 已申请退款', '已申请退款 → 收集证据', '收集证据 → 结案']);
  expect(log.filter((e) => e.action === 'undo').map((e) => e.detail)).toEqual([
    '撤销移到回收站「微信聊天_20261116」(案件「案件乙」)',
    '撤销移动「微信聊天_20261116」：放回案件「案件乙」',
    '撤销状态变更：收集证据 → 已申请退款',
  ]);
  // The case's own history shows the undo entries too.
  await expect(page.getByTestId('case-history')).toContainText('撤销状态变更');
});

import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './harness/fixture';
import { createCase } from './steps';

/** Asia/Shanghai wall clock → epoch ms. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);

const chipOffsets = (scope: Locator) => scope.getByTestId('offset-chip').evaluateAll((chips) => chips.map((c) => Number(c.getAttribute('data-offset'))));

const presetRow = (page: Page, id: string) => page.locator(`[data-testid="preset-row"][data-preset="${id}"]`);

async function openSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings')).toBeVisible();
  await expect(page.locator('.preset-table')).toHaveAttribute('data-ready', 'true');
}

test('Settings: an edited preset length is validated, persisted and used by new deadlines; default offsets; launch at login', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-09-30T10:00:00'));
  await app.goto();
  await openSettings(page);

  const rows = page.getByTestId('preset-row');
  await expect(rows).toHaveCount(12);
  const review = presetRow(page, 'platform-review');
  await expect(review).toContainText('平台初审');
  await expect(review.getByTestId('preset-counting')).toHaveText('工作日');
  await expect(review).toContainText('平台及店铺惯例');
  await expect(presetRow(page, 'complaint-limitation').getByTestId('preset-counting')).toHaveText('年');
  await expect(presetRow(page, 'supplement-materials').getByTestId('preset-counting')).toHaveText('小时');
  await expect(presetRow(page, 'seven-day-return').getByTestId('preset-counting')).toHaveText('自然日');
  await expect(page.getByTestId('settings-presets')).toContainText('已经创建的期限保留原来的截止时间');
  await expect(review.getByTestId('preset-reset')).toBeDisabled();

  const length = review.getByTestId('preset-length');
  await expect(length).toHaveValue('3');
  for (const [typed, message] of [['0', '至少为 1'], ['1001', '不能超过 1000'], ['', '请输入时长']] as const) {
    await length.fill(typed);
    await length.press('Enter');
    await expect(review.getByTestId('preset-error')).toHaveText(message);
  }
  await expect(review.getByTestId('preset-modified')).toHaveCount(0);
  await length.fill('5');
  await length.press('Enter');
  await expect(review.getByTestId('preset-modified')).toBeVisible();
  await expect(review.getByTestId('preset-error')).toHaveCount(0);

  // Default offsets: drop 提前2小时, add a custom 30 分钟.
  const defaults = page.getByTestId('default-offsets');
  await expect(defaults.getByTestId('offset-label')).toHaveText(['提前1天', '提前2小时', '到期时']);
  await defaults.getByTestId('offset-chip').filter({ hasText: '提前2小时' }).getByTestId('offset-remove').click();
  await defaults.getByTestId('offset-add').click();
  await defaults.getByTestId('offset-amount').fill('30');
  await defaults.getByTestId('offset-unit').selectOption('minutes');
  await defaults.getByTestId('offset-add-custom').click();
  await defaults.getByTestId('offset-amount').fill('1');
  await defaults.getByTestId('offset-unit').selectOption('days');
  await defaults.getByTestId('offset-add-custom').click();
  await expect(defaults.getByTestId('offset-error')).toHaveText('已有这个提醒');
  await defaults.getByTestId('offset-adder-close').click();
  await expect(defaults.getByTestId('offset-label')).toHaveText(['提前1天', '提前30分钟', '到期时']);

  // Launch at login: off by default, and main stores and applies the change.
  const toggle = page.getByTestId('launch-at-login');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(toggle).toBeEnabled();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect(app.desktop.loginItem).toEqual([true]);
  expect(await app.reminders().settings()).toEqual({ launchAtLogin: true, launchAtLoginSupported: true });
  const stored = JSON.parse(await readFile(join(dirname(app.vaultDir), 'reminders.json'), 'utf8')) as { settings: unknown };
  expect(stored.settings).toEqual({ launchAtLogin: true });
  await app.screenshot('30b-settings-reminders-startup');
  await page.locator('.app-main').evaluate((el) => el.scrollTo(0, 0));
  await app.screenshot('30-settings');

  // Everything survives a reload.
  await page.reload();
  await expect(page.getByTestId('case-list')).toHaveAttribute('data-ready', 'true');
  await openSettings(page);
  await expect(presetRow(page, 'platform-review').getByTestId('preset-length')).toHaveValue('5');
  await expect(page.getByTestId('default-offsets').getByTestId('offset-label')).toHaveText(['提前1天', '提前30分钟', '到期时']);
  await expect(page.getByTestId('launch-at-login')).toHaveAttribute('aria-checked', 'true');
  await page.getByTestId('launch-at-login').click();
  await expect(page.getByTestId('launch-at-login')).toHaveAttribute('aria-checked', 'false');
  expect(app.desktop.loginItem).toEqual([true, false]);
  expect((await app.reminders().settings()).launchAtLogin).toBe(false);

  // The language switch lives here too.
  await page.getByTestId('language-en').click();
  await expect(page.getByTestId('settings')).toContainText('Deadline rules');
  await expect(presetRow(page, 'platform-review')).toContainText('Platform first review');
  await app.screenshot('31-settings-en');
  await page.getByTestId('language-zh-CN').click();
  await expect(page.getByTestId('settings')).toContainText('期限规则');

  // A new case uses the edited length (5 working days from 9/30 skip 国庆: 10/8, 9, 10, 12, 13) and the default offsets.
  await page.getByTestId('nav-search').click();
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await createCase(page, { title: '退款审核超时' });
  await page.getByTestId('status-select').selectOption('refund-requested');
  await expect(page.getByTestId('transition-dialog')).toContainText('2026-10-13 23:59');
  await page.getByTestId('transition-confirm').click();
  const deadline = page.locator('[data-testid="deadline"][data-preset="platform-review"]');
  await expect(deadline).toContainText('截止 2026-10-13 23:59');
  expect(await chipOffsets(deadline)).toEqual([1440, 30, 0]);

  // A custom deadline counted by a rule takes the edited length too.
  await page.getByTestId('add-deadline').click();
  const form = page.getByTestId('custom-deadline');
  await form.getByTestId('deadline-mode').selectOption('after');
  await form.getByTestId('deadline-rule').selectOption('platform-review');
  await expect(form.getByTestId('deadline-length')).toHaveValue('5');
  await expect(form.getByTestId('deadline-unit')).toHaveValue('working-days');
  await form.getByTestId('deadline-at').fill('2026-10-08T09:00');
  await form.getByTestId('deadline-save').click();
  const custom = page.locator('[data-testid="deadline"][data-preset="custom"]');
  await expect(custom).toContainText('平台初审');
  // 10/9, the 10/10 make-up Saturday, 10/12, 13, 14.
  await expect(custom).toContainText('截止 2026-10-14 23:59');

  // Resetting the preset changes future proposals only; the deadline keeps its due time.
  await openSettings(page);
  await presetRow(page, 'platform-review').getByTestId('preset-reset').click();
  await expect(presetRow(page, 'platform-review').getByTestId('preset-length')).toHaveValue('3');
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await page.getByTestId('case-row').click();
  await expect(deadline).toContainText('截止 2026-10-13 23:59');
});

test('per-deadline reminder offsets: edit them, and main reminds on the new schedule', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-20T10:00:00'));
  await app.goto();
  await createCase(page, { title: '耳机未发货' });
  await page.getByTestId('add-deadline').click();
  const form = page.getByTestId('custom-deadline');
  await form.getByTestId('deadline-label').fill('平台申诉截止');
  await form.getByTestId('deadline-at').fill('2026-11-22T20:00');
  await form.getByTestId('deadline-save').click();

  const deadline = page.getByTestId('deadline').filter({ hasText: '平台申诉截止' });
  const chips = deadline.getByTestId('offset-chip');
  const chipLabels = deadline.getByTestId('offset-label');
  await expect(chipLabels).toHaveText(['提前1天', '提前2小时', '到期时']);
  await expect(deadline.getByTestId('next-reminder')).toHaveText('下次提醒 2026-11-21 20:00');

  // Drop 提前1天; add 30 分钟 and, as a quick pick, 提前3天 (already past, so it can never fire).
  await chips.filter({ hasText: '提前1天' }).getByTestId('offset-remove').click();
  await deadline.getByTestId('offset-add').click();
  await deadline.getByTestId('offset-amount').fill('30');
  await deadline.getByTestId('offset-add-custom').click();
  await deadline.locator('[data-testid="offset-suggestion"][data-offset="4320"]').click();
  await expect(chipLabels).toHaveText(['提前3天', '提前2小时', '提前30分钟', '到期时']);
  await expect(deadline.locator('[data-testid="offset-chip"][data-offset="4320"]')).toHaveAttribute('data-state', 'skipped');
  await expect(deadline.getByTestId('next-reminder')).toHaveText('下次提醒 2026-11-22 18:00');
  await app.screenshot('32-deadline-offsets-editor');
  await deadline.getByTestId('offset-adder-close').click();
  // Main's mirror has the new offsets.
  await expect.poll(async () => (await app.reminders().openDeadlines())[0]?.offsetsMin).toEqual([4320, 120, 30, 0]);

  // The old 1-day reminder time passes: nothing, since it was removed.
  await app.setClock(shanghai('2026-11-21T20:05:00'));
  await expect(deadline.getByTestId('countdown')).toHaveText('剩 23 小时 55 分');
  expect(app.desktop.notifications).toHaveLength(0);

  await app.setClock(shanghai('2026-11-22T18:01:00'));
  expect(app.desktop.notifications.map((n) => n.offsetMin)).toEqual([120]);
  await expect(deadline.locator('[data-testid="offset-chip"][data-offset="120"]')).toHaveAttribute('data-state', 'shown');
  await expect(deadline.locator('[data-testid="offset-chip"][data-offset="30"]')).toHaveAttribute('data-state', 'upcoming');
  await expect(deadline.getByTestId('next-reminder')).toHaveText('下次提醒 2026-11-22 19:30');

  await app.setClock(shanghai('2026-11-22T19:31:00'));
  expect(app.desktop.notifications.map((n) => n.offsetMin)).toEqual([120, 30]);
  await expect(deadline.locator('[data-testid="offset-chip"][data-offset="30"]')).toHaveAttribute('data-state', 'shown');
  await expect(deadline.getByTestId('next-reminder')).toHaveText('下次提醒 2026-11-22 20:00');
  await app.screenshot('33-deadline-offsets-fired');

  // The offsets are the deadline's own, stored with it.
  await page.reload();
  await page.getByTestId('case-row').click();
  await expect(chipLabels).toHaveText(['提前3天', '提前2小时', '提前30分钟', '到期时']);
  await expect(deadline.locator('[data-testid="offset-chip"][data-offset="120"]')).toHaveAttribute('data-state', 'shown');
});

import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { expect, test } from './harness/fixture';
import { createCase } from './steps';

/** Asia/Shanghai wall clock → epoch ms. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);

test('已申请退款 proposes the 3-working-day review deadline, counts down across 国庆, reminds once, and exports to a calendar', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-09-30T10:00:00'));
  await app.goto();
  await createCase(page, { title: '点卡卡密无效', shop: '星辰数码', orderNumber: '3456789012345678901', amount: '100' });

  await page.getByTestId('status-select').selectOption('refund-requested');
  const dialog = page.getByTestId('transition-dialog');
  await expect(dialog).toContainText('平台初审');
  // Three working days after 9/30 skip the 10/1–10/7 holiday and land on the 10/10 make-up Saturday.
  await expect(dialog).toContainText('2026-10-10 23:59');
  await app.screenshot('10-transition-proposal');
  await dialog.getByTestId('transition-confirm').click();

  const deadline = page.getByTestId('deadline').filter({ hasText: '平台初审' });
  await expect(deadline).toContainText('截止 2026-10-10 23:59');
  await expect(deadline.getByTestId('countdown')).toHaveText('剩 10 天 13 小时');
  await expect(deadline.getByTestId('countdown')).toHaveAttribute('data-urgency', 'later');
  await expect(page.getByTestId('status-select')).toHaveValue('refund-requested');
  await expect(page.getByTestId('timeline')).toContainText('状态改为「已申请退款」');
  await app.screenshot('11-case-with-deadline');

  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await expect(page.getByTestId('case-row').getByTestId('countdown')).toHaveText('剩 10 天 13 小时');
  await app.screenshot('12-case-list-with-countdown');

  // The laptop sleeps through the 1-day and the 2-hour reminders and wakes 90 minutes before the end.
  await app.setClock(shanghai('2026-10-10T22:30:00'));
  await page.getByTestId('case-row').click();
  await expect(deadline.getByTestId('countdown')).toHaveAttribute('data-urgency', 'today');
  await expect(deadline.getByTestId('countdown')).toHaveText('剩 1 小时 29 分');
  expect(app.desktop.notifications).toHaveLength(1);
  expect(app.desktop.notifications[0]).toMatchObject({ caseTitle: '点卡卡密无效', missed: true });
  await expect(deadline.getByTestId('reminded')).toBeVisible();
  // What main has shown survives a restart of the window too.
  await page.reload();
  await page.getByTestId('case-row').click();
  await expect(deadline.getByTestId('reminded')).toBeVisible();
  // Waking again without new offsets passing shows nothing more.
  await app.setClock(shanghai('2026-10-10T22:40:00'));
  expect(app.desktop.notifications).toHaveLength(1);

  await app.setClock(shanghai('2026-10-11T09:00:00'));
  await expect(deadline.getByTestId('countdown')).toHaveAttribute('data-urgency', 'overdue');
  await expect(deadline.getByTestId('countdown')).toHaveText('已逾期 0 天 9 小时');
  expect(app.desktop.notifications).toHaveLength(2);
  await app.screenshot('13-overdue-deadline');

  const icsPath = join(await mkdtemp(join(tmpdir(), 'liuzheng-ics-')), 'deadlines.ics');
  app.queueSaveDialog(icsPath);
  await page.getByTestId('export-ics').click();
  await expect(page.getByTestId('ics-result')).toContainText('已导出 1 个期限');
  const cal = new ICAL.Component(ICAL.parse(await readFile(icsPath, 'utf8')));
  const events = cal.getAllSubcomponents('vevent');
  expect(events).toHaveLength(1);
  const vevent = new ICAL.Event(events[0]);
  expect(vevent.summary).toContain('平台初审');
  expect(vevent.summary).toContain('点卡卡密无效');
  expect(vevent.startDate.toJSDate().getTime()).toBe(shanghai('2026-10-10T23:59:59'));
  expect(events[0]?.getAllSubcomponents('valarm').length).toBeGreaterThanOrEqual(3);

  await page.getByTestId('deadline-done').click();
  await expect(deadline.getByTestId('countdown')).toHaveText('已完成');
  await expect(page.getByTestId('timeline')).toContainText('期限完成');
});

test('a custom deadline, the 7-day warning for used virtual goods, and the calendar view', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-22T10:00:00'));
  await app.goto();
  await createCase(page, { title: '会员兑换码已使用' });
  await page.getByTestId('edit-case').click();
  await page.getByTestId('case-goodsType').selectOption('virtual');
  await page.getByTestId('case-virtualState').selectOption('used');
  await page.getByTestId('case-save').click();
  await expect(page.getByTestId('seven-day-warning')).toContainText('七日无理由退货通常不适用');

  await page.getByTestId('add-deadline').click();
  const form = page.getByTestId('custom-deadline');
  await form.getByTestId('deadline-label').fill('平台申诉截止');
  await form.getByTestId('deadline-mode').selectOption('after');
  await form.getByTestId('deadline-at').fill('2026-11-22T10:00');
  await form.getByTestId('deadline-length').fill('5');
  await form.getByTestId('deadline-unit').selectOption('working-days');
  await form.getByTestId('deadline-save').click();
  const custom = page.getByTestId('deadline').filter({ hasText: '平台申诉截止' });
  await expect(custom).toContainText('截止 2026-11-27 23:59');
  await app.screenshot('14-custom-deadline');

  await page.getByTestId('nav-calendar').click();
  await expect(page.getByTestId('calendar-month')).toHaveText('2026-11');
  await expect(page.getByTestId('calendar-item')).toContainText('会员兑换码已使用 · 平台申诉截止');
  await app.screenshot('15-calendar');
  await page.getByTestId('calendar-item').click();
  await expect(page.getByTestId('case-title')).toHaveText('会员兑换码已使用');
});

// Accessibility and themes: every main screen and dialog, in the light and the dark theme, goes through
// axe-core (WCAG 2.1 A/AA rules) and fails on any serious or critical violation; each is saved as a
// screenshot in both themes.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { chatSvg, orderPageSvg, png } from '../support/screens';
import type { AppHarness } from './harness/attach';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

test.describe.configure({ timeout: 300_000 });

const THEMES = ['light', 'dark'] as const;
type Theme = (typeof THEMES)[number];

/** Runs axe over the page as it stands and returns the serious and critical findings, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('') ?? ''}`));
}

/** Checks one screen in both themes (the OS's colour scheme, followed by the default 跟随系统). */
async function checkScreen(app: AppHarness, name: string, ready: () => Promise<void>): Promise<void> {
  const { page } = app;
  for (const theme of THEMES) {
    await page.emulateMedia({ colorScheme: theme });
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    await ready();
    expect(await seriousViolations(page), `${name} (${theme})`).toEqual([]);
    await app.screenshot(`theme-${name}-${theme}`);
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

async function themed(app: AppHarness, theme: Theme): Promise<void> {
  await app.page.emulateMedia({ colorScheme: theme });
  await expect(app.page.locator('html')).toHaveAttribute('data-theme', theme);
}

async function start(app: AppHarness): Promise<void> {
  await app.goto();
  // Buttons ease their colours; with reduced motion (which the app honours) axe reads the settled theme.
  await app.page.emulateMedia({ reducedMotion: 'reduce' });
}

async function caseWithEvidence(app: AppHarness): Promise<void> {
  const { page } = app;
  await createCase(page, { title: '游戏点卡卡密无效', shop: '星辰数码专营店', orderNumber: '3456789012345678901', amount: '149.9', platform: 'kameng' });
  await dropFiles(page, 'drop-zone', [
    { name: 'Screenshot_20261117_120304.png', bytes: await png(orderPageSvg()), type: 'image/png' },
    { name: '微信聊天_20261116.png', bytes: await png(chatSvg()), type: 'image/png' },
  ]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(2);
}

test('axe, both themes: the first-run guide and the new-case flow', async ({ app }) => {
  const { page } = app;
  await start(app);
  await checkScreen(app, '01-first-run-guide', () => expect(page.getByTestId('first-run-guide')).toBeVisible());
  await page.getByTestId('new-case').click();
  await checkScreen(app, '02-new-case-flow', () => expect(page.getByTestId('case-wizard')).toBeVisible());
  await page.getByTestId('wizard-next').click();
  await page.getByTestId('wizard-goods-virtual').click();
  await checkScreen(app, '03-new-case-goods', () => expect(page.getByTestId('wizard-virtual')).toBeVisible());
  await page.getByTestId('wizard-next').click();
  await checkScreen(app, '03b-new-case-facts', () => expect(page.getByTestId('case-platform')).toBeVisible());
});

test('axe, both themes: the case page and its dialogs', async ({ app }) => {
  const { page } = app;
  await start(app);
  await caseWithEvidence(app);
  await checkScreen(app, '04-case-page', () => expect(page.getByTestId('case-outlook')).toBeVisible());

  await page.getByTestId('evidence-card').first().click();
  await checkScreen(app, '05-evidence-viewer', async () => {
    await expect.poll(() => page.getByTestId('viewer-image').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBeGreaterThan(0);
  });
  await page.keyboard.press('Escape');

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await checkScreen(app, '06-export-dialog', () => expect(dialog).toBeVisible());
  // The redaction step: a drawn mask over the image is painted the same in both themes, so it stays
  // visible on the image, which itself is never recoloured.
  await dialog.getByTestId('export-redact').check();
  await dialog.getByTestId('open-redaction').click();
  const layer = dialog.getByTestId('redact-layer').first();
  const box = await layer.boundingBox();
  if (!box) throw new Error('no preview');
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.1);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.6, box.y + box.height * 0.2, { steps: 5 });
  await page.mouse.up();
  const drawn = dialog.getByTestId('redact-drawn-box').first();
  const paint: string[] = [];
  await checkScreen(app, '06c-redaction-step', async () => {
    await expect(drawn).toBeVisible();
    paint.push(await drawn.evaluate((el) => `${getComputedStyle(el).backgroundColor} ${getComputedStyle(el).outlineColor}`));
    expect(await dialog.locator('.redact-canvas img').first().evaluate((el) => getComputedStyle(el).filter)).toBe('none');
  });
  expect(paint[0]).toBe(paint[1]);
  expect(paint[0]).toContain('rgba(17, 20, 24, 0.86)');
  await dialog.getByTestId('redaction-done').click();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('edit-case').click();
  await checkScreen(app, '06b-edit-case', () => expect(page.getByTestId('case-form')).toBeVisible());
  await page.keyboard.press('Escape');

  await page.getByTestId('shortcuts-open').click();
  await checkScreen(app, '07-shortcuts', () => expect(page.getByTestId('shortcuts-dialog')).toBeVisible());
  await page.keyboard.press('Escape');

  // In English too, every control keeps an accessible name.
  await page.getByTestId('language-switch').click();
  await checkScreen(app, '07b-case-page-en', () => expect(page.getByTestId('case-outlook')).toContainText('This case at a glance'));
});

test('axe, both themes: the case list, search, calendar, maintenance, backup and settings', async ({ app }) => {
  const { page } = app;
  await start(app);
  await caseWithEvidence(app);
  await page.getByRole('button', { name: /返回案件列表/ }).click();
  await checkScreen(app, '08-case-list', () => expect(page.getByTestId('case-row')).toHaveCount(1));
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('订单');
  await checkScreen(app, '09-search', () => expect(page.getByTestId('search-input')).toBeVisible());
  await page.getByTestId('nav-calendar').click();
  await checkScreen(app, '10-calendar', () => expect(page.getByTestId('nav-calendar')).toHaveClass(/nav-active/));
  await page.getByTestId('nav-integrity').click();
  await checkScreen(app, '11-integrity', () => expect(page.getByTestId('nav-integrity')).toHaveClass(/nav-active/));
  await page.getByTestId('nav-backup').click();
  await checkScreen(app, '12-backup', () => expect(page.getByTestId('nav-backup')).toHaveClass(/nav-active/));
  await page.getByTestId('nav-settings').click();
  await checkScreen(app, '13-settings', () => expect(page.getByTestId('settings')).toBeVisible());
  // In English too, every control keeps an accessible name.
  await page.getByTestId('language-switch').click();
  await checkScreen(app, '14-settings-en', () => expect(page.getByTestId('settings')).toContainText('Appearance'));
  await page.getByTestId('nav-search').click();
  await checkScreen(app, '15-search-en', () => expect(page.getByTestId('search-input')).toBeVisible());
});

test('the theme follows the OS until 设置 picks one, and the choice survives a restart', async ({ app }) => {
  const { page } = app;
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.goto();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('settings-theme');
  await expect(section.getByTestId('theme-system')).toHaveAttribute('aria-checked', 'true');

  await section.getByTestId('theme-light').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await themed(app, 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  // A fixed choice ignores the OS.
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');

  await section.getByTestId('theme-dark').click();
  await page.emulateMedia({ colorScheme: 'light' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.getByTestId('first-run-guide')).toBeVisible();
  // The body really is dark, not just labelled so.
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).toBe('rgb(21, 23, 26)');

  await page.getByTestId('nav-settings').click();
  await page.getByTestId('settings-theme').getByTestId('theme-system').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

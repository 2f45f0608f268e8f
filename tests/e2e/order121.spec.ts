// A 卡盟 case from creation to a 12315 letter under Order 121: the same-day window's first reminder
// at once, the card-shop record filled from a screenshot's OCR and by typing, secrets hidden, the
// Art. 16 checks, the paste view in the web form's order, and a PDF carrying every registration field.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SECRET_MASK } from '../../shared/cardshop/record';
import { cardShopLookupSvg, png } from '../support/screens';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles, fillComplaint } from './steps';

const run = promisify(execFile);
/** Asia/Shanghai wall clock → epoch ms. */
const shanghai = (local: string) => Date.parse(`${local}+08:00`);
const ORDER = 'T20261117200012345';
const PASSWORD = 'pw5531';
const CARD = 'K7M2-Q9X4-ZP3L-8WRT';
test.describe.configure({ timeout: 240_000 });

test('卡盟 case → 12315 letter with every Order 121 field, secrets masked', async ({ app }) => {
  const { page } = app;
  await app.setClock(shanghai('2026-11-17T20:05:00'));
  await app.goto();
  await createCase(page, { title: '发卡网点卡卡密无效', platform: 'kameng', shop: '星辰发卡', item: 'XX游戏点卡 100元', amount: '149.90', purchasedAt: '2026-11-17T20:00' });

  // The same-day window closes at 23:59:59: the first reminder comes at once, not a day before.
  await expect.poll(() => app.desktop.notifications.length).toBe(1);
  expect(app.desktop.notifications[0]).toMatchObject({ caseTitle: '发卡网点卡卡密无效', label: '卡盟当天投诉', missed: false, overdue: false });
  await expect(page.getByTestId('deadline-panel')).toContainText('卡盟当天投诉');

  // The record says plainly what is missing, then fills from the order-lookup screenshot once OCR has read it.
  const panel = page.getByTestId('card-shop-panel');
  await expect(panel.getByTestId('card-shop-missing')).toContainText('还缺：店铺域名、订单号、下单邮箱/手机号、查询密码、卡密、支付交易号、投诉/工单页面');
  await dropFiles(page, 'drop-zone', [{ name: 'Screenshot_20261117_200300.png', bytes: await png(cardShopLookupSvg({ order: ORDER, password: PASSWORD, card: CARD }), 2), type: 'image/png' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);
  // Fill is idempotent: pressed until OCR has read the screenshot (it runs in the background).
  await expect
    .poll(
      async () => {
        await panel.getByTestId('card-shop-fill').click();
        await expect(panel.getByTestId('card-shop-note')).toBeVisible();
        return (await panel.getByTestId('card-shop-missing').textContent()) ?? '';
      },
      { timeout: 150_000, intervals: [2000] },
    )
    .toBe('还缺：支付交易号、投诉/工单页面');
  await expect(panel.getByTestId('card-shop-missing')).toHaveText('还缺：支付交易号、投诉/工单页面');
  await expect(panel.getByTestId('card-shop-orderNumber')).toContainText(ORDER);
  await expect(panel.getByTestId('card-shop-domain').locator('input')).toHaveValue('ka.example.com');
  await expect(panel.getByTestId('card-shop-contact').locator('input')).toHaveValue('buyer@example.com');
  // Masked until asked, then shown on request.
  await expect(panel.getByTestId('card-shop-cardCode').getByTestId('secret-value')).toHaveText(SECRET_MASK);
  await expect(panel).not.toContainText(CARD);
  await panel.getByRole('button', { name: '显示 查询密码' }).click();
  await expect(panel.getByTestId('card-shop-queryPassword').getByTestId('secret-value')).toHaveText(PASSWORD);
  await panel.getByRole('button', { name: '隐藏 查询密码' }).click();
  // Typed by the buyer.
  await panel.getByLabel('支付交易号').fill('2026111722001412345678901234');
  await panel.getByLabel('支付交易号').press('Enter');
  // Typed key by key, so the save of the field above lands mid-typing: it must not wipe this one.
  await panel.getByLabel('投诉/工单页面').pressSequentially('https://ka.example.com/complaint', { delay: 25 });
  await panel.getByLabel('投诉/工单页面').press('Enter');
  await expect(panel.getByTestId('card-shop-missing')).toHaveText('七项都已记录。');
  await app.screenshot('40-card-shop-record');

  await page.getByTestId('open-export').click();
  const dialog = page.getByTestId('export-dialog');
  await dialog.getByTestId('export-target').selectOption('12315');
  // Nothing is preset for the buyer: both consents are unanswered and block the letter.
  await expect(dialog.getByTestId('export-blocking')).toContainText('是否同意公开投诉信息');
  await expect(dialog.getByTestId('export-blocking')).toContainText('本应用不代选');
  await fillComplaint(dialog, { knewOfHarmAt: '2026-11-17', place: 'https://ka.example.com' });
  await dialog.getByTestId('respondent-contact').fill('王客服');
  await dialog.getByTestId('respondent-phone').fill('400-123-4567');
  // Art. 16, said plainly: already before a court, or more than three years late.
  await dialog.getByTestId('other-proceeding').selectOption('court');
  await expect(dialog.getByTestId('export-refusal')).toContainText('同一纠纷已由法院、仲裁机构或消协处理');
  await dialog.getByTestId('other-proceeding').selectOption('none');
  await dialog.getByTestId('knew-of-harm').fill('2023-11-16');
  await expect(dialog.getByTestId('export-refusal')).toContainText('已超过三年投诉时效');
  await expect(dialog.getByTestId('export-blocking')).toContainText('2026-11-16');
  await dialog.getByTestId('knew-of-harm').fill('2026-11-17');
  await expect(dialog.getByTestId('export-blocking')).toHaveCount(0);
  await expect(dialog.getByTestId('export-refusal')).toHaveCount(0);
  await app.screenshot('41-export-order121');

  // Each field ready to paste, in the web form's order, the order number among them.
  await dialog.getByTestId('export-paste').click();
  const paste = dialog.getByTestId('paste-view');
  await expect(paste.getByTestId('paste-orderNumber').getByTestId('paste-value')).toHaveText(ORDER);
  await expect(paste.getByTestId('paste-respondent.contact').getByTestId('paste-value')).toHaveText('王客服 400-123-4567');
  await expect(paste.getByTestId('paste-consentPublish').getByTestId('paste-value')).toHaveText('不同意');
  const keys = await paste.locator('li.paste-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-testid')));
  expect(keys.indexOf('paste-respondent.name')).toBeLessThan(keys.indexOf('paste-orderNumber'));
  expect(keys.indexOf('paste-orderNumber')).toBeLessThan(keys.indexOf('paste-statement'));
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  await paste.getByRole('button', { name: '复制 订单号' }).click();
  await expect(paste.getByRole('button', { name: '复制 订单号' })).toHaveText('已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(ORDER);
  await app.screenshot('42-paste-12315');
  await paste.getByTestId('paste-back').click();

  const out = join(await mkdtemp(join(tmpdir(), 'liuzheng-order121-')), '投诉.pdf');
  app.queueSaveDialog(out);
  await dialog.getByTestId('export-pdf').click();
  await expect(dialog.getByTestId('export-result')).toBeVisible({ timeout: 60_000 });
  const { stdout } = await run('pdftotext', ['-layout', out, '-']);
  for (const words of [
    '投诉书',
    '张三',
    '13800138000',
    '居民身份证',
    '11010519491231002X',
    '上海市浦东新区张江路1号',
    '同意公开',
    '不同意',
    '同意委托调解',
    '星辰发卡',
    '浙江省杭州市余杭区文一西路969号',
    '王客服',
    '400-123-4567',
    '2026-11-17 20:00',
    'https://ka.example.com',
    'XX游戏点卡 100元',
    '149.90 元',
    ORDER,
    '退还货款/服务费，金额 149.90 元',
    '知道受损日期',
    '其他途径',
    '发卡网订单记录',
    'buyer@example.com',
    '2026111722001412345678901234',
    'https://ka.example.com/complaint',
    SECRET_MASK,
  ]) {
    expect(stdout, words).toContain(words);
  }
  expect(stdout).not.toContain(CARD);
  expect(stdout).not.toContain(PASSWORD);
});

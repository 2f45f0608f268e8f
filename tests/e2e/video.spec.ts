import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CARD_CODE, FLOW, ORDER_NO, recordRedemptionWebm } from '../support/recording';
import { expect, test } from './harness/fixture';
import { createCase, dropFiles } from './steps';

// A screen recording made now (tests/support/recording.ts), its key frames extracted by the shipped
// ffmpeg and read by the real OCR engine in the test process: minutes on a loaded machine.
test.describe.configure({ timeout: 300_000 });
const FRAMES_WAIT = { timeout: 200_000 };

test('a screen recording gets a contact sheet: frames play from their offset, the error text is searchable and linked to its frame, frames can be chosen for the bundle', async ({ app }) => {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-video-e2e-'));
  const recording = await recordRedemptionWebm(path.join(scratch, 'flow.webm')).finally(() => rm(scratch, { recursive: true, force: true }));
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '卡密兑换失败录屏' });
  await dropFiles(page, 'drop-zone', [{ name: 'Screenrecorder-2026-11-17-12-03-04-123.webm', bytes: recording.bytes, type: 'video/webm' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);
  await page.getByTestId('evidence-card').click();
  const viewer = page.getByTestId('evidence-viewer');
  // Progress is shown while the frames are made and read.
  await expect(viewer.getByTestId('video-progress').or(viewer.getByTestId('video-frames'))).toBeVisible();
  const frames = viewer.getByTestId('video-frame');
  await expect(frames.first()).toBeVisible(FRAMES_WAIT);
  await expect(viewer.getByTestId('video-start')).toContainText('2026-11-17 12:03:04');
  await expect(viewer.getByTestId('video-start')).toContainText('录屏文件名');
  const offsets = (await frames.evaluateAll((els) => els.map((el) => Number(el.getAttribute('data-offset')))));
  expect(offsets[0]).toBe(0);
  expect(offsets.some((o) => o >= FLOW.errorAt - 0.2 && o <= FLOW.errorAt + 1.5)).toBe(true);

  // The order number read from the frames is a field of the video, with the frame it came from.
  const field = viewer.getByTestId('field-row').filter({ hasText: ORDER_NO });
  await expect(field).toHaveCount(1, FRAMES_WAIT);
  await expect(field.getByTestId('field-frame')).toContainText(/画面\d+ · 00:0\d\.\d/u);
  await expect(viewer.getByTestId('ocr-text')).toContainText('卡密已被使用', { useInnerText: false });
  await app.screenshot('40-video-contact-sheet');

  // Clicking the dialog's frame plays the original from that offset.
  const dialog = frames.filter({ hasText: '卡密已被使用' }).first();
  const at = Number(await dialog.getAttribute('data-offset'));
  await dialog.getByRole('button').click();
  const player = viewer.getByTestId('video-player');
  await expect(player).toBeVisible();
  await expect.poll(() => player.evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 20_000 }).toBeGreaterThanOrEqual(at - 0.05);
  await app.screenshot('41-video-playing-from-frame');

  // The buyer takes a frame out of the bundle; the choice is kept on the evidence record.
  const choose = dialog.getByTestId('video-frame-choose');
  await expect(choose).toBeChecked();
  await choose.click();
  await expect(choose).not.toBeChecked();
  await expect(viewer.getByText(/已选 \d+ \/ \d+ 帧放入证据包/u)).toBeVisible();
  await expect(viewer.getByRole('button', { name: '恢复推荐选择' })).toBeVisible();
  // Kept on the record: a reload shows the same choice.
  await page.keyboard.press('Escape');
  await page.reload();
  await page.getByTestId('case-row').click();
  await page.getByTestId('evidence-card').click();
  await expect(viewer.getByTestId('video-frame').filter({ hasText: '卡密已被使用' }).first().getByTestId('video-frame-choose')).not.toBeChecked();
  await viewer.getByRole('button', { name: '恢复推荐选择' }).click();
  await expect(viewer.getByTestId('video-frame').filter({ hasText: '卡密已被使用' }).first().getByTestId('video-frame-choose')).toBeChecked();
  await page.keyboard.press('Escape');

  // The frames' text is searchable and leads back to the video.
  await page.getByTestId('nav-search').click();
  await page.getByTestId('search-input').fill('已被使用');
  await expect(page.getByTestId('search-hit')).toHaveCount(1);
  await expect(page.getByTestId('search-hit')).toContainText('Screenrecorder');
  expect(CARD_CODE).toMatch(/^[A-Z0-9-]+$/u);
});

test('a file that claims to be MP4 but is not is kept and listed, with a clear message on the item', async ({ app }) => {
  const { page } = app;
  await app.goto();
  await createCase(page, { title: '坏视频' });
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);
  await dropFiles(page, 'drop-zone', [{ name: '录屏_20261117_120304.mp4', bytes: Buffer.concat([ftyp, Buffer.from('这不是视频。'.repeat(400))]), type: 'video/mp4' }]);
  await expect(page.getByTestId('evidence-card')).toHaveCount(1);
  await page.getByTestId('evidence-card').click();
  const error = page.getByTestId('evidence-viewer').getByTestId('video-error');
  await expect(error).toContainText('录屏_20261117_120304.mp4', { timeout: 60_000 });
  await expect(error).toContainText('不是可识别的视频');
  await expect(page.getByTestId('evidence-sha')).toHaveText(/^[0-9a-f]{64}$/u);
  await app.screenshot('42-video-not-a-video');
});

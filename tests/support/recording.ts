// Screen recordings made at test time, never committed: a Chromium page animates a card-code
// redemption (兑换页 → the code typed in → 兑换中 → the error dialog 卡密已被使用) on a canvas and
// records it with MediaRecorder (VP8 WebM), as a phone's screen recorder would. The shipped ffmpeg
// then makes an H.264 MP4 (and HEVC MOV) of it, and the bad inputs are cut from those.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { ffmpegPath, runFfmpeg } from '../../electron/main/video/ffmpeg';
import { chromiumLaunchOptions } from './chromium';

/** When each screen of the flow starts, in seconds from the first frame. */
export const FLOW = { typingAt: 2.5, submitAt: 4.5, errorAt: 5.5, endAt: 9 };
export const CARD_CODE = 'K7QX-M2PA-9RTL-W4ZD';
export const ORDER_NO = '202611171203045678';

const PAGE = String.raw`<!doctype html><meta charset="utf-8"><body style="margin:0;background:#fff">
<canvas id="c" width="540" height="960"></canvas>
<script>
const FLOW = __FLOW__, CODE = '__CODE__', ORDER = '__ORDER__';
const c = document.getElementById('c'), g = c.getContext('2d');
const font = (px, bold) => (bold ? 'bold ' : '') + px + 'px "Noto Sans CJK SC", "Source Han Sans SC", sans-serif';
function text(s, x, y, px, color, bold, align) { g.font = font(px, bold); g.fillStyle = color; g.textAlign = align || 'left'; g.fillText(s, x, y); }
window.draw = draw;
function draw(t) {
  g.fillStyle = '#f4f5f7'; g.fillRect(0, 0, 540, 960);
  g.fillStyle = '#1f6feb'; g.fillRect(0, 0, 540, 96);
  text('卡密兑换中心', 270, 62, 34, '#fff', true, 'center');
  // The phone's status-bar clock and a blinking caret keep the picture changing, as on a real screen,
  // so the recorder keeps writing frames to the end.
  text('12:03:' + String(4 + Math.floor(t)).padStart(2, '0'), 16, 26, 18, '#dfe8ff');
  if (Math.floor(t * 2) % 2 === 0) { g.fillStyle = '#333'; g.fillRect(470, 336, 3, 44); }
  text('商品：游戏点卡 100 元', 40, 170, 28, '#222');
  text(' 订单号：' + ORDER, 30, 220, 26, '#444');
  text('请输入卡密', 40, 300, 28, '#222');
  g.fillStyle = '#fff'; g.fillRect(40, 320, 460, 76); g.strokeStyle = '#999'; g.strokeRect(40, 320, 460, 76);
  const typed = t < FLOW.typingAt ? 0 : Math.min(CODE.length, Math.floor((t - FLOW.typingAt) / ((FLOW.submitAt - FLOW.typingAt) / CODE.length)) + 1);
  text(CODE.slice(0, typed), 60, 370, 30, '#000');
  g.fillStyle = t >= FLOW.submitAt ? '#7a9cc6' : '#1f6feb'; g.fillRect(40, 440, 460, 84);
  text(t >= FLOW.submitAt ? '兑换中…' : '立即兑换', 270, 495, 32, '#fff', true, 'center');
  if (t >= FLOW.errorAt) {
    g.fillStyle = 'rgba(0,0,0,0.55)'; g.fillRect(0, 0, 540, 960);
    g.fillStyle = '#fff'; g.fillRect(50, 330, 440, 300);
    text('兑换失败', 270, 400, 36, '#d12f2f', true, 'center');
    text('卡密已被使用', 270, 470, 34, '#111', true, 'center');
    text('请联系客服处理', 270, 525, 26, '#555', false, 'center');
    g.fillStyle = '#1f6feb'; g.fillRect(90, 555, 360, 56);
    text('确定', 270, 594, 28, '#fff', true, 'center');
  }
}
window.record = () => new Promise((resolve, reject) => {
  const stream = c.captureStream(15);
  const mime = MediaRecorder.isTypeSupported('video/webm;codecs=vp8') ? 'video/webm;codecs=vp8' : 'video/webm';
  const rec = new MediaRecorder(stream, { mimeType: mime, videoBitsPerSecond: 2_500_000 });
  const parts = [];
  rec.ondataavailable = (e) => e.data.size && parts.push(e.data);
  rec.onerror = (e) => reject(String(e.error));
  rec.onstop = async () => {
    const buf = new Uint8Array(await new Blob(parts).arrayBuffer());
    let s = ''; for (let i = 0; i < buf.length; i += 0x8000) s += String.fromCharCode.apply(null, buf.subarray(i, i + 0x8000));
    resolve(btoa(s));
  };
  draw(0);
  rec.start(250);
  const t0 = performance.now();
  const tick = setInterval(() => {
    const t = (performance.now() - t0) / 1000;
    draw(t);
    if (t >= FLOW.endAt) { clearInterval(tick); rec.stop(); }
  }, 33);
});
</script>`;

/** The last frame's time in a recording, by decoding it with the shipped ffmpeg. */
export async function lastFrameTime(file: string): Promise<number> {
  const run = await runFfmpeg(ffmpegPath(), ['-i', file, '-vf', 'showinfo', '-f', 'null', '-'], { timeoutMs: 60_000 });
  const times = [...run.stderr.matchAll(/pts_time:([\d.]+)/gu)].map((m) => Number(m[1]));
  return times.length > 0 ? Math.max(...times) : 0;
}

export interface Recording {
  bytes: Buffer;
  /** 'mediarecorder' in real time; 'frames' when a starved machine cut that short (see below). */
  via: 'mediarecorder' | 'frames';
}

/**
 * Records the flow (about FLOW.endAt seconds of real time) with MediaRecorder. On a machine busy
 * enough to starve Chromium's real-time capture (measured on a shared 2-core box at load 13–21: 0.3 s
 * of a 9 s flow), the same page's frames are drawn one by one at 10 fps and encoded to VP8 WebM by
 * the shipped ffmpeg instead, so the test checks the decoder, not the machine's load.
 */
export async function recordRedemptionWebm(scratch: string): Promise<Recording> {
  const bytes = await recordOnce();
  await writeFile(scratch, bytes);
  if ((await lastFrameTime(scratch)) >= FLOW.errorAt + 1.5) return { bytes, via: 'mediarecorder' };
  return { bytes: await renderFramesWebm(scratch), via: 'frames' };
}

async function renderFramesWebm(scratch: string): Promise<Buffer> {
  const browser = await chromium.launch(chromiumLaunchOptions());
  const dir = await mkdtemp(path.join(path.dirname(scratch), 'frames-'));
  try {
    const page = await browser.newPage();
    await page.setContent(flowPage());
    // Strings, not functions: this module is type-checked for Node, without the DOM's types.
    await page.evaluate('document.fonts.ready');
    const fps = 10;
    for (let k = 0; k <= FLOW.endAt * fps; k++) {
      const png = String(await page.evaluate(`window.draw(${k / fps}); document.getElementById('c').toDataURL('image/png').slice(22)`));
      await writeFile(path.join(dir, `f${String(k).padStart(4, '0')}.png`), Buffer.from(png, 'base64'));
    }
    const run = await runFfmpeg(ffmpegPath(), ['-loglevel', 'error', '-y', '-framerate', String(fps), '-i', path.join(dir, 'f%04d.png'), '-c:v', 'libvpx', '-b:v', '1M', '-pix_fmt', 'yuv420p', scratch], { timeoutMs: 120_000 });
    if (run.code !== 0) throw new Error(`encoding the flow failed: ${run.stderr}`);
    return await readFile(scratch);
  } finally {
    await browser.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const flowPage = (): string => PAGE.replace('__FLOW__', JSON.stringify(FLOW)).replace('__CODE__', CARD_CODE).replace('__ORDER__', ORDER_NO);

async function recordOnce(): Promise<Buffer> {
  const base = chromiumLaunchOptions();
  // Without these a loaded machine's headless Chromium treats the page as in the background and stops
  // producing the frames canvas capture records (measured: 0.5 s of a 9 s flow).
  const args = [...(base.args ?? []), '--disable-renderer-backgrounding', '--disable-background-timer-throttling', '--disable-backgrounding-occluded-windows'];
  const browser = await chromium.launch({ ...base, args });
  try {
    const page = await browser.newPage();
    await page.setContent(flowPage());
    // Strings, not functions: this module is type-checked for Node, without the DOM's types.
    await page.evaluate('document.fonts.ready');
    const b64 = String(await page.evaluate('window.record()'));
    return Buffer.from(b64, 'base64');
  } finally {
    await browser.close();
  }
}

/** Re-encodes a recording with the shipped ffmpeg (libx264 / libx265), optionally with a creation_time. */
export async function transcode(input: string, output: string, codec: 'h264' | 'hevc', creationTime?: string): Promise<void> {
  const enc = codec === 'h264' ? ['-c:v', 'libx264', '-preset', 'veryfast', '-pix_fmt', 'yuv420p'] : ['-c:v', 'libx265', '-preset', 'ultrafast', '-x265-params', 'log-level=error', '-tag:v', 'hvc1', '-pix_fmt', 'yuv420p'];
  const meta = creationTime ? ['-metadata', `creation_time=${creationTime}`] : [];
  const run = await runFfmpeg(ffmpegPath(), ['-loglevel', 'error', '-y', '-i', input, '-an', ...enc, '-r', '15', ...meta, output], { timeoutMs: 120_000 });
  if (run.code !== 0) throw new Error(`transcode failed: ${run.stderr}`);
}

/** A file that starts like an MP4 (an ftyp box) and then is not one. */
export async function writeFakeMp4(file: string): Promise<void> {
  const ftyp = Buffer.from([0, 0, 0, 0x18, ...Buffer.from('ftypisom'), 0, 0, 2, 0, ...Buffer.from('isomiso2')]);
  await writeFile(file, Buffer.concat([ftyp, Buffer.from('这不是视频。'.repeat(400))]));
}

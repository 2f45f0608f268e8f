// npm run bench:video — key frames of a 60-second 1080p phone recording (1080×1920, H.264, 30 fps),
// as the app makes them (scan for scene changes, extract the kept frames; OCR not included), next to:
//  - the same pipeline on Debian's native ffmpeg, where installed;
//  - the usual one-line ffmpeg CLI recipe for key frames (scene filter + one every 3 s), native or shipped;
//  - Chromium's own decoder (<video> + canvas in Debian's Chromium through Playwright): seeking twice a
//    second for the scan, then grabbing the same frames, the alternative the README weighs.
// Goal: well under the video's own 60 s on 2 cores.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { DEFAULT_PLAN, planFrames, sceneChanges, snapToKeyframes } from '../shared/video/plan';
import { createFfmpegDecoder } from '../electron/main/video/ffmpegDecoder';
import { ffmpegPath, runFfmpeg } from '../electron/main/video/ffmpeg';
import { chromiumLaunchOptions } from '../tests/support/chromium';

const DIR = path.join(os.tmpdir(), 'liuzheng-bench-video');
const VIDEO = path.join(DIR, 'phone60.mp4');
const DURATION = 60;

async function makeVideo(): Promise<void> {
  if (existsSync(VIDEO)) return;
  await mkdir(DIR, { recursive: true });
  process.stdout.write('making the 60 s 1080×1920 H.264 test recording (once; cached in the temp folder)…\n');
  // testsrc2 moves everywhere on every frame: harder to decode than a real screen, which is mostly still.
  const run = await runFfmpeg(ffmpegPath(), ['-loglevel', 'error', '-y', '-f', 'lavfi', '-i', `testsrc2=size=1080x1920:rate=30:duration=${DURATION}`, '-c:v', 'libx264', '-preset', 'veryfast', '-g', '60', '-pix_fmt', 'yuv420p', VIDEO], { timeoutMs: 15 * 60_000 });
  if (run.code !== 0) throw new Error(run.stderr);
}

/**
 * CPU seconds used by finished child processes (Linux /proc/self/stat cutime + cstime): on a shared
 * machine the wall clock says more about the neighbours than about the decoder.
 */
function childCpuSec(): number | null {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return null;
  }
}

function cpuSince(start: number | null): string {
  const now = childCpuSec();
  return start === null || now === null ? '' : `, ${(now - start).toFixed(1)} s of CPU`;
}

async function pipeline(bin?: string): Promise<{ ms: number; frames: number; scanMs: number; cpu: string }> {
  const decoder = createFfmpegDecoder(bin ? { bin } : {});
  const cpu0 = childCpuSec();
  const t0 = performance.now();
  const info = await decoder.probe(VIDEO);
  const scan = await decoder.scan(VIDEO, info);
  const scanMs = performance.now() - t0;
  const duration = Math.max(info.durationSec ?? 0, scan.lastT);
  const planned = planFrames(duration, sceneChanges(scan.samples, DEFAULT_PLAN.sceneThreshold));
  const plan = snapToKeyframes(planned, scan.keyTimes, Math.min(1.5, Math.max(3, duration / 24) / 3));
  let frames = 0;
  // As the app does it (video/service.ts): two decoders at once.
  const lanes = [0, 1].map(async (lane) => {
    for (let i = lane; i < plan.length; i += 2) {
      const p = plan[i];
      if (p && (await decoder.frame(VIDEO, p.t, { keyframe: p.keyframe })) !== null) frames++;
    }
  });
  await Promise.all(lanes);
  return { ms: performance.now() - t0, frames, scanMs, cpu: cpuSince(cpu0) };
}

async function cliRecipe(bin: string): Promise<string> {
  const out = path.join(DIR, 'cli');
  await rm(out, { recursive: true, force: true });
  await mkdir(out, { recursive: true });
  const cpu0 = childCpuSec();
  const t0 = performance.now();
  await runFfmpeg(bin, ['-loglevel', 'error', '-i', VIDEO, '-vf', "select='gt(scene,0.1)+not(mod(n,90))'", '-vsync', 'vfr', '-q:v', '2', path.join(out, 'f%03d.jpg')], { timeoutMs: 15 * 60_000 });
  return `${((performance.now() - t0) / 1000).toFixed(1)} s${cpuSince(cpu0)}`;
}

async function chromiumDecoder(): Promise<string> {
  const cpu0 = childCpuSec();
  await writeFile(path.join(DIR, 'index.html'), '<!doctype html><video id="v" src="phone60.mp4" muted preload="auto"></video><canvas id="c"></canvas>');
  const base = chromiumLaunchOptions();
  // The page reads back pixels of a local file: without these, file:// taints the canvas.
  const browser = await chromium.launch({ ...base, args: [...(base.args ?? []), '--allow-file-access-from-files', '--disable-web-security'] });
  try {
    const page = await browser.newPage();
    await page.goto(`file://${path.join(DIR, 'index.html')}`);
    // Strings, not functions: this file is type-checked for Node, without the DOM's types.
    const ok = await page.evaluate(`new Promise((r) => { const v = document.getElementById('v'); if (v.readyState >= 1) r(true); v.onloadedmetadata = () => r(true); v.onerror = () => r(false); setTimeout(() => r(false), 20000); })`);
    if (ok !== true) return 'cannot decode this H.264 file (no proprietary codecs in this build)';
    const result = await page.evaluate(`(async () => {
      const v = document.getElementById('v'), c = document.getElementById('c'), g = c.getContext('2d', { willReadFrequently: true });
      const seek = (t) => new Promise((r) => { v.onseeked = () => r(); v.currentTime = t; });
      const t0 = performance.now();
      c.width = 48; c.height = 48;
      for (let t = 0; t < ${DURATION}; t += 0.5) { await seek(t); g.drawImage(v, 0, 0, 48, 48); g.getImageData(0, 0, 48, 48); }
      const scanMs = performance.now() - t0;
      c.width = v.videoWidth; c.height = v.videoHeight;
      for (let t = 0; t < ${DURATION}; t += 3) { await seek(t); g.drawImage(v, 0, 0); await new Promise((r) => c.toBlob(r, 'image/jpeg', 0.85)); }
      return { scanMs, ms: performance.now() - t0 };
    })()`);
    const r = result as { scanMs: number; ms: number };
    await browser.close();
    return `${(r.ms / 1000).toFixed(1)} s (scan by seeking twice a second ${(r.scanMs / 1000).toFixed(1)} s, then 20 full frames${cpuSince(cpu0)} for the whole browser)`;
  } finally {
    await browser.close().catch(() => undefined);
  }
}

function nativeFfmpeg(): string | null {
  try {
    return execFileSync('which', ['ffmpeg'], { encoding: 'utf8' }).trim() || null;
  } catch {
    return null;
  }
}

await makeVideo();
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const ours = await pipeline();
process.stdout.write(`\nkey frames of a ${DURATION} s 1080×1920 H.264 recording on ${os.cpus().length} cores (load ${os.loadavg()[0]?.toFixed(1)}):\n`);
process.stdout.write(`  app pipeline, shipped ffmpeg (@ffmpeg-installer):  ${s(ours.ms)} (scan ${s(ours.scanMs)}, ${ours.frames} frames${ours.cpu})  goal well under ${DURATION} s\n`);
const native = nativeFfmpeg();
if (native) {
  const n = await pipeline(native);
  process.stdout.write(`  app pipeline, native ffmpeg (${native}):  ${s(n.ms)} (scan ${s(n.scanMs)}, ${n.frames} frames${n.cpu})\n`);
  process.stdout.write(`  one-line CLI recipe, native ffmpeg (select=scene + every 3 s):  ${await cliRecipe(native)}\n`);
} else {
  process.stdout.write('  native ffmpeg: not installed (Debian: apt-get install ffmpeg)\n');
}
process.stdout.write(`  one-line CLI recipe, shipped ffmpeg:  ${await cliRecipe(ffmpegPath())}\n`);
process.stdout.write(`  Chromium's decoder (<video> + canvas, Debian Chromium):  ${await chromiumDecoder()}\n`);


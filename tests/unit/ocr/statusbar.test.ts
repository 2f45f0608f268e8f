// Issue 12: the phone's clock read from the status bar of real corpus screenshots (PP-OCR, the app's
// reader), and what it does to the capture time: it confirms a file name, exposes one that disagrees,
// and gives a copied file (file time only) its time of day.
import { copyFile, mkdtemp, rm, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createPaddleEngine } from '../../../electron/main/ocr/paddle/engine';
import { ocrImage } from '../../../electron/main/ocr/pipeline';
import { scanFiles } from '../../../electron/main/ocr/scan';
import { readStatusBarClock } from '../../../shared/extract/statusbar';
import { corpusImage } from './support';

let engine: OcrEngine;
let dir: string;

beforeAll(async () => {
  engine = createPaddleEngine({ size: 1, idleMs: 0 });
  await engine.warm();
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-statusbar-'));
}, 60_000);

afterAll(async () => {
  await engine.terminate();
  await rm(dir, { recursive: true, force: true });
});

// Order pages, bills and chats; light and dark; PNG and JPEG; 540–1170 px wide (scaled variants).
const IMAGES = [0, 5, 14, 26, 34, 35, 40, 42, 44];

describe('status-bar clock on corpus screenshots', () => {
  it.each(IMAGES)('image %i: the bar shows the capture time of day', async (index) => {
    const { path: file, truth } = corpusImage(index);
    const bytes = await readFile(file);
    const result = await ocrImage(engine, bytes);
    const meta = await sharp(bytes).metadata();
    const clock = readStatusBarClock(result.words, { width: meta.autoOrient.width, height: meta.autoOrient.height });
    expect(clock).not.toBeNull();
    const hhmm = `${String(clock?.h).padStart(2, '0')}:${String(clock?.mi).padStart(2, '0')}`;
    // The corpus phones show a 24-hour clock set to the capture time.
    expect(hhmm).toBe(truth.capturedAt.slice(11, 16));
  }, 30_000);
});

describe('the clock and the capture time, through scan', () => {
  it('confirms a file name, and exposes one that disagrees', async () => {
    const { path: file, truth } = corpusImage(35);
    const renamed = path.join(dir, 'Screenshot_20261109_093204.png');
    await copyFile(file, renamed);
    const [named, wrong] = await scanFiles([file, renamed], { engine, confirm: false });
    expect(named).toMatchObject({ capturedAt: truth.capturedAt, capturedAtSource: 'filename' });
    // The name says 09:32, the bar 11:32: the name stays the source, but 11:01 on screen is after it.
    expect(wrong).toMatchObject({ capturedAt: '2026-11-09T09:32:04', capturedAtSource: 'filename', captureSuspect: true });
  }, 60_000);

  it('vouches for a file written at capture (file time = bar: source statusbar), not for a copy', async () => {
    const { path: file, truth } = corpusImage(35);
    const saved = path.join(dir, 'saved.png');
    const copied = path.join(dir, 'chat.png');
    await copyFile(file, saved);
    await copyFile(file, copied);
    // Written 20 s into the bar's minute (Shanghai is UTC+8); the copy came the next morning.
    const shot = new Date(`${truth.capturedAt.slice(0, 16)}:20+08:00`);
    const later = new Date(shot.getTime() + 20 * 3600_000);
    await utimes(saved, shot, shot);
    await utimes(copied, later, later);
    const [original, copy] = await scanFiles([saved, copied], { engine, confirm: false });
    expect(original).toMatchObject({ capturedAt: `${truth.capturedAt.slice(0, 16)}:20`, capturedAtSource: 'statusbar' });
    // Against a time the phone vouched for, the chat's stamps are exact.
    expect(original && 'timestamps' in original ? [...original.timestamps].sort() : []).toEqual([...truth.timestamps].sort());
    expect(original && 'approxTimestamps' in original ? original.approxTimestamps : null).toEqual([]);
    // The copy keeps its weak time, flagged: the bar (11:32) contradicts it, and its stamps are approximate.
    expect(copy).toMatchObject({ capturedAtSource: 'mtime', timestamps: [], captureSuspect: true });
    expect(copy && 'approxTimestamps' in copy ? copy.approxTimestamps.length : 0).toBe(2);
  }, 60_000);
});

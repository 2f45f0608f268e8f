// The tesseract.js pool: local data only (this machine has no route to the internet, and fetch is
// made to throw as well, so a download attempt would fail the test), word boxes, cancel and shutdown.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { OCR_LANGS, resolveOcrData, workerScript } from '../../../electron/main/ocr/data';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { OcrEngineError, createOcrEngine, defaultPoolSize } from '../../../electron/main/ocr/engine';
import { preprocess } from '../../../electron/main/ocr/preprocess';

let engine: OcrEngine;
let cacheDir: string;

async function textImage(lines: string[]): Promise<Buffer> {
  const body = lines.map((l, i) => `<text x="40" y="${90 + i * 70}" font-size="40" font-family="Noto Sans CJK SC, sans-serif">${l}</text>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1000" height="${120 + lines.length * 70}"><rect width="100%" height="100%" fill="#fff"/>${body}</svg>`;
  return (await preprocess(await sharp(Buffer.from(svg)).png().toBuffer())).png;
}

beforeAll(async () => {
  vi.stubGlobal('fetch', () => Promise.reject(new Error('network access attempted')));
  cacheDir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-ocr-cache-'));
  engine = createOcrEngine({ size: 1, idleMs: 0, cacheDir });
}, 30_000);

afterAll(async () => {
  await engine.terminate();
  vi.unstubAllGlobals();
  await rm(cacheDir, { recursive: true, force: true });
});

describe('OCR engine', () => {
  it('uses language data from a local folder, never a URL', async () => {
    const data = await resolveOcrData({ cacheDir });
    expect(data.langPath).not.toMatch(/^[a-z]+:\/\//i);
    for (const lang of OCR_LANGS) expect(existsSync(path.join(data.langPath, `${lang}.traineddata.gz`))).toBe(true);
    expect(['resources', 'repo', 'package']).toContain(data.source);
  });

  it('reads Chinese and digits offline and returns word boxes', async () => {
    const result = await engine.recognize(await textImage(['订单编号 3456789012345678901', '实付款 ¥149.90']));
    expect(result.text.replace(/\s/g, '')).toContain('订单编号3456789012345678901');
    const id = result.words.find((w) => w.text === '3456789012345678901');
    expect(id?.confidence).toBeGreaterThan(50);
    expect(id?.bbox.x0).toBeGreaterThan(100);
    expect(id?.bbox.y1).toBeLessThan(140);
    expect(result.confidence).toBeGreaterThan(50);
  });

  it('cancels queued work and refuses work after shutdown', async () => {
    const image = await textImage(['星期三 下午3:05']);
    const controller = new AbortController();
    const first = engine.recognize(image);
    const second = engine.recognize(image, { signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toMatchObject({ code: 'cancelled' });
    await expect(first).resolves.toMatchObject({ text: expect.stringContaining('3:05') });

    const other = createOcrEngine({ size: 1, idleMs: 0, cacheDir });
    const outcome = other.recognize(image).then(
      () => 'resolved',
      (err: unknown) => err,
    );
    await other.terminate();
    expect(await outcome).toBeInstanceOf(OcrEngineError);
    await expect(other.recognize(image)).rejects.toMatchObject({ code: 'terminated' });
  });

  it('sizes the pool to the cores, within limits', () => {
    expect(defaultPoolSize(1)).toBe(1);
    expect(defaultPoolSize(2)).toBe(2);
    expect(defaultPoolSize(32)).toBe(6);
  });
});

describe('workerScript', () => {
  const at = (p: string) => () => p;
  it.each([
    ['/opt/LiuZheng/resources/app.asar/node_modules/tesseract.js/src/worker-script/node/index.js', '/opt/LiuZheng/resources/app.asar.unpacked/node_modules/tesseract.js/src/worker-script/node/index.js'],
    ['C:\\Program Files\\LiuZheng\\resources\\app.asar\\node_modules\\tesseract.js\\index.js', 'C:\\Program Files\\LiuZheng\\resources\\app.asar.unpacked\\node_modules\\tesseract.js\\index.js'],
    ['/opt/LiuZheng/resources/app.asar.unpacked/node_modules/tesseract.js/index.js', '/opt/LiuZheng/resources/app.asar.unpacked/node_modules/tesseract.js/index.js'],
    ['/home/me/my.app.asar.d/node_modules/tesseract.js/index.js', '/home/me/my.app.asar.d/node_modules/tesseract.js/index.js'],
  ])('%s', (resolved, expected) => {
    expect(workerScript(at(resolved))).toBe(expected);
  });

  it('is a real file in a development checkout', () => {
    expect(existsSync(workerScript())).toBe(true);
  });
});

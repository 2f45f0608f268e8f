// The persistent OCR queue over a real vault (real imports, real sharp). One test reads with the
// real default engine (PP-OCR); the cancel/retry/restart semantics use a scripted engine
// (./fakeEngine.ts) whose jobs finish only when the test says so, so each state is reached for
// certain instead of by racing a real recognition.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { createPaddleEngine } from '../../../electron/main/ocr/paddle/engine';
import type { OcrProgressEvent, OcrService } from '../../../electron/main/ocr/queue';
import { createOcrService } from '../../../electron/main/ocr/queue';
import { createVaultService } from '../../../electron/main/vault';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { fakeEngine } from './fakeEngine';
import { corpusImage } from './support';

let engine: OcrEngine;
let root: string;
const services: OcrService[] = [];

beforeAll(async () => {
  engine = createPaddleEngine({ size: 1, idleMs: 0 });
  await engine.warm();
}, 60_000);

afterAll(async () => {
  await engine.terminate();
});

afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A vault holding three small corpus screenshots (and a chat log), imported the normal way. */
async function vaultWithImages(): Promise<{ vaultDir: string; shas: string[]; textSha: string }> {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-ocr-queue-'));
  const vaultDir = path.join(root, 'vault');
  const vault = createVaultService({ vaultDir, tempDir: path.join(root, 'open') });
  const chat = path.join(root, 'chat.txt');
  await writeFile(chat, '消息记录(此消息记录为文本格式,不支持重新导入)\n');
  const files = [corpusImage(18).path, corpusImage(22).path, corpusImage(30).path, chat];
  const batch = await vault.importPaths('case-1', files, 'dialog');
  expect(batch.failures).toEqual([]);
  const shaOf = (name: string): string => batch.items.find((i) => i.blob.originalName === name)?.blob.sha256 ?? '';
  return { vaultDir, shas: files.slice(0, 3).map((f) => shaOf(path.basename(f))), textSha: shaOf('chat.txt') };
}

function service(vaultDir: string, events?: OcrProgressEvent[], using: OcrEngine = engine): OcrService {
  const s = createOcrService({ vaultDir, engine: using, onProgress: (e) => events?.push(e) });
  services.push(s);
  return s;
}

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('OCR queue', () => {
  it('reads queued images in the background, stores each result and reports progress', async () => {
    const { vaultDir, shas, textSha } = await vaultWithImages();
    const events: OcrProgressEvent[] = [];
    const ocr = service(vaultDir, events);
    const [a = '', b = ''] = shas;

    const report = await ocr.enqueue([a, b, textSha]);
    expect(report.queued).toEqual([a, b]);
    expect(report.skipped).toEqual([{ sha256: textSha, reason: 'only images are read by OCR; this is text' }]);
    await ocr.idle();

    const status = await ocr.status();
    expect(status.items.map((i) => [i.sha256, i.state, i.progress, i.error])).toEqual([
      [a, 'done', 1, null],
      [b, 'done', 1, null],
    ]);
    expect(status.overall).toEqual({ total: 2, finished: 2, failed: 0, progress: 1 });

    const result = await ocr.result(a);
    expect(result?.text).toContain('订单');
    expect(result?.rawText.length).toBeGreaterThan(20);
    expect(result?.words.length).toBeGreaterThan(10);
    expect(result?.kind).toBe('paddle');
    expect(result?.engine).toMatch(/PP-OCRv4/);
    expect(result?.ms).toBeGreaterThan(0);
    expect(existsSync(path.join(vaultDir, 'ocr', `${a}.json`))).toBe(true);

    // Per-file progress between 0 and 1, and an overall figure that ends at 1.
    const running = events.filter((e) => e.item.state === 'running');
    expect(running.some((e) => e.item.progress > 0 && e.item.progress < 1)).toBe(true);
    expect(events.at(-1)?.overall.progress).toBe(1);
    expect(events.map((e) => e.item.state)).toContain('done');

    // Done work is not redone, and the saved queue keeps only unfinished work.
    expect((await ocr.enqueue([a])).skipped[0]?.reason).toMatch(/already done/);
    const saved = JSON.parse(await readFile(path.join(vaultDir, 'ocr', 'queue.json'), 'utf8'));
    expect(saved).toEqual({ version: 1, entries: [] });
  });

  it('records a clear reason when OCR fails and keeps the original untouched', async () => {
    const { vaultDir } = await vaultWithImages();
    const layout = vaultLayout(vaultDir);
    const garbage = Buffer.from('this blob is not an image at all');
    const bad = sha256(garbage);
    await mkdir(path.dirname(layout.blob(bad)), { recursive: true });
    await writeFile(layout.blob(bad), garbage);
    const missing = 'f'.repeat(64);

    const ocr = service(vaultDir);
    await ocr.enqueue([bad, missing]);
    await ocr.idle();
    const byId = new Map((await ocr.status()).items.map((i) => [i.sha256, i]));
    expect(byId.get(bad)).toMatchObject({ state: 'failed', attempts: 1 });
    expect(byId.get(bad)?.error).toMatch(/not an image format OCR can read|could not be decoded/);
    expect(byId.get(missing)?.error).toMatch(/original is not readable in the vault/);
    expect(await ocr.result(bad)).toBeNull();
    expect(sha256(await readFile(layout.blob(bad)))).toBe(bad);
    expect((await ocr.status()).overall).toMatchObject({ total: 2, finished: 2, failed: 2 });

    // Failures survive a restart, with their reason, and can be retried.
    const saved = JSON.parse(await readFile(path.join(vaultDir, 'ocr', 'queue.json'), 'utf8'));
    expect(saved.entries.map((e: { state: string }) => e.state)).toEqual(['failed', 'failed']);
    await ocr.retry(bad);
    await ocr.idle();
    expect((await ocr.status()).items.find((i) => i.sha256 === bad)).toMatchObject({ state: 'failed', attempts: 2 });
  });

  it('cancels pending and running work, and retry brings it back', async () => {
    const { vaultDir, shas } = await vaultWithImages();
    const [a = '', b = '', c = ''] = shas;
    const fake = fakeEngine();
    const ocr = service(vaultDir, [], fake);
    await ocr.enqueue([a, b, c]);
    await fake.running(1);
    const state = async (sha: string): Promise<string | undefined> => (await ocr.status()).items.find((i) => i.sha256 === sha)?.state;
    expect(await state(a)).toBe('running');
    await ocr.cancel(c);
    await ocr.cancel(a);
    expect(fake.aborted).toBe(1);
    // b takes the freed worker; finishing it leaves the queue idle with a and c cancelled.
    await fake.running(1);
    fake.finishAll();
    await ocr.idle();
    expect(await state(a)).toBe('cancelled');
    expect(await state(b)).toBe('done');
    expect(await state(c)).toBe('cancelled');
    expect(await ocr.result(a)).toBeNull();
    expect(fake.started).toBe(2);

    await ocr.retry(a);
    await fake.running(1);
    fake.finishAll();
    await ocr.idle();
    expect(await state(a)).toBe('done');
    expect((await ocr.result(a))?.text).toBe(fake.text);
  });

  it('a failure is recorded with its reason, and retry runs it again', async () => {
    const { vaultDir, shas } = await vaultWithImages();
    const [a = ''] = shas;
    const fake = fakeEngine();
    const ocr = service(vaultDir, [], fake);
    await ocr.enqueue([a]);
    await fake.running(1);
    fake.failAll('the reader fell over');
    await ocr.idle();
    expect((await ocr.status()).items[0]).toMatchObject({ state: 'failed', attempts: 1, error: expect.stringContaining('the reader fell over') });
    await ocr.retry(a);
    await fake.running(1);
    fake.finishAll();
    await ocr.idle();
    expect((await ocr.status()).items[0]).toMatchObject({ state: 'done', attempts: 2, error: null });
  });

  it('survives a restart: running and pending work resumes, and the old engine’s late answer is ignored', async () => {
    const { vaultDir, shas } = await vaultWithImages();
    const [a = '', b = ''] = shas;
    const old = fakeEngine();
    const first = service(vaultDir, [], old);
    await first.enqueue([a, b]);
    await old.running(1);
    await first.dispose();

    const saved = JSON.parse(await readFile(path.join(vaultDir, 'ocr', 'queue.json'), 'utf8'));
    expect(saved.entries.map((e: { sha256: string; state: string }) => [e.sha256, e.state])).toEqual([
      [a, 'pending'],
      [b, 'pending'],
    ]);
    old.finishAll();
    expect(existsSync(path.join(vaultDir, 'ocr', `${a}.json`))).toBe(false);

    const fresh = fakeEngine();
    const second = service(vaultDir, [], fresh);
    expect((await second.status()).items.map((i) => i.state)).toEqual(['pending', 'pending']);
    await second.resume();
    await fresh.running(1);
    fresh.finishAll();
    await fresh.running(1);
    fresh.finishAll();
    await second.idle();
    expect((await second.status()).items.map((i) => i.state)).toEqual(['done', 'done']);
    expect((await second.result(b))?.words.length).toBeGreaterThan(0);
  });

  it('treats a torn queue file as empty rather than failing', async () => {
    root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-ocr-queue-'));
    const vaultDir = path.join(root, 'vault');
    await mkdir(path.join(vaultDir, 'ocr'), { recursive: true });
    await writeFile(path.join(vaultDir, 'ocr', 'queue.json'), '{"version":1,"entr');
    const ocr = service(vaultDir);
    expect(await ocr.resume()).toEqual({ items: [], overall: { total: 0, finished: 0, failed: 0, progress: 1 } });
    await expect(ocr.enqueue(['not-a-sha'])).rejects.toThrow(/SHA-256/);
  });
});

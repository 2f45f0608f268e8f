// "Re-read all evidence with the new engine" (electron/main/ocr/reread.ts) over a real vault and the
// real queue, with the scripted engine (./fakeEngine.ts, which reads as PP-OCR): images read by
// tesseract.js or not read at all go back on the queue, those PP-OCR already read and non-images do
// not, and cancelling stops everything waiting or running.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { OcrService } from '../../../electron/main/ocr/queue';
import { createOcrService } from '../../../electron/main/ocr/queue';
import { createOcrReread } from '../../../electron/main/ocr/reread';
import { ocrStore } from '../../../electron/main/ocr/store';
import type { StoredOcrResult } from '../../../electron/main/ocr/store';
import { createVaultService } from '../../../electron/main/vault';
import { fakeEngine } from './fakeEngine';
import { corpusImage } from './support';

let root = '';
const services: OcrService[] = [];

afterEach(async () => {
  for (const s of services.splice(0)) await s.dispose();
  if (root) await rm(root, { recursive: true, force: true });
});

async function vault(): Promise<{ vaultDir: string; shas: string[]; textSha: string }> {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-ocr-reread-'));
  const vaultDir = path.join(root, 'vault');
  const chat = path.join(root, 'chat.txt');
  await writeFile(chat, '消息记录(此消息记录为文本格式,不支持重新导入)\n');
  const files = [corpusImage(18).path, corpusImage(22).path, corpusImage(30).path, chat];
  const batch = await createVaultService({ vaultDir, tempDir: path.join(root, 'open') }).importPaths('case-1', files, 'dialog');
  expect(batch.failures).toEqual([]);
  const shaOf = (file: string): string => batch.items.find((i) => i.blob.originalName === path.basename(file))?.blob.sha256 ?? '';
  return { vaultDir, shas: files.slice(0, 3).map(shaOf), textSha: shaOf(chat) };
}

/** A stored result as an older build (tesseract.js) or this one (PP-OCR) would have written it. */
const stored = (sha256: string, kind: StoredOcrResult['kind']): StoredOcrResult => ({
  sha256,
  createdAt: '2026-11-01T08:00:00.000Z',
  text: '旧的识别结果',
  rawText: '旧 的 识 别 结 果',
  words: [],
  preprocess: { steps: [], scale: 1, original: { width: 10, height: 10 }, medianLuma: -1 },
  ms: 5,
  engine: kind === 'paddle' ? 'paddle PP-OCRv4' : 'tesseract.js 7.0.0 chi_sim+eng',
  kind,
  confidence: 80,
});

describe('re-read all evidence with the new engine', () => {
  it('queues the images PP-OCR has not read, skips the rest, and stores the new readings', async () => {
    const { vaultDir, shas, textSha } = await vault();
    const [old = '', current = '', unread = ''] = shas;
    const store = ocrStore(vaultDir);
    await store.writeResult(stored(old, 'tesseract'));
    await store.writeResult(stored(current, 'paddle'));
    const fake = fakeEngine();
    const ocr = createOcrService({ vaultDir, engine: fake });
    services.push(ocr);

    const report = await createOcrReread(ocr, vaultDir).start('paddle');
    expect(report).toEqual({ queued: 2, current: 1, waiting: 0 });
    const queued = (await ocr.status()).items.map((i) => i.sha256).sort();
    expect(queued).toEqual([old, unread].sort());
    expect(queued).not.toContain(textSha);
    for (let n = 0; n < 2; n++) {
      await fake.running(1);
      fake.finishAll();
    }
    await ocr.idle();
    expect((await ocr.result(old))?.kind).toBe('paddle');
    expect((await ocr.result(old))?.text).toBe(fake.text);
    expect((await ocr.result(unread))?.kind).toBe('paddle');
    // Read by PP-OCR already: untouched.
    expect((await ocr.result(current))?.text).toBe('旧的识别结果');
    // A second run finds nothing left to do.
    expect(await createOcrReread(ocr, vaultDir).start('paddle')).toEqual({ queued: 0, current: 3, waiting: 0 });
  });

  it('cancelling stops the file being read and every file waiting; the old readings stay', async () => {
    const { vaultDir, shas } = await vault();
    const store = ocrStore(vaultDir);
    for (const sha of shas) await store.writeResult(stored(sha, 'tesseract'));
    const fake = fakeEngine();
    const ocr = createOcrService({ vaultDir, engine: fake });
    services.push(ocr);
    const reread = createOcrReread(ocr, vaultDir);

    expect(await reread.start('paddle')).toMatchObject({ queued: 3 });
    await fake.running(1);
    // Asked again while it runs: nothing is queued twice.
    expect(await reread.start('paddle')).toEqual({ queued: 0, current: 0, waiting: 3 });
    expect(await reread.cancelAll()).toBe(3);
    await ocr.idle();
    expect(fake.aborted).toBe(1);
    expect(fake.started).toBe(1);
    const states = (await ocr.status()).items.map((i) => i.state);
    expect(states).toEqual(['cancelled', 'cancelled', 'cancelled']);
    for (const sha of shas) expect((await ocr.result(sha))?.kind).toBe('tesseract');
  });
});

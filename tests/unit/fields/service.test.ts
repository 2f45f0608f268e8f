// Fields in main, over a real vault, the real OCR queue and tesseract.js: a screenshot's fields are
// stored beside its OCR result before the queue reports it done, and equal what `scan` prints for the
// same file; a chat-log export's are read on first request; a torn or outdated file is read again.
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createFieldsService, type FieldsService } from '../../../electron/main/fields/service';
import type { OcrEngine } from '../../../electron/main/ocr/engine';
import { agreementOf, createSecondReader } from '../../../electron/main/ocr/confirm';
import { createOcrEngine } from '../../../electron/main/ocr/engine';
import { createOcrService, type OcrProgressEvent, type OcrService } from '../../../electron/main/ocr/queue';
import { scanFiles } from '../../../electron/main/ocr/scan';
import { vaultLayout } from '../../../electron/main/vault/layout';
import { toScanJson } from '../../../shared/extract';
import { FIELDS_VERSION } from '../../../shared/fields/contract';
import { QQ_EXPORT } from '../bundle/support';
import { NOW, makeTestVault, type TestVault } from '../main/fixtures';
import { corpusImage } from '../ocr/support';

let engine: OcrEngine;
let second: OcrEngine;
let v: TestVault;
let ocr: OcrService;
let fields: FieldsService;
let clock: Date;
const events: OcrProgressEvent[] = [];
const doneWithFields: boolean[] = [];

beforeAll(async () => {
  engine = createOcrEngine({ size: 1, idleMs: 0 });
  second = createSecondReader();
  await engine.warm();
}, 30_000);
afterAll(async () => {
  await engine.terminate();
  await second.terminate();
});

beforeEach(async () => {
  v = await makeTestVault();
  clock = NOW;
  events.length = 0;
  doneWithFields.length = 0;
  // Wired as the composition root wires them: the queue stores fields before it reports done.
  fields = createFieldsService({ vaultDir: v.vaultDir, now: () => clock, ocrResult: (sha) => ocr.result(sha), secondReader: () => second });
  ocr = createOcrService({
    vaultDir: v.vaultDir,
    engine,
    now: () => clock,
    onResult: (result, image) => fields.afterOcr(result, image),
    onProgress: (e) => {
      events.push(e);
      if (e.item.state === 'done') void readFile(vaultLayout(v.vaultDir).fields(e.item.sha256)).then(() => doneWithFields.push(true), () => doneWithFields.push(false));
    },
  });
});
afterEach(async () => {
  await ocr.dispose();
  await v.cleanup();
});

async function importOne(file: string): Promise<string> {
  const batch = await v.service.importPaths('case-1', [file], 'dialog');
  expect(batch.failures).toEqual([]);
  return batch.items[0]?.blob.sha256 ?? '';
}

describe('fields service', () => {
  it('stores a screenshot’s fields when OCR finishes, equal to what scan prints for the file', async () => {
    const { path: file } = corpusImage(35);
    const sha = await importOne(file);
    expect(await fields.read(sha)).toBeNull();
    await ocr.enqueue([sha]);
    await ocr.idle();
    await expect.poll(() => doneWithFields.length).toBe(1);
    expect(doneWithFields).toEqual([true]);

    const stored = await fields.read(sha);
    expect(stored).toMatchObject({ version: FIELDS_VERSION, sha256: sha, source: 'ocr', createdAt: NOW.toISOString(), ocrAt: NOW.toISOString() });
    const [line] = await scanFiles([file], { engine });
    const { file: _file, ...expected } = line && !('error' in line) ? line : { file: '', error: 'scan failed' };
    // Engine, fields and the second reader's verdicts alike: the app stores what scan prints.
    const extraction = stored?.extraction ?? ({} as never);
    expect({ engine: stored?.engine, ...toScanJson(extraction, stored?.capturedAt ?? null, stored?.captureSource ?? null), agree: agreementOf(extraction) }).toEqual(expected);
    expect(extraction.orderNumbers.every((f) => f.agree !== undefined)).toBe(true);
  });

  it('reads a torn file again, and reads again after OCR is redone', async () => {
    const sha = await importOne(corpusImage(18).path);
    await ocr.enqueue([sha]);
    await ocr.idle();
    const first = await fields.read(sha);
    await writeFile(vaultLayout(v.vaultDir).fields(sha), '{"version": 1, "sha');
    clock = new Date(NOW.getTime() + 60_000);
    const reread = await fields.read(sha);
    expect(reread?.extraction).toEqual(first?.extraction);
    expect(reread?.createdAt).toBe(clock.toISOString());
    // An older OCR result's fields are not trusted once OCR has run again.
    clock = new Date(NOW.getTime() + 120_000);
    await ocr.retry(sha);
    await ocr.idle();
    expect((await fields.read(sha))?.ocrAt).toBe(clock.toISOString());
  });

  it('reads a chat-log export on first request, with no OCR involved, as scan reads it', async () => {
    const file = path.join(v.srcDir, 'QQ.txt');
    await mkdir(v.srcDir, { recursive: true });
    await writeFile(file, QQ_EXPORT);
    // The file's time is the test clock's, so capture times agree without reading the real time.
    await utimes(file, NOW, NOW);
    const sha = await importOne(file);
    const stored = await fields.read(sha);
    expect(stored).toMatchObject({ source: 'chatlog', ocrAt: null });
    expect(stored?.extraction.kind).toBe('chat');
    const [line] = await scanFiles([file]);
    const { file: _file, ...expected } = line && !('error' in line) ? line : { file: '', error: 'scan failed' };
    expect(toScanJson(stored?.extraction ?? ({} as never), stored?.capturedAt ?? null, stored?.captureSource ?? null)).toEqual(expected);
    expect(events).toEqual([]);
  });
});

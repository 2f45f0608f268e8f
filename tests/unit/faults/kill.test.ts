// SIGKILL the real main-process services mid-import, mid-OCR and mid-export (child.ts stalls at a
// chosen file-system call so the kill lands there every time), then restart and run what main runs
// at start-up. Nothing half-written may be stored or presented as complete, and the OCR queue resumes.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch, ReconcileReport } from '../../../shared/ipc/contract';
import type { OcrQueueStatus } from '../../../shared/ocr/contract';
import { createVaultService } from '../../../electron/main/vault';
import { makeFixture, sourceFiles } from '../bundle/support';
import { jpegBytes, pngBytes, noise } from '../main/fixtures';
import { corpusImage } from '../ocr/support';
import type { ChildRun } from './harness';
import { companions, runChild, sha256, soundBlobs } from './harness';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-kill-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

function resultOf<T>(run: ChildRun): T {
  // The child prints the service's own return value as JSON; the types are the contract's.
  return run.result as T;
}

interface Sources {
  dir: string;
  files: string[];
  shas: string[];
}

/** A small PNG, a multi-megabyte PNG (several 1 MB write chunks) and a JPEG. */
async function sources(name: string): Promise<Sources> {
  const dir = path.join(root, name, 'src');
  await mkdir(dir, { recursive: true });
  const contents = [await pngBytes(40, 30), await noise(1400, 1000).png().toBuffer(), await jpegBytes(320, 240)];
  expect(contents[1]?.length).toBeGreaterThan(3 * 1024 * 1024);
  const files = ['a.png', 'big.png', 'c.jpg'].map((n) => path.join(dir, n));
  await Promise.all(files.map((f, i) => writeFile(f, contents[i] ?? Buffer.alloc(0))));
  return { dir, files, shas: contents.map((c) => sha256(c)) };
}

const TMP_STAGE = String.raw`[\\/]tmp[\\/][0-9a-f]{24}$`;

describe('killed mid-import', () => {
  it.each([
    { when: 'while the big original is half written to tmp/', stall: { op: 'write' as const, match: TMP_STAGE, skip: 2 } },
    { when: 'after its sidecar and derived copies, before the blob link', stall: { op: 'link' as const, match: String.raw`[\\/]blobs[\\/]`, skip: 1 } },
    { when: 'while its sidecar is being renamed into meta/', stall: { op: 'rename' as const, match: String.raw`[\\/]meta[\\/].*\.json$`, skip: 1 } },
  ])('$when: restart leaves only whole blobs, no dangling sidecar, and the import can be redone', async ({ stall }) => {
    const src = await sources(`import-${stall.op}`);
    const vaultDir = path.join(src.dir, '..', 'vault');
    const [a = '', big = ''] = src.shas;
    const killed = await runChild(root, { mode: 'import', vaultDir, files: src.files, caseId: 'case-1', stall }, { killOn: /^STALL / });
    expect(killed.killed).toBe(true);
    // The first file was finished and reported; the second was cut off inside the real importer.
    expect(killed.lines.filter((l) => l.startsWith('PROGRESS '))).toHaveLength(1);
    expect(killed.lines.at(-1)).toMatch(/^STALL /);
    const before = await companions(vaultDir);
    expect(before.tmp.length).toBeGreaterThan(0);
    if (stall.op === 'write') {
      const partial = await Promise.all(before.tmp.map(async (n) => (await stat(path.join(vaultDir, 'tmp', n))).size));
      expect(partial).toContain(1024 * 1024);
    }
    if (stall.op === 'link') expect(before.meta).toContain(big);

    // Restart: the renderer never got the batch, so it knows no records from it.
    const report = resultOf<ReconcileReport>(await runChild(root, { mode: 'reconcile', vaultDir, known: [] }));
    expect(report.removedTempFiles).toBeGreaterThan(0);
    expect(report.missing).toEqual([]);
    // The finished file is offered back for adoption into the case it was meant for.
    expect(report.orphans.map((o) => [o.blob.sha256, o.blob.originalName, o.intendedCaseId])).toEqual([[a, 'a.png', 'case-1']]);
    expect(await soundBlobs(vaultDir)).toEqual([a]);
    const after = await companions(vaultDir);
    expect(after.tmp).toEqual([]);
    for (const list of [after.meta, after.thumb, after.display]) expect(list).toEqual([a]);

    const again = resultOf<ImportBatch>(await runChild(root, { mode: 'import', vaultDir, files: src.files, caseId: 'case-1' }));
    expect(again.failures).toEqual([]);
    expect(again.items.map((i) => [i.blob.originalName, i.alreadyStored])).toEqual([
      ['a.png', true],
      ['big.png', false],
      ['c.jpg', false],
    ]);
    expect(await soundBlobs(vaultDir)).toEqual([...src.shas].sort());
  }, 90_000);
});

describe('killed mid-OCR', () => {
  it('resumes the queue on restart and reads every image', async () => {
    const vaultDir = path.join(root, 'ocr', 'vault');
    const vault = createVaultService({ vaultDir, tempDir: path.join(root, 'ocr', 'open') });
    const batch = await vault.importPaths('case-1', [corpusImage(18).path, corpusImage(22).path], 'dialog');
    const shas = batch.items.map((i) => i.blob.sha256);
    expect(shas).toHaveLength(2);
    // Killed while tesseract is partway through the first screenshot.
    const killed = await runChild(root, { mode: 'ocr', vaultDir, shas }, { killOn: /^OCR .*"state":"running","progress":0\.[1-9]/ });
    expect(killed.killed).toBe(true);
    expect(existsSync(path.join(vaultDir, 'ocr', `${shas[0] ?? ''}.json`))).toBe(false);

    const resumed = resultOf<{ status: OcrQueueStatus; results: number[] }>(await runChild(root, { mode: 'ocr-resume', vaultDir }));
    expect(resumed.status.items.map((i) => [i.sha256, i.state])).toEqual(shas.map((s) => [s, 'done']));
    for (const length of resumed.results) expect(length).toBeGreaterThan(20);
    expect(await soundBlobs(vaultDir)).toEqual([...shas].sort());
  }, 120_000);
});

describe('killed mid-export', () => {
  let vaultDir: string;
  let inputFile: string;
  beforeAll(async () => {
    const fixture = await makeFixture(await sourceFiles());
    vaultDir = fixture.vaultDir;
    inputFile = path.join(fixture.root, 'input.json');
    await writeFile(inputFile, JSON.stringify(fixture.input));
  }, 60_000);

  const isPdf = async (file: string): Promise<boolean> => {
    const bytes = await readFile(file);
    return bytes.subarray(0, 5).toString('latin1') === '%PDF-' && bytes.subarray(-8).toString('latin1').includes('%%EOF');
  };

  it('a PDF export never appears under its name until whole; the next export sweeps the temp file', async () => {
    const out = path.join(root, 'pdf-out', '证据材料.pdf');
    const stall = { op: 'rename' as const, match: String.raw`证据材料\.pdf$` };
    const killed = await runChild(root, { mode: 'export-pdf', vaultDir, inputFile, outFile: out, stall }, { killOn: /^STALL / });
    expect(killed.killed).toBe(true);
    expect(existsSync(out)).toBe(false);
    expect((await readdir(path.dirname(out))).filter((n) => n.endsWith('.tmp'))).toHaveLength(1);

    await runChild(root, { mode: 'export-pdf', vaultDir, inputFile, outFile: out });
    expect(await isPdf(out)).toBe(true);
    expect(await readdir(path.dirname(out))).toEqual(['证据材料.pdf']);
  }, 120_000);

  it('a folder export is built aside and appears whole, or not at all', async () => {
    const parent = path.join(root, 'folder-out');
    const outDir = path.join(parent, 'case-证据材料');
    // Killed while copying the second original, after the PDF was written.
    const stall = { op: 'copyFile' as const, match: String.raw`证据2-`, skip: 0 };
    const killed = await runChild(root, { mode: 'export-folder', vaultDir, inputFile, outDir, stall }, { killOn: /^STALL / });
    expect(killed.killed).toBe(true);
    expect(existsSync(outDir)).toBe(false);
    const leftovers = await readdir(parent);
    expect(leftovers).toEqual([expect.stringMatching(/^case-证据材料\.[0-9a-f]{12}\.partial$/)]);
    expect(await readdir(path.join(parent, leftovers[0] ?? ''))).not.toContain('manifest.json');

    await runChild(root, { mode: 'export-folder', vaultDir, inputFile, outDir });
    expect(await readdir(parent)).toEqual(['case-证据材料']);
    const files = await readdir(outDir);
    const pdf = 'XX游戏点卡卡密无效-证据材料.pdf';
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'case.json', pdf]));
    expect(await isPdf(path.join(outDir, pdf))).toBe(true);
  }, 120_000);
});

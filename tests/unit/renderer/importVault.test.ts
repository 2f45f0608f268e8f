// The import and vault slices on real Dexie over main's real importer and reconcile in this process:
// what a drop, a paste and a duplicate leave in the records and the search index, and how the
// start-up reconcile adopts originals whose records were never written.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECOVERED_CASE_TITLE } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { chunkFiles } from '../../../renderer/src/evidence/importSlice';
import { jpegBytes, pngBytes } from '../main/fixtures';
import { startMain, type MainInProcess } from './mainInProcess';
import { testStore, type TestStore } from './testStore';

let dir: string;
let main: MainInProcess;
let app: TestStore;
let caseA: string;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-import-'));
  main = startMain(path.join(dir, 'vault'));
  app = testStore(main.api, `import-${dbCount++}`);
  caseA = await app.store.getState().saveCase({ ...EMPTY_CASE_INPUT, title: '甲店', platform: 'taobao', issueType: 'other' });
  await app.store.getState().navigate({ name: 'case', caseId: caseA });
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await rm(dir, { recursive: true, force: true });
});

describe('importInto', () => {
  it('a drop adds a record per good file, names the bad one, and makes the titles searchable', async () => {
    const files = [
      { name: '聊天记录.png', lastModified: 0, bytes: await pngBytes(40, 30) },
      { name: '付款.jpg', lastModified: 0, bytes: await jpegBytes(50, 40) },
      { name: '坏图.png', lastModified: 0, bytes: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
    ];
    const report = await app.store.getState().importInto(caseA, { via: 'dropped', files });
    expect(report.added).toBe(2);
    expect(report.failures.map((f) => f.file)).toEqual(['坏图.png']);
    const s = app.store.getState();
    expect(s.report).toEqual(report);
    expect(s.importing).toBe(false);
    expect(s.evidence.map((e) => e.originalName).sort()).toEqual(['付款.jpg', '聊天记录.png']);
    expect(s.evidenceCounts[caseA]).toBe(2);
    expect((await app.deps.repo.listEvents(caseA)).filter((e) => e.type === 'evidence-added')).toHaveLength(2);
    expect((await app.deps.search.search('付款', {}, 10)).map((h) => h.evidenceId)).toEqual([s.evidence.find((e) => e.originalName === '付款.jpg')?.id]);
  });

  it('the same bytes again are a duplicate naming the case that has them, not a second record', async () => {
    const bytes = await pngBytes(40, 30);
    await app.store.getState().importInto(caseA, { via: 'clipboard', bytes, mime: 'image/png' });
    const caseB = await app.store.getState().saveCase({ ...EMPTY_CASE_INPUT, title: '乙店', platform: 'jd', issueType: 'other' });
    const again = await app.store.getState().importInto(caseB, { via: 'dropped', files: [{ name: 'copy.png', lastModified: 0, bytes }] });
    expect(again.added).toBe(0);
    expect(again.duplicates.map((d) => d.existing.caseTitle)).toEqual(['甲店']);
    expect(await app.deps.repo.allShas()).toHaveLength(1);
  });

  it('a cancelled dialog reports nothing', async () => {
    const report = await app.store.getState().importInto(caseA, { via: 'files' });
    expect(report).toMatchObject({ added: 0, cancelled: true });
    expect(app.store.getState().report).toBeNull();
  });

  it('chunks a large drop so one IPC message stays small', () => {
    const file = (n: number, size: number) => ({ name: `${n}`, lastModified: 0, bytes: new Uint8Array(size) });
    expect(chunkFiles(Array.from({ length: 120 }, (_, i) => file(i, 1))).map((c) => c.length)).toEqual([50, 50, 20]);
    expect(chunkFiles([file(1, 40 << 20), file(2, 40 << 20), file(3, 1)]).map((c) => c.length)).toEqual([1, 2]);
  });
});

describe('reconcileVault', () => {
  it('adopts originals imported without records into their intended case, or a recovery case when it is gone', async () => {
    const shot = path.join(dir, 'a.png');
    await writeFile(shot, await pngBytes(40, 30));
    const other = path.join(dir, 'b.png');
    await writeFile(other, await pngBytes(41, 30));
    // Main stored these, but the renderer never wrote their records (it crashed in between).
    await main.vault.importPaths(caseA, [shot], 'dialog');
    await main.vault.importPaths('gone-case', [other], 'dialog');
    await app.store.getState().reconcileVault();
    const s = app.store.getState();
    expect(s.vaultNotice).toMatchObject({ recovered: 2, missing: 0, error: null });
    const recovery = s.cases.find((c) => c.title === RECOVERED_CASE_TITLE);
    expect(recovery).toBeDefined();
    expect(s.evidenceCounts).toMatchObject({ [caseA]: 1, [recovery?.id ?? '']: 1 });
    // Run again: nothing left to adopt, so no notice and no second copy.
    s.dismissVaultNotice();
    await app.store.getState().reconcileVault();
    expect(app.store.getState().vaultNotice).toBeNull();
    expect(await app.deps.repo.allShas()).toHaveLength(2);
  });

  it('two overlapping runs adopt once', async () => {
    const shot = path.join(dir, 'a.png');
    await writeFile(shot, await pngBytes(40, 30));
    await main.vault.importPaths(caseA, [shot], 'dialog');
    await Promise.all([app.store.getState().reconcileVault(), app.store.getState().reconcileVault()]);
    expect((await app.deps.repo.allEvidence()).length).toBe(1);
  });

  it('a record whose original is gone is reported missing', async () => {
    await app.store.getState().importInto(caseA, { via: 'clipboard', bytes: await pngBytes(40, 30), mime: 'image/png' });
    await rm(path.join(dir, 'vault', 'blobs'), { recursive: true, force: true });
    await app.store.getState().reconcileVault();
    const s = app.store.getState();
    expect(s.vaultNotice).toMatchObject({ missing: 1 });
    expect([...s.missingShas]).toEqual(await app.deps.repo.allShas());
  });
});

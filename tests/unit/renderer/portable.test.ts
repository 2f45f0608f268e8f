// The portable slice on real Dexie over main's real case-folder handlers: a case exported and
// imported back into a second app, and an import whose records were never written (the app
// stopped after main copied the originals) settled at the next start.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RECOVERED_CASE_TITLE } from '../../../shared/domain/case';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import type { CaseEvent } from '../../../shared/domain/events';
import { createPortableHandlers } from '../../../electron/main/portable/handlers';
import { pngBytes } from '../main/fixtures';
import { startMain } from './mainInProcess';
import { testStore, type TestStore } from './testStore';

let dir: string;
let stores: TestStore[] = [];
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-portable-'));
  stores = [];
});
afterEach(async () => {
  for (const s of stores) {
    s.db.close();
    await s.db.delete();
  }
  await rm(dir, { recursive: true, force: true });
});

/** One app: a vault, main's handlers (the folder dialogs answer from `folders`) and the store. */
function appAt(name: string, folders: string[]) {
  const vaultDir = path.join(dir, name);
  const pick = async (): Promise<string | null> => folders.shift() ?? null;
  const main = startMain(vaultDir, (vault) => createPortableHandlers(vault, vaultDir, { chooseExportParent: pick, chooseCaseFolder: pick }, () => undefined));
  const app = testStore(main.api, `portable-${dbCount++}`);
  stores.push(app);
  return { app, main };
}

const eventText = (e: CaseEvent): string => `${e.type}: ${e.detail}`;

describe('case folder', () => {
  it('exports a case and imports it into another app as a new case, with its records searchable', async () => {
    const out = path.join(dir, 'out');
    await mkdir(out);
    const a = appAt('vaultA', [out]);
    const caseId = await a.app.store.getState().saveCase({ ...EMPTY_CASE_INPUT, title: '点卡卡密无效', platform: 'kameng', issueType: 'other' });
    await a.app.store.getState().navigate({ name: 'case', caseId });
    await a.app.store.getState().importInto(caseId, { via: 'dropped', files: [{ name: '卡密截图.png', lastModified: 0, bytes: await pngBytes(40, 30) }] });
    await a.app.store.getState().exportCaseFolder(caseId, eventText);
    const exported = a.app.store.getState().portableNotice;
    if (exported?.kind !== 'exported') throw new Error(`not exported: ${JSON.stringify(exported)}`);
    expect(exported.files).toBe(2);

    const b = appAt('vaultB', [exported.dir]);
    await b.app.store.getState().importCaseFolder();
    const notice = b.app.store.getState().portableNotice;
    expect(notice).toMatchObject({ kind: 'imported', title: '点卡卡密无效', count: 1 });
    const newId = notice?.kind === 'imported' ? notice.caseId : '';
    expect(newId).not.toBe(caseId);
    const s = b.app.store.getState();
    expect(s.route).toEqual({ name: 'case', caseId: newId });
    expect(s.evidence.map((e) => e.title)).toEqual(['卡密截图']);
    expect((await b.app.deps.search.search('卡密截图', {}, 5)).map((h) => h.caseId)).toEqual([newId]);
    expect(await b.app.deps.repo.allShas()).toEqual(await a.app.deps.repo.allShas());
  });

  it('an import cut off before its records were stored is reported undone at the next start, and its originals are adopted, not lost', async () => {
    const folder = path.join(dir, 'folder');
    await mkdir(folder);
    await writeFile(path.join(folder, 'shot.png'), await pngBytes(40, 30));
    await writeFile(path.join(folder, 'case.json'), JSON.stringify({ title: '中断的导入', evidence: [{ file: 'shot.png', kind: 'chat' }] }));
    const { app, main } = appAt('vaultC', [folder]);
    // What importCaseFolder does up to the crash: the intent, then main's import; no Dexie transaction.
    const begun = await main.api.beginIntent({ kind: 'import-case', caseId: 'imported-case' });
    expect(begun.ok).toBe(true);
    expect((await main.api.importCaseFolder({ caseId: 'imported-case' })).ok).toBe(true);

    await app.store.getState().reconcileVault();
    const s = app.store.getState();
    expect(s.vaultNotice).toMatchObject({ undoneActions: 1, finishedActions: 0, recovered: 1 });
    expect(await app.deps.repo.getCase('imported-case')).toBeUndefined();
    const recovery = s.cases.find((c) => c.title === RECOVERED_CASE_TITLE);
    expect(s.evidenceCounts[recovery?.id ?? '']).toBe(1);
    const pending = await main.api.pendingIntents({});
    expect(pending.ok && pending.value).toEqual([]);
  });
});

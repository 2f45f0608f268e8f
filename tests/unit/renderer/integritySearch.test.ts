// The integrity and search slices on real Dexie over main's real trash, vault check and audit log.
import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { pngBytes } from '../main/fixtures';
import { startMain, type MainInProcess } from './mainInProcess';
import { testStore, type TestStore } from './testStore';

let dir: string;
let main: MainInProcess;
let app: TestStore;
let caseA: string;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-integrity-'));
  main = startMain(path.join(dir, 'vault'));
  app = testStore(main.api, `integrity-${dbCount++}`);
  caseA = await app.store.getState().saveCase({ ...EMPTY_CASE_INPUT, title: '甲店', platform: 'taobao', issueType: 'other' });
  await app.store.getState().navigate({ name: 'case', caseId: caseA });
  const files = [
    { name: '订单详情.png', lastModified: 0, bytes: await pngBytes(40, 30) },
    { name: '客服聊天.png', lastModified: 0, bytes: await pngBytes(41, 30) },
  ];
  await app.store.getState().importInto(caseA, { via: 'dropped', files });
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await rm(dir, { recursive: true, force: true });
});

const item = (title: string) => {
  const found = app.store.getState().evidence.find((e) => e.title === title);
  if (!found) throw new Error(`no ${title}`);
  return found;
};

describe('trash', () => {
  it('purging a trashed item removes its original for good and logs it', async () => {
    await app.store.getState().removeEvidence(item('订单详情').id);
    await app.store.getState().loadTrash();
    const [entry] = app.store.getState().trashItems;
    await app.store.getState().purgeFromTrash(entry?.id ?? '');
    expect(app.store.getState().trashItems).toEqual([]);
    expect((await readdir(path.join(dir, 'vault', 'trash'))).filter((n) => !n.startsWith('.'))).toEqual([]);
    const history = await main.api.caseHistory({ caseId: caseA });
    expect(history.ok && history.value.entries.map((e) => e.action)).toEqual(expect.arrayContaining(['delete', 'purge']));
    expect(app.store.getState().integrityError).toBeNull();
  });

  it('a restore of an id that is not in the trash shows the error and changes nothing', async () => {
    await app.store.getState().restoreFromTrash('0123456789abcdef01234567');
    expect(app.store.getState().integrityError).toMatchObject({ code: 'not-found' });
    expect(await app.deps.repo.allShas()).toHaveLength(2);
  });
});

describe('vault check', () => {
  it('finds an original changed on disk and quarantines it when asked', async () => {
    const bad = item('客服聊天');
    const blob = path.join(dir, 'vault', 'blobs', bad.sha256.slice(0, 2), bad.sha256);
    await chmod(blob, 0o644);
    await writeFile(blob, 'not the original bytes');
    await app.store.getState().startVaultCheck();
    const report = app.store.getState().vaultCheck.report;
    expect(app.store.getState().vaultCheck.running).toBe(false);
    expect(report?.mismatches.map((m) => m.sha256)).toEqual([bad.sha256]);
    await app.store.getState().quarantineOriginal(bad.sha256);
    expect(app.store.getState().vaultCheck.report?.mismatches).toEqual([]);
    expect(app.store.getState().vaultCheck.report?.missing.map((m) => m.sha256)).toEqual([bad.sha256]);
  });
});

describe('search', () => {
  it('finds by title, lets only the newest of overlapping searches land, and opens a hit in its case', async () => {
    const s = app.store.getState();
    await Promise.all([s.runSearch('订单', {}), s.runSearch('聊天', {})]);
    const hits = app.store.getState().searchHits;
    expect(app.store.getState().searchQuery).toBe('聊天');
    expect(hits.map((h) => h.evidenceId)).toEqual([item('客服聊天').id]);
    await app.store.getState().navigate({ name: 'cases' });
    const [hit] = hits;
    if (!hit) throw new Error('no hit');
    await app.store.getState().openHit(hit);
    expect(app.store.getState().route).toEqual({ name: 'case', caseId: caseA });
    expect(app.store.getState().viewerId).toBe(hit.evidenceId);
    await app.store.getState().runSearch('  ', {});
    expect(app.store.getState().searchHits).toEqual([]);
  });
});

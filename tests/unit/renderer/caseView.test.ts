// The case view's store actions (caseViewSlice, with integritySlice's restore) on real Dexie and main's
// real vault and integrity services in this process: what lands in the records, in main's audit log,
// in the trash and in the search index, and that no intent is left behind.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { startMain, type MainInProcess } from './mainInProcess';
import { twoCasesAndOneScreenshot } from './twoCases';
import { testStore, type TestStore } from './testStore';

let dir: string;
let main: MainInProcess;
let app: TestStore;
let caseA: string;
let caseB: string;
let item: EvidenceRecord;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-caseview-'));
  main = startMain(path.join(dir, 'vault'));
  app = testStore(main.api, `caseview-${dbCount++}`);
  ({ caseA, caseB, item } = await twoCasesAndOneScreenshot(app, main, dir));
});

afterEach(async () => {
  app.db.close();
  await app.db.delete();
  await rm(dir, { recursive: true, force: true });
});

const audit = async (caseId: string) => {
  const res = await main.api.caseHistory({ caseId });
  if (!res.ok) throw new Error(res.error.message);
  return res.value.entries.map((e) => [e.action, e.detail]);
};
const intentsLeft = () => readdir(path.join(dir, 'vault', 'intents')).catch(() => []);
const searchCases = async () => (await app.db.searchDocs.where('evidenceId').equals(item.id).toArray()).map((d) => d.caseId);

describe('refreshCase', () => {
  it("loads the routed case's evidence and timeline, and nothing for another route", async () => {
    const s = app.store.getState();
    expect(s.caseLoaded).toBe(true);
    expect(s.evidence.map((e) => e.id)).toEqual([item.id]);
    expect(s.events.map((e) => e.type)).toEqual(['case-created', 'evidence-added']);
    await s.navigate({ name: 'case', caseId: caseB });
    expect(app.store.getState().evidence).toEqual([]);
  });
});

describe('updateEvidence', () => {
  it('saves the patch, logs what changed, and re-indexes the new title for search', async () => {
    await app.store.getState().updateEvidence(item.id, { title: '支付凭证', note: '付款后截图' });
    expect(await app.deps.repo.getEvidence(item.id)).toMatchObject({ title: '支付凭证', note: '付款后截图' });
    expect(app.store.getState().evidence[0]?.title).toBe('支付凭证');
    expect(await audit(caseA)).toContainEqual(['edit', `标题：${item.title} → 支付凭证；备注已修改`]);
    const hits = await app.deps.search.search('支付凭证', {}, 10);
    expect(hits.map((h) => h.evidenceId)).toEqual([item.id]);
  });

  it('an unchanged patch logs nothing', async () => {
    await app.store.getState().updateEvidence(item.id, { title: item.title });
    expect((await audit(caseA)).filter(([action]) => action === 'edit')).toEqual([]);
  });
});

describe('moveEvidence', () => {
  it('moves the record, its search rows and both timelines in one go, logs the move in both cases, and leaves no intent', async () => {
    app.store.getState().openViewer(item.id);
    await app.store.getState().moveEvidence(item.id, caseB);
    expect((await app.deps.repo.getEvidence(item.id))?.caseId).toBe(caseB);
    expect(await searchCases()).toEqual([caseB]);
    expect((await app.deps.repo.listEvents(caseA)).map((e) => e.type)).toContain('evidence-moved-out');
    expect((await app.deps.repo.listEvents(caseB)).map((e) => [e.type, e.detail])).toContainEqual(['evidence-moved-in', `${item.title} · 甲店`]);
    for (const c of [caseA, caseB]) expect(await audit(c)).toContainEqual(['move', `${item.title}：「甲店」→「乙店」`]);
    expect(await intentsLeft()).toEqual([]);
    const s = app.store.getState();
    expect(s.viewerId).toBeNull();
    expect(s.evidence).toEqual([]);
    expect(s.evidenceCounts).toMatchObject({ [caseA]: 0, [caseB]: 1 });
  });

  it('a move to its own case does nothing', async () => {
    await app.store.getState().moveEvidence(item.id, caseA);
    expect(main.calls.filter((c) => c.channel === 'intent:begin')).toEqual([]);
    expect((await app.deps.repo.listEvents(caseA)).some((e) => e.type === 'evidence-moved-out')).toBe(false);
  });
});

describe('removeEvidence and restoreFromTrash', () => {
  it('moves the original to the trash, then the record goes; a restore brings both back', async () => {
    await app.store.getState().removeEvidence(item.id);
    expect(await app.deps.repo.getEvidence(item.id)).toBeUndefined();
    expect(await searchCases()).toEqual([]);
    expect((await app.deps.repo.listEvents(caseA)).map((e) => e.type)).toContain('evidence-removed');
    expect(await intentsLeft()).toEqual([]);
    await app.store.getState().loadTrash();
    const [entry] = app.store.getState().trashItems;
    expect(entry?.record.id).toBe(item.id);

    await app.store.getState().restoreFromTrash(entry?.id ?? '');
    expect((await app.deps.repo.getEvidence(item.id))?.caseId).toBe(caseA);
    expect(await searchCases()).toEqual([caseA]);
    expect(app.store.getState().integrityNotice).toEqual({ key: 'trash.restored', params: { title: item.title, caseTitle: '甲店' } });
    expect(app.store.getState().trashItems).toEqual([]);
    expect(await intentsLeft()).toEqual([]);
  });

  it('when main cannot trash the original, the record stays, and the next start reports the delete as undone', async () => {
    await rm(path.join(dir, 'vault', 'blobs'), { recursive: true, force: true });
    await expect(app.store.getState().removeEvidence(item.id)).rejects.toThrow(/not in the vault/);
    expect(await app.deps.repo.getEvidence(item.id)).toBeDefined();
    expect(await intentsLeft()).toHaveLength(1);
    await app.store.getState().reconcileVault();
    expect(await intentsLeft()).toEqual([]);
    expect(app.store.getState().vaultNotice).toMatchObject({ finishedActions: 0, undoneActions: 1, missing: 1 });
    expect(await app.deps.repo.getEvidence(item.id)).toBeDefined();
  });
});

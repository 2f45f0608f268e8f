// Moves and deletes span main's vault and the renderer's Dexie records. SIGKILL main (a real child
// process, stalled at a chosen file call) at each of its steps, or stop the renderer before or after
// its one transaction; then restart: main settles its intents, the renderer's real store finishes or
// drops each one, and vault and records must agree (every record's original in blobs/, every trashed
// item without a record, no intent left), with the buyer told what was finished or undone.
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import { planImport } from '../../../shared/domain/importPlan';
import type { ActionIntent } from '../../../shared/integrity/intents';
import { searchInput } from '../../../shared/search/document';
import { createVaultService } from '../../../electron/main/vault';
import { applyDelete, applyMove } from '../../../renderer/src/store/intentActions';
import { pngBytes } from '../main/fixtures';
import { startMain } from '../renderer/mainInProcess';
import { testStore, type TestStore } from '../renderer/testStore';
import type { Stall } from './child';
import { runChild, soundBlobs } from './harness';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-intents-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

interface World {
  vaultDir: string;
  dbName: string;
  app: TestStore;
  caseA: string;
  caseB: string;
  evidenceId: string;
  sha: string;
}

/** Two cases and one imported screenshot in case A, with its search rows: the state before each action. */
async function world(name: string): Promise<World> {
  const dir = path.join(root, name);
  await mkdir(dir, { recursive: true });
  const vaultDir = path.join(dir, 'vault');
  const file = path.join(dir, 'shot.png');
  await writeFile(file, await pngBytes(40, 30));
  const dbName = `intents-${name}`;
  const app = testStore(startMain(vaultDir).api, dbName);
  const state = app.store.getState();
  const caseA = await state.saveCase({ ...EMPTY_CASE_INPUT, title: '甲店', platform: 'taobao', issueType: 'other' });
  const caseB = await state.saveCase({ ...EMPTY_CASE_INPUT, title: '乙店', platform: 'jd', issueType: 'other' });
  const batch = await createVaultService({ vaultDir }).importPaths(caseA, [file], 'dialog');
  const plan = planImport(batch, caseA, new Map(), { now: app.deps.now(), newId: app.deps.newId, caseTitle: '甲店' });
  await app.deps.repo.addEvidence(plan.records, plan.events, [caseA], app.deps.now());
  const record = plan.records[0];
  if (!record) throw new Error('nothing imported');
  await app.deps.search.upsert(searchInput(record, undefined));
  return { vaultDir, dbName, app, caseA, caseB, evidenceId: record.id, sha: record.sha256 };
}

async function restart(w: World) {
  w.app.db.close();
  const app = testStore(startMain(w.vaultDir).api, w.dbName);
  await app.store.getState().reconcileVault();
  return app;
}

async function names(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

/** Vault and records agree: the one item is either a live record with its original, or in the trash without one. */
async function expectAgreement(w: World, app: TestStore): Promise<'live' | 'trashed'> {
  expect(await names(path.join(w.vaultDir, 'intents'))).toEqual([]);
  const row = await app.deps.repo.getEvidence(w.evidenceId);
  const trash = (await app.deps.api.listTrash({})).ok ? await names(path.join(w.vaultDir, 'trash')) : [];
  const blobs = await soundBlobs(w.vaultDir);
  const searchRows = await app.db.searchDocs.where('evidenceId').equals(w.evidenceId).toArray();
  if (row) {
    expect(blobs).toEqual([w.sha]);
    expect(trash).toEqual([]);
    expect(searchRows.length).toBeGreaterThan(0);
    expect(new Set(searchRows.map((r) => r.caseId))).toEqual(new Set([row.caseId]));
    return 'live';
  }
  expect(blobs).toEqual([]);
  expect(trash.filter((n) => n.endsWith('.blob'))).toHaveLength(1);
  expect(trash.filter((n) => n.endsWith('.entry.json'))).toHaveLength(1);
  expect(searchRows).toEqual([]);
  return 'trashed';
}

const deleteIntent = (w: World, at: string): Extract<ActionIntent, { kind: 'delete' }> => ({
  kind: 'delete',
  evidenceId: w.evidenceId,
  sha256: w.sha,
  event: { id: w.app.deps.newId(), caseId: w.caseA, at, type: 'evidence-removed', evidenceId: w.evidenceId, detail: 'shot.png' },
});

const INTENT_TMP = String.raw`[\\/]intents[\\/][0-9a-f]{24}\.json\.[0-9a-f]+\.tmp$`;
const INTENT = String.raw`[\\/]intents[\\/][0-9a-f]{24}\.json$`;

describe('a delete killed in main', () => {
  it.each([
    { step: 'while the intent is being written', stall: { op: 'open', match: INTENT_TMP }, expected: 'live', finished: 0, undone: 0 },
    { step: 'before the intent is renamed into place', stall: { op: 'rename', match: INTENT }, expected: 'live', finished: 0, undone: 0 },
    { step: 'before the trash entry is written', stall: { op: 'rename', match: String.raw`[\\/]trash[\\/][0-9a-f]{24}\.entry\.json$` }, expected: 'live', finished: 0, undone: 1 },
    { step: 'after the trash entry, before the original moves', stall: { op: 'rename', match: String.raw`[\\/]trash[\\/][0-9a-f]{24}\.blob$` }, expected: 'trashed', finished: 1, undone: 0 },
    { step: 'after the original moved, before its sidecar', stall: { op: 'rename', match: String.raw`[\\/]trash[\\/][0-9a-f]{24}\.meta\.json$` }, expected: 'trashed', finished: 1, undone: 0 },
    { step: 'before the audit entry', stall: { op: 'open', match: String.raw`[\\/]audit[\\/]log\.jsonl$`, skip: 0 }, expected: 'trashed', finished: 1, undone: 0 },
  ] satisfies { step: string; stall: Stall; expected: 'live' | 'trashed'; finished: number; undone: number }[])(
    '$step: after a restart vault and records agree ($expected)',
    async ({ step, stall, expected, finished, undone }) => {
      const w = await world(`delete-${step.replace(/\W+/g, '-')}`);
      const record = await w.app.deps.repo.getEvidence(w.evidenceId);
      if (!record) throw new Error('no record');
      const killed = await runChild(root, { mode: 'intent', vaultDir: w.vaultDir, intent: deleteIntent(w, w.app.deps.now()), trash: { record, caseTitle: '甲店' }, stall }, { killOn: /^STALL / });
      expect(killed.killed).toBe(true);
      const app = await restart(w);
      expect(await expectAgreement(w, app)).toBe(expected);
      const notice = app.store.getState().vaultNotice;
      expect([notice?.finishedActions ?? 0, notice?.undoneActions ?? 0]).toEqual([finished, undone]);
    },
  );
});

describe('a delete whose renderer stopped', () => {
  it.each([
    { when: 'before its Dexie transaction', dexie: false },
    { when: 'after its Dexie transaction, before the intent was cleared', dexie: true },
  ])('$when: the restart finishes it', async ({ when, dexie }) => {
    const w = await world(`delete-renderer-${dexie}`);
    const record = await w.app.deps.repo.getEvidence(w.evidenceId);
    if (!record) throw new Error('no record');
    const intent = deleteIntent(w, w.app.deps.now());
    const done = await runChild(root, { mode: 'intent', vaultDir: w.vaultDir, intent, trash: { record, caseTitle: '甲店' } });
    expect(done.killed, when).toBe(false);
    if (dexie) await applyDelete(w.app.deps, intent);
    const app = await restart(w);
    expect(await expectAgreement(w, app)).toBe('trashed');
    expect(app.store.getState().vaultNotice?.finishedActions).toBe(1);
    // The timeline says it was removed exactly once.
    const removed = (await app.deps.repo.listEvents(w.caseA)).filter((e) => e.type === 'evidence-removed');
    expect(removed).toHaveLength(1);
  });
});

describe('a move interrupted', () => {
  const moveIntent = (w: World): Extract<ActionIntent, { kind: 'move' }> => {
    const at = w.app.deps.now();
    const ev = (caseId: string, type: 'evidence-moved-out' | 'evidence-moved-in') => ({ id: w.app.deps.newId(), caseId, at, type, evidenceId: w.evidenceId, detail: 'shot.png' });
    return {
      kind: 'move',
      evidenceId: w.evidenceId,
      sha256: w.sha,
      fromCaseId: w.caseA,
      toCaseId: w.caseB,
      events: [ev(w.caseA, 'evidence-moved-out'), ev(w.caseB, 'evidence-moved-in')],
      audit: [w.caseA, w.caseB].map((caseId) => ({ action: 'move' as const, caseId, evidenceId: w.evidenceId, sha256: w.sha, detail: 'shot.png：甲店 → 乙店' })),
    };
  };

  it.each([
    { when: 'main killed while writing the intent', stall: { op: 'open', match: INTENT_TMP } satisfies Stall, dexie: false, movedTo: 'A' },
    { when: 'main killed before the intent is in place', stall: { op: 'rename', match: INTENT } satisfies Stall, dexie: false, movedTo: 'A' },
    { when: 'the renderer stopped before its Dexie transaction', stall: undefined, dexie: false, movedTo: 'B' },
    { when: 'the renderer stopped after its Dexie transaction', stall: undefined, dexie: true, movedTo: 'B' },
  ])('$when: after a restart the item is in case $movedTo, with its search rows and timeline', async ({ when, stall, dexie, movedTo }) => {
    const w = await world(`move-${when.replace(/\W+/g, '-')}`);
    const intent = moveIntent(w);
    const run = await runChild(root, { mode: 'intent', vaultDir: w.vaultDir, intent, ...(stall ? { stall } : {}) }, stall ? { killOn: /^STALL / } : {});
    expect(run.killed).toBe(stall !== undefined);
    if (dexie) await applyMove(w.app.deps, intent, intent.events[0]?.at ?? '');
    const app = await restart(w);
    expect(await expectAgreement(w, app)).toBe('live');
    const target = movedTo === 'A' ? w.caseA : w.caseB;
    expect((await app.deps.repo.getEvidence(w.evidenceId))?.caseId).toBe(target);
    const moves = [...(await app.deps.repo.listEvents(w.caseA)), ...(await app.deps.repo.listEvents(w.caseB))].filter((e) => e.type.startsWith('evidence-moved'));
    expect(moves).toHaveLength(movedTo === 'A' ? 0 : 2);
    if (movedTo === 'B') {
      // The audit log got the move once, from finishing the intent.
      const history = await app.deps.api.caseHistory({ caseId: w.caseB });
      expect(history.ok && history.value.entries.filter((e) => e.action === 'move')).toHaveLength(1);
      expect(app.store.getState().vaultNotice?.finishedActions).toBe(1);
    }
  });
});

// 撤销 on the real store, real Dexie and main's real vault and integrity services in this process:
// each undo puts back everything the action changed, and the audit log holds the action and its undo.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EMPTY_CASE_INPUT } from '../../../shared/domain/caseForm';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { ExtractionRecord } from '../../../shared/domain/review';
import { startMain, type MainInProcess } from './mainInProcess';
import { twoCasesAndOneScreenshot } from './twoCases';
import { testClock, testStore, type TestStore } from './testStore';

let dir: string;
let main: MainInProcess;
let app: TestStore;
let caseA: string;
let caseB: string;
let item: EvidenceRecord;
let dbCount = 0;

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-undo-'));
  main = startMain(path.join(dir, 'vault'));
  app = testStore(main.api, `undo-${dbCount++}`, testClock('2026-11-18T09:00:00'));
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
  return res.value.entries.map((e) => e.action);
};
const intentsLeft = () => readdir(path.join(dir, 'vault', 'intents')).catch(() => []);

describe('undo', () => {
  it('takes a trashed item back whole: record, original, fields with corrections, search entry', async () => {
    const extraction: ExtractionRecord = {
      evidenceId: item.id,
      caseId: caseA,
      sha256: item.sha256,
      source: 'ocr',
      extraction: { platform: 'unknown', kind: 'order', orderNumbers: [], transactionIds: [], trackingNumbers: [], timestamps: [], amount: null, scam: false, scamSignals: [], text: '订单编号 12345' },
      messages: null,
      corrections: { 'orderNumber:0': { status: 'edited', value: '3456789012345678901' } },
      updatedAt: '2026-11-18T09:00:00',
    };
    await app.db.extractions.put(extraction);

    await app.store.getState().trashWithUndo(item.id);
    expect(await app.deps.repo.getEvidence(item.id)).toBeUndefined();
    expect(await app.db.extractions.get(item.id)).toBeUndefined();
    expect(app.store.getState().undoToast).toMatchObject({ state: 'offered', message: { key: 'ux.undo.trashed', params: { title: item.title } } });

    await app.store.getState().runUndo();
    expect(app.store.getState().undoToast?.state).toBe('undone');
    expect(await app.deps.repo.getEvidence(item.id)).toEqual(item);
    expect((await app.db.extractions.get(item.id))?.corrections).toEqual(extraction.corrections);
    expect(await app.db.searchDocs.where('evidenceId').equals(item.id).count()).toBe(1);
    expect(app.store.getState().evidence.map((e) => e.id)).toEqual([item.id]);
    const trash = await main.api.listTrash({});
    expect(trash.ok && trash.value).toEqual([]);
    expect(await audit(caseA)).toEqual(expect.arrayContaining(['delete', 'restore', 'undo']));
    expect(await intentsLeft()).toEqual([]);

    // An offer runs once: a second click does nothing.
    await app.store.getState().runUndo();
    expect((await audit(caseA)).filter((a) => a === 'undo')).toHaveLength(1);
  });

  it('moves an item back to the case it came from', async () => {
    await app.store.getState().moveWithUndo(item.id, caseB);
    expect((await app.deps.repo.getEvidence(item.id))?.caseId).toBe(caseB);
    await app.store.getState().runUndo();
    expect((await app.deps.repo.getEvidence(item.id))?.caseId).toBe(caseA);
    expect(app.store.getState().evidence.map((e) => e.id)).toEqual([item.id]);
    const actions = await audit(caseA);
    expect(actions.filter((a) => a === 'move')).toHaveLength(2);
    expect(actions).toContain('undo');
    expect(await intentsLeft()).toEqual([]);
  });

  it('puts a status back and removes the deadlines the change added', async () => {
    const s = app.store.getState();
    await s.requestStatusChange(caseA, 'refund-requested');
    const pending = app.store.getState().pendingTransition;
    expect(pending?.plan.deadlines.map((d) => d.presetId)).toEqual(['platform-review']);
    await app.store.getState().confirmTransition(['platform-review']);
    expect(app.store.getState().cases.find((c) => c.id === caseA)?.status).toBe('refund-requested');
    expect(app.store.getState().deadlines.filter((d) => d.caseId === caseA)).toHaveLength(1);

    await app.store.getState().runUndo();
    expect(app.store.getState().cases.find((c) => c.id === caseA)?.status).toBe('collecting');
    expect(app.store.getState().deadlines.filter((d) => d.caseId === caseA)).toEqual([]);
    expect(await app.db.deadlines.count()).toBe(0);
    const actions = await audit(caseA);
    expect(actions.filter((a) => a === 'status')).toHaveLength(2);
    expect(actions).toContain('undo');
  });

  it('a dismissed offer cannot be run any more', async () => {
    await app.store.getState().moveWithUndo(item.id, caseB);
    const id = app.store.getState().undoToast?.id ?? -1;
    app.store.getState().dismissUndo(id);
    expect(app.store.getState().undoToast).toBeNull();
    await app.store.getState().runUndo();
    expect((await app.deps.repo.getEvidence(item.id))?.caseId).toBe(caseB);
  });
});

describe('createCaseGuided', () => {
  it('adds the first deadline the facts give, and none without them', async () => {
    const s = app.store.getState();
    const withDate = await s.createCaseGuided({ ...EMPTY_CASE_INPUT, title: '耳机', issueType: 'quality', signedAt: '2026-11-17T12:00' });
    const without = await s.createCaseGuided({ ...EMPTY_CASE_INPUT, title: '点卡', goodsType: 'virtual', virtualState: 'used', signedAt: '2026-11-17T12:00' });
    const deadlines = app.store.getState().deadlines;
    expect(deadlines.filter((d) => d.caseId === withDate).map((d) => [d.presetId, d.due])).toEqual([['seven-day-return', '2026-11-24T23:59:59']]);
    expect(deadlines.filter((d) => d.caseId === without)).toEqual([]);
  });
});

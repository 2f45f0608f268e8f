// The backup's db layer against fake-indexeddb; the e2e suite runs the same code on Chromium's IndexedDB.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { dbSnapshotSchema, type DbSnapshot } from '../../../shared/backup/snapshot';
import { openAppDb, recreateDb, replaceDb, snapshotDb } from './database';
import { dumpIndexedDb } from './rawDump';

const SHA = 'a'.repeat(64);
let n = 0;
const fresh = () => `backup-test-${++n}`;

async function seeded(name: string) {
  const db = await openAppDb(name);
  await db.cases.add({ id: 'c1', title: '卡密无效', platform: 'kameng', status: 'collecting', createdAt: 't', updatedAt: 't' } as never);
  await db.evidence.add({ id: 'e1', caseId: 'c1', sha256: SHA, size: 3, originalName: 'a.png', mediaType: 'image', kind: 'order', importedAt: 't' } as never);
  await db.deadlines.add({ id: 'd1', caseId: 'c1', label: 'x', dueAt: 5, done: false } as never);
  return db;
}

function nativeDb(name: string, version: number, stores: Record<string, string>, rows: Record<string, unknown[]> = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name, version);
    req.onupgradeneeded = () => {
      for (const [store, keyPath] of Object.entries(stores)) {
        const os = req.result.createObjectStore(store, { keyPath });
        for (const row of rows[store] ?? []) os.add(row);
      }
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
    req.onerror = () => reject(req.error ?? new Error('open'));
  });
}

describe('database snapshot and replace', () => {
  it('round-trips every table and the snapshot passes the archive schema', async () => {
    const name = fresh();
    const db = await seeded(name);
    const snap = await snapshotDb(db);
    expect(dbSnapshotSchema.parse(snap)).toEqual(snap);
    expect(snap.dbVersion).toBe(db.verno);
    await db.cases.add({ id: 'c2', title: 'later', platform: 'jd', status: 'collecting', createdAt: 't', updatedAt: 't' } as never);
    await replaceDb(db, snap);
    expect(await snapshotDb(db)).toEqual(snap);
    db.close();
  });

  it('leaves the search index out and rebuilds it from evidence and extractions on restore', async () => {
    const db = await seeded(fresh());
    await db.extractions.add({ evidenceId: 'e1', caseId: 'c1', sha256: SHA, source: 'ocr', extraction: { platform: 'kameng', text: '订单号 2025112812345678 卡密无效' }, messages: null } as never);
    await db.searchDocs.add({ id: 'stale', evidenceId: 'gone', caseId: 'c0', kind: 'order', platform: '', date: '', grams: ['旧的'] } as never);
    const snap = await snapshotDb(db);
    expect(snap.tables.searchDocs).toBeUndefined();
    await replaceDb(db, snap);
    const rows = await db.searchDocs.toArray();
    expect(rows.map((r) => r.evidenceId)).toEqual(['e1']);
    expect(rows[0]?.grams).toContain('卡密');
    db.close();
  });

  it('a failing restore leaves the old contents, in every table', async () => {
    const db = await seeded(fresh());
    const before = await snapshotDb(db);
    const bad: DbSnapshot = { ...before, tables: { ...before.tables, cases: [], deadlines: [{ id: 'd9', caseId: 'c', label: 'x', dueAt: 1, done: false }, { id: 'd9', caseId: 'c', label: 'y', dueAt: 1, done: false }] } };
    await expect(replaceDb(db, bad)).rejects.toThrow();
    expect(await snapshotDb(db)).toEqual(before);
    await expect(replaceDb(db, { ...before, dbVersion: db.verno + 1 })).rejects.toThrow(/newer than this app/);
    await expect(replaceDb(db, { ...before, tables: { ...before.tables, trash2099: [] } })).rejects.toThrow(/trash2099/);
    db.close();
  });

  it('refuses a database whose store has another primary key, and rebuilds it from a backup', async () => {
    const name = fresh();
    const good = await seeded(fresh());
    const snap = await snapshotDb(good);
    good.close();
    await nativeDb(name, 30, { cases: 'uuid', evidence: 'id', events: 'id', deadlines: 'id', extractions: 'evidenceId', searchDocs: 'id' }, { cases: [{ uuid: 'old-1', title: '旧数据' }] });
    await expect(openAppDb(name)).rejects.toThrow(/primary key|"cases" has key "uuid"/);
    const dump = await dumpIndexedDb(name);
    expect(dump.idbVersion).toBe(30);
    expect(dump.stores['cases']).toEqual({ rows: [{ uuid: 'old-1', title: '旧数据' }] });
    await recreateDb(snap, name);
    const db = await openAppDb(name);
    expect(await snapshotDb(db)).toEqual({ ...snap, dbName: name });
    db.close();
  });

  it('a failed migration (a changed primary key) fails the open; the dump still reads it', async () => {
    const name = fresh();
    await nativeDb(name, 10, { cases: 'uuid' }, { cases: [{ uuid: 'u1' }] });
    await expect(openAppDb(name)).rejects.toMatchObject({ name: 'UpgradeError' });
    expect((await dumpIndexedDb(name)).stores).toEqual({ cases: { rows: [{ uuid: 'u1' }] } });
  });

  it('the dump never creates a database that is not there', async () => {
    const name = fresh();
    expect(await dumpIndexedDb(name)).toMatchObject({ idbVersion: null, error: expect.stringMatching(/no database/) });
    expect((await Dexie.getDatabaseNames()).includes(name)).toBe(false);
  });
});

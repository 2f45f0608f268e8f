// The settings table against fake-indexeddb; the e2e suite covers it on Chromium's IndexedDB.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_DEADLINE_SETTINGS } from '../../../shared/deadlines/settings';
import { openDb, type LiuZhengDb } from './db';
import { createSettingsRepository } from './settingsRepository';

let db: LiuZhengDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('settings repository', () => {
  it('starts with the defaults and keeps what was saved across a reopen', async () => {
    db = openDb('settings-roundtrip');
    const repo = createSettingsRepository(db);
    expect(await repo.getDeadlineSettings()).toEqual(DEFAULT_DEADLINE_SETTINGS);
    await repo.putDeadlineSettings({ presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: [4320, 30] });
    db.close();
    db = openDb('settings-roundtrip');
    expect(await createSettingsRepository(db).getDeadlineSettings()).toEqual({ presetOverrides: { 'platform-review': 5 }, defaultOffsetsMin: [4320, 30] });
  });

  it('drops a damaged entry and keeps the rest', async () => {
    db = openDb('settings-damaged');
    await db.settings.put({ key: 'deadlines', value: { presetOverrides: { 'platform-review': -4, 'seller-response': 2 }, defaultOffsetsMin: 'soon' } });
    expect(await createSettingsRepository(db).getDeadlineSettings()).toEqual({ presetOverrides: { 'seller-response': 2 }, defaultOffsetsMin: [1440, 120, 0] });
  });

  it('upgrades a version-3 database without losing its rows', async () => {
    const { Dexie } = await import('dexie');
    const old = new Dexie('settings-upgrade');
    old.version(3).stores({ cases: 'id, status, updatedAt', deadlines: 'id, caseId, dueAt, [caseId+dueAt]' });
    await old.table('cases').put({ id: 'c1', status: 'collecting', updatedAt: '2026-11-01' });
    old.close();
    db = openDb('settings-upgrade');
    expect(await db.cases.get('c1')).toMatchObject({ id: 'c1' });
    expect(await db.settings.count()).toBe(0);
  });
});

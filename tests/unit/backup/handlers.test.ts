import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupHandlers, type BackupPorts } from '../../../electron/main/backup/handlers';
import { createBackupService } from '../../../electron/main/backup/service';
import { dispatch } from '../../../electron/main/ipc/dispatch';
import { ipcError } from '../../../electron/main/ipc/errors';
import type { Handlers } from '../../../shared/ipc/contract';
import { makeTestVault, pngBytes, type TestVault } from '../main/fixtures';
import { CHEAP_KDF, seedVault, SETTINGS } from './fixtures';

let vault: TestVault;
let out: string;
beforeEach(async () => {
  vault = await makeTestVault();
  out = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-backup-handlers-'));
});
afterEach(async () => {
  await vault.cleanup();
  await rm(out, { recursive: true, force: true });
});

function setup(answers: { save?: (string | null)[]; open?: (string | null)[] }, locked = false) {
  const asked: string[] = [];
  let relaunches = 0;
  const ports: BackupPorts = {
    chooseArchivePath: async (name) => (asked.push(name), answers.save?.shift() ?? null),
    chooseArchive: async () => answers.open?.shift() ?? null,
    chooseDumpPath: async (name) => (asked.push(name), answers.save?.shift() ?? null),
    relaunch: () => void relaunches++,
  };
  const service = createBackupService({ vaultDir: vault.vaultDir, appVersion: 't', kdf: CHEAP_KDF });
  const handlers = createBackupHandlers(service, ports, () => new Date('2026-11-22T02:00:00Z'), locked ? (work) => vault.service.exclusive(work) : undefined);
  // Only the backup channels are exercised; the others are never called here.
  const all = handlers as unknown as Handlers;
  return { handlers, asked, relaunches: () => relaunches, call: (channel: string, req: unknown) => dispatch(all, channel, req, ipcError) };
}

describe('backup handlers', () => {
  it('a cancelled save dialog writes nothing; the suggested name says plain or encrypted', async () => {
    const db = await seedVault(vault, 1);
    const { call, asked } = setup({ save: [null, null] });
    expect(await call('backup:create', { db, settings: SETTINGS })).toEqual({ ok: true, value: null });
    expect(await call('backup:create', { db, settings: SETTINGS, password: 'longer than 8' })).toEqual({ ok: true, value: null });
    expect(asked).toEqual(['留证备份-2026-11-22.tar', '留证备份-2026-11-22.lzbackup']);
    expect(await readdir(out)).toEqual([]);
  });

  it('refuses a malformed snapshot before any dialog opens', async () => {
    const db = await seedVault(vault, 1);
    const { call, asked } = setup({ save: [path.join(out, 'x.tar')] });
    const res = await call('backup:create', { db: { ...db, tables: { ...db.tables, cases: [{ title: 'no id' }] } }, settings: SETTINGS });
    expect(res).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(asked).toEqual([]);
    expect(await call('backup:verify', { token: '../../etc/passwd' })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('runs a restore over IPC, restarts only after the commit, and forgets the token', async () => {
    const db = await seedVault(vault, 2);
    const file = path.join(out, 'b.tar');
    const { call, relaunches } = setup({ save: [file], open: [file, file] });
    expect(await call('backup:create', { db, settings: SETTINGS })).toMatchObject({ ok: true, value: { fileName: 'b.tar', encrypted: false } });
    const picked = await call('backup:pickArchive', {});
    expect(picked).toMatchObject({ ok: true, value: { fileName: 'b.tar', encrypted: false } });
    const token = picked.ok ? (picked.value as { token: string }).token : '';
    expect(await call('backup:verify', { token })).toMatchObject({ ok: true, value: { blobs: 2 } });
    expect(await call('backup:apply', { token })).toMatchObject({ ok: true, value: { settings: SETTINGS } });
    await call('backup:finish', { token, committed: true });
    await new Promise((r) => setTimeout(r, 400));
    expect(relaunches()).toBe(1);
    expect(await call('backup:verify', { token })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it("a hold keeps imports out of the vault from the database snapshot to the end of the backup's walk", async () => {
    const db = await seedVault(vault, 1);
    const file = path.join(out, 'held.tar');
    const { call } = setup({ save: [file], open: [file] }, true);
    const held = await call('backup:hold', {});
    const holdId = held.ok ? (held.value as { holdId: string }).holdId : '';
    const order: string[] = [];
    const bytes = await pngBytes(30, 20);
    // Whatever needs the vault's lock (a trash move) waits for the backup, and so does an import the
    // buyer starts while the renderer is reading its database.
    const probe = vault.service.exclusive(async () => void order.push('other'));
    const late = vault.service.importBuffers('case-1', [{ name: 'late.png', lastModified: 0, bytes }], 'drop').then((b) => (order.push('import'), b));
    const created = await call('backup:create', { db, settings: SETTINGS, holdId });
    order.push('backup');
    expect(created).toMatchObject({ ok: true, value: { fileName: 'held.tar' } });
    expect((await late).items).toHaveLength(1);
    await probe;
    expect(order).toEqual(['backup', 'other', 'import']);
    // The archive is the one moment: the seeded original only, matching the snapshot's one record.
    const picked = await call('backup:pickArchive', {});
    const token = picked.ok ? (picked.value as { token: string }).token : '';
    expect(await call('backup:verify', { token })).toMatchObject({ ok: true, value: { blobs: 1 } });
    // A hold is used once.
    expect(await call('backup:create', { db, settings: SETTINGS, holdId })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('saves the error screen dump through the save dialog', async () => {
    const { call } = setup({ save: [path.join(out, 'dump.json')] });
    expect(await call('backup:saveDump', { json: '{"stores":{}}' })).toEqual({ ok: true, value: { fileName: 'dump.json', bytes: 13 } });
    expect(await readFile(path.join(out, 'dump.json'), 'utf8')).toBe('{"stores":{}}');
  });
});

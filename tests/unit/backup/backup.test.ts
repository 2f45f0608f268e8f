import { mkdtemp, readFile, readdir, rm, stat, truncate, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService, type BackupService, type RestoredInfo } from '../../../electron/main/backup/service';
import type { BackupProgress } from '../../../shared/backup/contract';
import type { DbSnapshot } from '../../../shared/backup/snapshot';
import { makeTestVault, type TestVault } from '../main/fixtures';
import { CHEAP_KDF, hashTree, seedVault, SETTINGS } from './fixtures';

let source: TestVault;
let db: DbSnapshot;
let work: string;

beforeEach(async () => {
  source = await makeTestVault();
  db = await seedVault(source);
  work = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-backup-test-'));
});
afterEach(async () => {
  await source.cleanup();
  await rm(work, { recursive: true, force: true });
});

function service(vaultDir: string, extra: { progress?: BackupProgress[]; restored?: RestoredInfo[] } = {}): BackupService {
  return createBackupService({
    vaultDir,
    appVersion: '0.1.0-test',
    kdf: CHEAP_KDF,
    onProgress: (p) => extra.progress?.push(p),
    onRestored: (info) => void extra.restored?.push(info),
  });
}

async function backupTo(name: string, password?: string): Promise<string> {
  const file = path.join(work, name);
  await service(source.vaultDir).create(file, { db, settings: SETTINGS, ...(password ? { password } : {}) });
  return file;
}

/** A second machine: an empty profile folder with a vault that holds something else. */
async function otherMachine(): Promise<{ vaultDir: string; before: Record<string, string> }> {
  const vaultDir = path.join(work, 'machine-b', 'vault');
  await rm(path.join(work, 'machine-b'), { recursive: true, force: true });
  const other = await makeTestVault();
  await seedVault(other, 1);
  await import('node:fs/promises').then((fs) => fs.cp(other.vaultDir, vaultDir, { recursive: true }));
  await other.cleanup();
  return { vaultDir, before: await hashTree(vaultDir) };
}

describe('backup and restore', () => {
  it('round-trips a vault byte for byte, with the same records, plain and encrypted', async () => {
    for (const password of [undefined, '正确的密码 correct horse']) {
      const progress: BackupProgress[] = [];
      const file = path.join(work, password ? 'b.lzbackup' : 'b.tar');
      const created = await service(source.vaultDir, { progress }).create(file, { db, settings: SETTINGS, ...(password ? { password } : {}) });
      expect(created.encrypted).toBe(password !== undefined);
      expect(created.files).toBeGreaterThanOrEqual(4 * 2);
      expect(progress.at(-1)).toMatchObject({ phase: 'backup' });
      expect(progress.at(-1)?.doneBytes).toBe(progress.at(-1)?.totalBytes);
      expect((await readdir(work)).filter((n) => n.endsWith('.partial'))).toEqual([]);

      const target = path.join(work, `fresh-${password ? 'enc' : 'plain'}`, 'vault');
      const restored: RestoredInfo[] = [];
      const svc = service(target, { restored });
      const picked = await svc.inspect(file);
      expect(picked.encrypted).toBe(password !== undefined);
      const summary = await svc.verify(picked.token, password);
      expect(summary).toMatchObject({ blobs: 4, counts: { cases: 1, evidence: 4, deadlines: 1 }, appVersion: '0.1.0-test', dbVersion: 3 });
      const payload = await svc.apply(picked.token);
      expect(payload.db).toEqual(db);
      expect(payload.settings).toEqual(SETTINGS);
      await svc.finish(picked.token, true);
      expect(await hashTree(target)).toEqual(await hashTree(source.vaultDir));
      expect(restored).toEqual([expect.objectContaining({ fileName: path.basename(file), blobs: 4, cases: 1, evidence: 4 })]);
      // Originals stay read-only after a restore, as the vault writes them.
      const blob = db.tables.evidence[0];
      const sha = String(blob?.['sha256']);
      expect((await stat(path.join(target, 'blobs', sha.slice(0, 2), sha))).mode & 0o222).toBe(0);
      // Nothing is left beside the vault: no staging folder, no old vault.
      expect(await readdir(path.dirname(target))).toEqual(['vault']);
    }
  });

  it('records the audit log head in format.json and hands it to the restore hook, which anchors the restored log', async () => {
    const head = { seq: 7, hash: 'ab'.repeat(32) };
    const file = path.join(work, 'anchored.tar');
    await createBackupService({ vaultDir: source.vaultDir, appVersion: '0.1.0-test', kdf: CHEAP_KDF, auditHead: async () => head }).create(file, { db, settings: SETTINGS });
    expect((await readFile(file)).subarray(0, 4096).toString('latin1')).toContain(`"auditHead":{"seq":7,"hash":"${head.hash}"}`);
    const restored: RestoredInfo[] = [];
    const svc = service(path.join(work, 'anchored', 'vault'), { restored });
    const picked = await svc.inspect(file);
    await svc.verify(picked.token);
    await svc.apply(picked.token);
    await svc.finish(picked.token, true);
    expect(restored[0]?.auditHead).toEqual(head);
  });

  it('a plain backup is a standard tar with format.json first and manifest.json last', async () => {
    const file = await backupTo('plain.tar');
    const bytes = await readFile(file);
    expect(bytes.subarray(0, 11).toString()).toBe('format.json');
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(true);
    expect(bytes.includes(Buffer.from('"sha256"'))).toBe(true);
  });

  it('replaces an existing vault, keeping it until commit and putting it back on rollback', async () => {
    const file = await backupTo('b.tar');
    const { vaultDir, before } = await otherMachine();
    const svc = service(vaultDir);
    const { token } = await svc.inspect(file);
    await svc.verify(token);
    expect(await hashTree(vaultDir)).toEqual(before);
    await svc.apply(token);
    expect(await hashTree(vaultDir)).toEqual(await hashTree(source.vaultDir));
    await svc.finish(token, false);
    expect(await hashTree(vaultDir)).toEqual(before);
    expect(await readdir(path.dirname(vaultDir))).toEqual(['vault']);
  });

  const corruptions: [string, (file: string) => Promise<void>, RegExp, string][] = [
    [
      'a flipped byte in one blob',
      async (file) => {
        const bytes = await readFile(file);
        const sha = String(db.tables.evidence[1]?.['sha256']);
        const at = bytes.indexOf(Buffer.from(`vault/blobs/${sha.slice(0, 2)}/${sha}`));
        // The blob's data starts at the next 512-byte block after its header.
        const data = (Math.floor(at / 512) + 1) * 512 + 30;
        bytes[data] = (bytes[data] ?? 0) ^ 0xff;
        await writeFile(file, bytes);
      },
      // Caught as the entry streams in, before the manifest at the end is even read.
      /does not hash to its own name/,
      'backup-damaged',
    ],
    ['a truncated archive', async (file) => truncate(file, Math.floor((await stat(file)).size * 0.6)), /cut short|could not be read/, 'backup-damaged'],
    ['a file that is not a backup', async (file) => writeFile(file, 'hello, not a tar'), /not a LiuZheng backup/, 'backup-invalid'],
  ];

  it.each(corruptions)('%s leaves the current vault untouched and names the problem', async (_label, corrupt, message, code) => {
    const file = await backupTo('b.tar');
    await corrupt(file);
    const { vaultDir, before } = await otherMachine();
    const svc = service(vaultDir);
    const failure = await (async () => {
      const { token } = await svc.inspect(file);
      await svc.verify(token);
    })().catch((err: unknown) => err);
    expect(failure).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(await hashTree(vaultDir)).toEqual(before);
    expect(await readdir(path.dirname(vaultDir))).toEqual(['vault']);
  });

  it('names the damaged blob', async () => {
    const file = await backupTo('b.tar');
    await corruptions[0]?.[1](file);
    const svc = service(path.join(work, 'x', 'vault'));
    const { token } = await svc.inspect(file);
    const sha = String(db.tables.evidence[1]?.['sha256']);
    await expect(svc.verify(token)).rejects.toMatchObject({ file: `vault/blobs/${sha.slice(0, 2)}/${sha}` });
  });

  it('an encrypted backup: no password, a wrong password, then a damaged or truncated file', async () => {
    const file = await backupTo('b.lzbackup', 'secret-1');
    const bytes = await readFile(file);
    expect(bytes.includes(Buffer.from('manifest.json'))).toBe(false);
    expect(bytes.includes(Buffer.from('"sha256"'))).toBe(false);
    const { vaultDir, before } = await otherMachine();
    const svc = service(vaultDir);
    const { token } = await svc.inspect(file);
    await expect(svc.verify(token)).rejects.toMatchObject({ code: 'backup-password-required' });
    await expect(svc.verify(token, 'secret-2')).rejects.toMatchObject({ code: 'backup-wrong-password', message: 'The password is wrong.' });

    const flipped = Buffer.from(bytes);
    flipped[2000] = (flipped[2000] ?? 0) ^ 1;
    await writeFile(file, flipped);
    await expect(svc.verify(token, 'secret-1')).rejects.toMatchObject({ code: 'backup-damaged', message: expect.stringMatching(/integrity check/) });
    // Cut exactly at a chunk boundary would still fail: the last chunk is sealed as last.
    await writeFile(file, bytes.subarray(0, bytes.length - 100));
    await expect(svc.verify(token, 'secret-1')).rejects.toMatchObject({ code: 'backup-damaged' });
    expect(await hashTree(vaultDir)).toEqual(before);
    // The right password on the intact file still works after all that.
    await writeFile(file, bytes);
    await expect(svc.verify(token, 'secret-1')).resolves.toMatchObject({ encrypted: true, blobs: 4 });
    await svc.discard(token);
    expect(await readdir(path.dirname(vaultDir))).toEqual(['vault']);
  });

  it('refuses a database snapshot that fails its schema, naming db.json', async () => {
    const bad = { ...db, tables: { ...db.tables, evidence: [{ id: 'x', caseId: 'case-1', sha256: 'not-a-hash' }] } };
    // Written past the IPC schema on purpose, as a hand-edited archive would be.
    const file = path.join(work, 'bad.tar');
    await service(source.vaultDir).create(file, { db: bad as unknown as DbSnapshot, settings: SETTINGS });
    const svc = service(path.join(work, 'y', 'vault'));
    const { token } = await svc.inspect(file);
    await expect(svc.verify(token)).rejects.toMatchObject({ code: 'backup-invalid', file: 'db.json', message: expect.stringMatching(/sha256/i) });
  });
});

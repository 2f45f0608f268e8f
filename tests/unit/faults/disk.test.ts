// Real disk-full and permission-denied failures, not injected ones: a tiny tmpfs fills up for real, and
// a read-only (0555) vault is written to by an unprivileged child process. Both need root to set up
// (mount, setuid), so they are skipped elsewhere; vault.errors.test.ts covers the mapping everywhere.
import { execFileSync } from 'node:child_process';
import { chmod, chown, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportBatch } from '../../../shared/ipc/contract';
import { createBundleService } from '../../../electron/main/bundle';
import { createVaultService } from '../../../electron/main/vault';
import { makeFixture } from '../bundle/support';
import { noise, pngBytes } from '../main/fixtures';
import { companions, runChild, sha256, soundBlobs } from './harness';

const isRoot = process.getuid?.() === 0;
const NOBODY = 65534;

let root: string;
beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-disk-'));
  // The unprivileged child must be able to read its job file and the sources.
  await chmod(root, 0o755);
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Mounts a tmpfs of `kb` KiB at a fresh folder; null where mounting is not allowed. */
function tinyDisk(name: string, kb: number): string | null {
  const dir = path.join(root, name);
  try {
    execFileSync('mkdir', ['-p', dir]);
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${kb}k`, 'tmpfs', dir], { stdio: 'ignore' });
    return dir;
  } catch {
    return null;
  }
}
const unmount = (dir: string) => execFileSync('umount', [dir]);

describe('a full disk (a real 4 MB tmpfs)', () => {
  it('fails the file that does not fit as disk-full, by name, and keeps what was stored', async (ctx) => {
    const disk = isRoot ? tinyDisk('full', 4096) : null;
    if (disk === null) return ctx.skip();
    try {
      const vaultDir = path.join(disk, 'vault');
      const vault = createVaultService({ vaultDir, tempDir: path.join(root, 'open') });
      const small = await pngBytes(40, 30);
      const first = await vault.importBuffers('c', [{ name: 'kept.png', lastModified: 0, bytes: small }], 'drop');
      expect(first.failures).toEqual([]);
      const big = await noise(1500, 1200).png().toBuffer();
      expect(big.length).toBeGreaterThan(4 * 1024 * 1024);

      const batch = await vault.importBuffers(
        'c',
        [
          { name: '大图.png', lastModified: 0, bytes: big },
          { name: 'after.png', lastModified: 0, bytes: await pngBytes(20, 20) },
        ],
        'drop',
      );
      expect(batch.failures).toEqual([{ file: '大图.png', code: 'disk-full', message: '大图.png: There is not enough disk space.' }]);
      // The rest of the batch goes on once the failed file's space is given back.
      expect(batch.items.map((i) => i.blob.originalName)).toEqual(['after.png']);
      expect(await soundBlobs(vaultDir)).toEqual([sha256(small), batch.items[0]?.blob.sha256 ?? ''].sort());
      expect((await companions(vaultDir)).tmp).toEqual([]);
      const report = await vault.reconcile([sha256(small)]);
      expect(report.missing).toEqual([]);
    } finally {
      unmount(disk);
    }
  });

  it('a bundle export that does not fit says so and leaves the earlier export in place', async (ctx) => {
    const disk = isRoot ? tinyDisk('full-export', 64) : null;
    if (disk === null) return ctx.skip();
    const fixture = await makeFixture([{ name: 'Screenshot_20261115_203200.png', bytes: await noise(900, 1600).png().toBuffer(), kind: 'order', title: '订单截图' }]);
    try {
      const out = path.join(disk, 'bundle.pdf');
      await writeFile(out, 'the earlier export');
      const service = createBundleService({ vaultDir: fixture.vaultDir });
      await expect(service.exportBundle(fixture.input, { outFile: out, maxBytes: null })).rejects.toMatchObject({
        code: 'write-failed',
        message: `There is not enough disk space to write ${out}.`,
      });
      expect(await readFile(out, 'utf8')).toBe('the earlier export');
      expect(await readdir(disk)).toEqual(['bundle.pdf']);
    } finally {
      unmount(disk);
      await fixture.cleanup();
    }
  }, 60_000);
});

describe('a read-only vault folder (0555), as an unprivileged user', () => {
  it('fails each file as permission-denied by name and loses nothing stored', async (ctx) => {
    if (!isRoot) return ctx.skip();
    const base = path.join(root, 'readonly');
    const vaultDir = path.join(base, 'vault');
    const src = path.join(base, 'src');
    await mkdir(src, { recursive: true });
    const kept = await pngBytes(30, 30);
    const stored = await createVaultService({ vaultDir }).importBuffers('c', [{ name: 'kept.png', lastModified: 0, bytes: kept }], 'drop');
    expect(stored.failures).toEqual([]);
    const files = ['a.png', 'b.png'].map((n) => path.join(src, n));
    await writeFile(files[0] ?? '', await pngBytes(10, 10));
    await writeFile(files[1] ?? '', await pngBytes(11, 11));
    for (const dir of [base, src]) await chmod(dir, 0o755);
    // The vault belongs to the user but is read-only: every folder in it 0555.
    execFileSync('chown', ['-R', `${NOBODY}:${NOBODY}`, vaultDir]);
    await chown(vaultDir, NOBODY, NOBODY);
    const dirs = execFileSync('find', [vaultDir, '-type', 'd']).toString().trim().split('\n');
    for (const dir of dirs) await chmod(dir, 0o555);

    const run = await runChild(root, { mode: 'import', vaultDir, files, caseId: 'c' }, { dropTo: { uid: NOBODY, gid: NOBODY } });
    const batch = run.result as ImportBatch;
    expect(batch.items).toEqual([]);
    expect(batch.failures).toEqual([
      { file: 'a.png', code: 'permission-denied', message: 'a.png: Permission was denied while reading or writing.' },
      { file: 'b.png', code: 'permission-denied', message: 'b.png: Permission was denied while reading or writing.' },
    ]);
    expect(await soundBlobs(vaultDir)).toEqual([sha256(kept)]);
    const { meta, thumb } = await companions(vaultDir);
    expect([meta, thumb]).toEqual([[sha256(kept)], [sha256(kept)]]);
    for (const dir of dirs) await chmod(dir, 0o755);
  }, 60_000);
});

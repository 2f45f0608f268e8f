// We run as root here, so chmod cannot produce EACCES and no disk fills up on demand. Failures are
// injected at the one seam the vault writes through (node:fs/promises open), and the mapping itself is
// tested directly.
import type * as FsPromises from 'node:fs/promises';
import { chmod, mkdir, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { VaultError, createVaultService, toAppError } from '../../../electron/main/vault';
import type { TestVault } from './fixtures';
import { makeTestVault, pngBytes } from './fixtures';

type Injection = { match: (file: string) => boolean; code: string; once: boolean } | null;
const seam = vi.hoisted(() => ({ injection: null as Injection }));

vi.mock('node:fs/promises', async (importOriginal) => {
  const real = await importOriginal<typeof FsPromises>();
  const open: typeof real.open = async (file, ...rest) => {
    const injected = seam.injection;
    if (injected !== null && injected.match(String(file))) {
      if (injected.once) seam.injection = null;
      throw Object.assign(new Error(`${injected.code}: injected, open '${String(file)}'`), { code: injected.code });
    }
    return real.open(file, ...rest);
  };
  return { ...real, default: { ...real, open }, open };
});

function sysError(code: string, message = `${code}: failed, open '/home/me/.config/liuzheng/vault/tmp/abc'`): Error {
  return Object.assign(new Error(message), { code });
}

describe('toAppError', () => {
  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EACCES', 'permission-denied'],
    ['EPERM', 'permission-denied'],
    ['EROFS', 'permission-denied'],
    ['ENOENT', 'not-found'],
    ['EFBIG', 'too-large'],
    ['EIO', 'io'],
    ['EMFILE', 'io'],
  ])('maps Node %s to %s without leaking the path', (code, expected) => {
    const failure = toAppError(sysError(code), 'a.png');
    expect(failure).toMatchObject({ file: 'a.png', code: expected });
    expect(failure.message.startsWith('a.png: ')).toBe(true);
    expect(failure.message).not.toContain('/home/me');
  });

  it.each([
    ['Input image exceeds pixel limit', 'too-many-pixels'],
    ['Input file contains unsupported image format', 'corrupt-file'],
    ['Input buffer has corrupt header: heif: Invalid input', 'corrupt-file'],
    ['VipsJpeg: premature end of JPEG image', 'corrupt-file'],
    ['vipspng: libpng read error', 'corrupt-file'],
    ['something nobody expected', 'internal'],
  ])('maps sharp message %j to %s', (message, expected) => {
    expect(toAppError(new Error(message), 'x.jpg')).toMatchObject({ code: expected, file: 'x.jpg' });
  });

  it('keeps a VaultError code and message, and survives non-Error throws', () => {
    expect(toAppError(new VaultError('empty-file', 'the file is empty.'), 'e.png')).toEqual({ file: 'e.png', code: 'empty-file', message: 'e.png: the file is empty.' });
    expect(toAppError('boom', 'x')).toMatchObject({ code: 'internal' });
    expect(toAppError(undefined, 'x')).toMatchObject({ code: 'internal' });
  });
});

describe('injected file-system failures during import', () => {
  let v: TestVault;
  beforeEach(async () => {
    v = await makeTestVault();
    await mkdir(v.srcDir, { recursive: true });
  });
  afterEach(async () => {
    seam.injection = null;
    await v.cleanup();
  });

  const inVaultTmp = (file: string): boolean => file.startsWith(path.join(v.vaultDir, 'tmp') + path.sep);

  it('a full disk fails that file as disk-full, leaves nothing behind, and the batch goes on', async () => {
    const a = path.join(v.srcDir, 'a.png');
    const b = path.join(v.srcDir, 'b.png');
    await writeFile(a, await pngBytes(10, 10));
    await writeFile(b, await pngBytes(11, 11));
    seam.injection = { match: inVaultTmp, code: 'ENOSPC', once: true };
    const batch = await v.service.importPaths('c', [a, b], 'dialog');
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'a.png', code: 'disk-full' })]);
    expect(batch.failures[0]?.message).not.toContain(v.vaultDir);
    expect(batch.items.map((i) => i.blob.originalName)).toEqual(['b.png']);
    expect(await readdir(path.join(v.vaultDir, 'tmp'))).toEqual([]);
  });

  it('a write that fails after the derived copies cleans them up (sidecar stage)', async () => {
    const a = path.join(v.srcDir, 'a.png');
    await writeFile(a, await pngBytes(12, 12));
    seam.injection = { match: (f) => inVaultTmp(f) && f.endsWith('.json'), code: 'ENOSPC', once: false };
    const batch = await v.service.importPaths('c', [a], 'dialog');
    expect(batch.failures).toEqual([expect.objectContaining({ code: 'disk-full' })]);
    for (const dir of ['blobs', 'meta', 'tmp', path.join('derived', 'thumb'), path.join('derived', 'display')]) {
      expect(await readdir(path.join(v.vaultDir, dir))).toEqual([]);
    }
  });

  it('an unreadable source is permission-denied, named by the file only', async () => {
    const a = path.join(v.srcDir, 'secret.png');
    await writeFile(a, await pngBytes());
    seam.injection = { match: (f) => f === a, code: 'EACCES', once: false };
    const batch = await v.service.importPaths('c', [a], 'dialog');
    expect(batch.failures).toEqual([{ file: 'secret.png', code: 'permission-denied', message: expect.stringMatching(/^secret\.png: Permission was denied/) }]);
  });

  it('a read-only vault (EROFS on every write) fails each file the same way', async () => {
    seam.injection = { match: inVaultTmp, code: 'EROFS', once: false };
    const batch = await v.service.importBuffers(
      'c',
      [
        { name: 'a.png', lastModified: 0, bytes: await pngBytes(10, 10) },
        { name: 'b.png', lastModified: 0, bytes: await pngBytes(11, 11) },
      ],
      'drop',
    );
    expect(batch.failures.map((f) => [f.file, f.code])).toEqual([
      ['a.png', 'permission-denied'],
      ['b.png', 'permission-denied'],
    ]);
  });
});

describe('an unusable vault folder', () => {
  let v: TestVault;
  beforeEach(async () => {
    v = await makeTestVault();
  });
  afterEach(async () => v.cleanup());

  it('fails every file by name instead of throwing when the vault cannot be created', async () => {
    const notADir = path.join(v.root, 'file');
    await writeFile(notADir, 'x');
    const service = createVaultService({ vaultDir: path.join(notADir, 'vault') });
    const batch = await service.importBuffers('c', [{ name: 'a.png', lastModified: 0, bytes: await pngBytes() }], 'drop');
    expect(batch.items).toEqual([]);
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'a.png', code: 'io' })]);
    await expect(service.reconcile([])).rejects.toMatchObject({ code: 'ENOTDIR' });
  });

  it('a read-only vault folder gives permission-denied (needs a non-root user)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    await v.service.reconcile([]); // creates the vault folders
    await chmod(path.join(v.vaultDir, 'tmp'), 0o500);
    try {
      const batch = await v.service.importBuffers('c', [{ name: 'a.png', lastModified: 0, bytes: await pngBytes() }], 'drop');
      expect(batch.failures).toEqual([expect.objectContaining({ file: 'a.png', code: 'permission-denied' })]);
    } finally {
      await chmod(path.join(v.vaultDir, 'tmp'), 0o700);
    }
  });
});

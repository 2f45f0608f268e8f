import { createHash } from 'node:crypto';
import { chmod, copyFile, mkdir, readdir, readFile, rm, stat, symlink, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestVault } from './fixtures';
import { jpegBytes, makeTestVault, NOW, pngBytes, wavBytes } from './fixtures';

let v: TestVault;
beforeEach(async () => {
  v = await makeTestVault();
  await mkdir(v.srcDir, { recursive: true });
});
afterEach(async () => v.cleanup());

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');
const vault = (...parts: string[]): string => path.join(v.vaultDir, ...parts);
const blobPath = (sha: string): string => vault('blobs', sha.slice(0, 2), sha);
const exists = (file: string): Promise<boolean> =>
  stat(file).then(
    () => true,
    () => false,
  );

async function importBytes(name: string, bytes: Uint8Array, caseId = 'case-1'): Promise<string> {
  const file = path.join(v.srcDir, name);
  await writeFile(file, bytes);
  const batch = await v.service.importPaths(caseId, [file], 'dialog');
  expect(batch.failures).toEqual([]);
  return batch.items[0]?.blob.sha256 ?? '';
}

describe('reconcile after a crash', () => {
  it('removes temp files, reports orphans and missing originals, rebuilds derived copies and drops stale sidecars', async () => {
    const knownPng = await pngBytes(30, 30);
    const known = await importBytes('known.png', knownPng);
    const orphan = await importBytes('orphan.jpg', await jpegBytes(), 'case-9');

    // A blob whose sidecar was lost: its info must be recomputed from the bytes.
    const bare = await pngBytes(31, 31);
    const bareSha = sha256(bare);
    await mkdir(path.dirname(blobPath(bareSha)), { recursive: true });
    await writeFile(blobPath(bareSha), bare);

    // A crash mid-import: a half-written temp blob, and a sidecar written before the blob's rename.
    await writeFile(vault('tmp', 'deadbeef'), Buffer.alloc(1000, 1));
    await writeFile(vault('tmp', 'cafe.json'), '{');
    const staleSha = 'e'.repeat(64);
    await writeFile(vault('meta', `${staleSha}.json`), '{}');
    await writeFile(vault('derived', 'thumb', `${staleSha}.webp`), 'x');
    // A record whose original vanished keeps its sidecar: it is all that describes what is missing.
    const lostSha = 'f'.repeat(64);
    await writeFile(vault('meta', `${lostSha}.json`), '{}');

    await rm(vault('derived', 'thumb', `${known}.webp`));
    await rm(vault('derived', 'display', `${known}.webp`));

    const report = await v.service.reconcile([known, lostSha]);

    expect(report.removedTempFiles).toBe(2);
    expect(await readdir(vault('tmp'))).toEqual([]);
    expect(report.missing).toEqual([lostSha]);
    expect(report.rebuiltDerived).toBe(4); // known: thumb + display; bare blob: thumb + display
    expect(await exists(vault('derived', 'thumb', `${known}.webp`))).toBe(true);
    expect(await exists(vault('derived', 'display', `${bareSha}.webp`))).toBe(true);

    const bySha = new Map(report.orphans.map((o) => [o.blob.sha256, o]));
    expect([...bySha.keys()].sort()).toEqual([orphan, bareSha].sort());
    expect(bySha.get(orphan)).toMatchObject({ intendedCaseId: 'case-9', importedAt: '2026-11-22T02:00:00.000Z', blob: { originalName: 'orphan.jpg' } });
    expect(bySha.get(bareSha)).toMatchObject({
      intendedCaseId: null,
      blob: { originalName: `recovered-${bareSha.slice(0, 12)}.png`, mediaType: 'image', format: 'png', width: 31, size: bare.length, hasThumbnail: true },
    });

    expect(await exists(vault('meta', `${staleSha}.json`))).toBe(false);
    expect(await exists(vault('derived', 'thumb', `${staleSha}.webp`))).toBe(false);
    expect(await exists(vault('meta', `${lostSha}.json`))).toBe(true);
    // Originals are never touched by reconcile.
    expect(Buffer.compare(await readFile(blobPath(known)), knownPng)).toBe(0);

    const again = await v.service.reconcile([known, lostSha, orphan, bareSha]);
    expect(again).toEqual({ orphans: [], missing: [lostSha], removedTempFiles: 0, rebuiltDerived: 0 });
  });

  it('leaves no blob when the crash came after the sidecar but before the rename', async () => {
    const png = await pngBytes();
    const sha = await importBytes('a.png', png);
    // Simulate the interrupted state: blob back in tmp/, sidecar and derived copies already written.
    await copyFile(blobPath(sha), vault('tmp', 'interrupted'));
    await rm(blobPath(sha), { force: true });
    const report = await v.service.reconcile([]);
    expect(report).toEqual({ orphans: [], missing: [], removedTempFiles: 1, rebuiltDerived: 0 });
    expect(await readdir(vault('meta'))).toEqual([]);
    expect(await readdir(vault('derived', 'thumb'))).toEqual([]);
    // Importing again after the crash stores it normally.
    expect((await v.service.importBuffers('c', [{ name: 'a.png', lastModified: 0, bytes: png }], 'drop')).items[0]?.alreadyStored).toBe(false);
  });

  it('describes a non-image blob whose sidecar is lost (text needs the .txt retry)', async () => {
    const text = Buffer.from('2024-01-02 03:04:05 客服(10001)\n你好\n');
    const sha = await importBytes('chat.txt', text);
    await rm(vault('meta', `${sha}.json`));
    const report = await v.service.reconcile([]);
    expect(report.orphans[0]?.blob).toMatchObject({ mediaType: 'text', originalName: `recovered-${sha.slice(0, 12)}.txt` });
  });
});

describe('prepareOpen', () => {
  it('hands out a read-only copy with identical bytes under a safe name, outside the vault', async () => {
    const jpeg = await jpegBytes();
    const sha = await importBytes('photo.jpg', jpeg);
    const opened = await v.service.prepareOpen(sha, '../../etc/订单:截图?.jpg');
    expect(path.basename(opened)).toBe('订单_截图_.jpg');
    expect(opened.startsWith(v.openDir + path.sep)).toBe(true);
    expect(Buffer.compare(await readFile(opened), jpeg)).toBe(0);
    expect((await stat(opened)).mode & 0o777).toBe(0o444);
    // A second open gets a fresh copy; the first may still be open (and locked) in another app.
    const second = await v.service.prepareOpen(sha, 'photo');
    expect(second).not.toBe(opened);
    expect(path.basename(second)).toBe('photo.jpg');
  });

  it('refuses unknown and malformed hashes', async () => {
    await expect(v.service.prepareOpen('a'.repeat(64), 'x.png')).rejects.toMatchObject({ code: 'not-found' });
    await expect(v.service.prepareOpen('../../etc/passwd', 'x')).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('reading derived copies', () => {
  it('rebuilds a lost thumbnail on demand and refuses items without one', async () => {
    const sha = await importBytes('a.png', await pngBytes());
    await rm(vault('derived', 'thumb', `${sha}.webp`));
    const thumb = await v.service.readThumbnail(sha);
    expect(Buffer.from(thumb.subarray(8, 12)).toString('latin1')).toBe('WEBP');
    const audio = await importBytes('a.wav', wavBytes(8000, 1));
    await expect(v.service.readThumbnail(audio)).rejects.toMatchObject({ code: 'not-found' });
    await expect(v.service.readDisplay(audio)).rejects.toMatchObject({ code: 'not-found' });
    await expect(v.service.readThumbnail('..')).rejects.toMatchObject({ code: 'invalid-request' });
  });
});

describe('info', () => {
  it('counts blobs and their bytes', async () => {
    const a = await pngBytes(10, 10);
    const b = await pngBytes(11, 11);
    await importBytes('a.png', a);
    await importBytes('b.png', b);
    expect(await v.service.info()).toEqual({ vaultDir: path.resolve(v.vaultDir), blobCount: 2, totalBytes: a.length + b.length });
  });
});

describe('importFolder', () => {
  it('walks nested folders, skips hidden files and symlinks, and names files relative to the folder', async () => {
    const root = path.join(v.srcDir, '证据');
    await mkdir(path.join(root, 'chat', 'deep'), { recursive: true });
    await mkdir(path.join(root, '.hidden'), { recursive: true });
    await writeFile(path.join(root, 'order.png'), await pngBytes(12, 12));
    await writeFile(path.join(root, 'chat', 'Screenshot_20261117_120304.jpg'), await jpegBytes(100, 80));
    await writeFile(path.join(root, 'chat', 'deep', 'call.wav'), wavBytes(8000, 1));
    await writeFile(path.join(root, 'chat', 'broken.png'), 'not a png');
    await writeFile(path.join(root, '.DS_Store'), 'x');
    await writeFile(path.join(root, 'Thumbs.db'), 'x');
    await writeFile(path.join(root, 'chat', 'desktop.ini'), 'x');
    await writeFile(path.join(root, '.hidden', 'secret.png'), await pngBytes(13, 13));
    const outside = path.join(v.root, 'outside.png');
    await writeFile(outside, await pngBytes(14, 14));
    await symlink(outside, path.join(root, 'link.png'));
    await symlink(v.root, path.join(root, 'loop'));

    const batch = await v.service.importFolder('c', root);
    expect(batch.items.map((i) => [i.blob.originalName, i.source])).toEqual([
      ['证据/chat/Screenshot_20261117_120304.jpg', 'folder'],
      ['证据/chat/deep/call.wav', 'folder'],
      ['证据/order.png', 'folder'],
    ]);
    expect(batch.items[0]?.blob.captureSource).toBe('filename');
    expect(batch.failures).toEqual([expect.objectContaining({ file: '证据/chat/broken.png', code: 'corrupt-file' })]);
    expect(v.progress.map((p) => p.file)).toEqual(['证据/chat/Screenshot_20261117_120304.jpg', '证据/chat/broken.png', '证据/chat/deep/call.wav', '证据/order.png']);
  });

  it('reports a missing folder as one failure', async () => {
    const batch = await v.service.importFolder('c', path.join(v.srcDir, 'nope'));
    expect(batch.items).toEqual([]);
    expect(batch.failures).toEqual([expect.objectContaining({ file: 'nope', code: 'not-found' })]);
  });

  it('skips an unreadable subfolder but imports the rest (needs a non-root user)', async (ctx) => {
    if (process.getuid?.() === 0) ctx.skip();
    const root = path.join(v.srcDir, 'f');
    await mkdir(path.join(root, 'locked'), { recursive: true });
    await writeFile(path.join(root, 'a.png'), await pngBytes());
    await chmod(path.join(root, 'locked'), 0o000);
    try {
      const batch = await v.service.importFolder('c', root);
      expect(batch.items).toHaveLength(1);
      expect(batch.failures).toEqual([expect.objectContaining({ file: 'f/locked', code: 'permission-denied' })]);
    } finally {
      await chmod(path.join(root, 'locked'), 0o755);
    }
  });
});

describe('prepareOpen housekeeping', () => {
  it('sweeps its own day-old copies and nothing else in the temp folder', async () => {
    const sha = await importBytes('a.png', await pngBytes());
    const old = await v.service.prepareOpen(sha, 'a.png');
    const recent = await v.service.prepareOpen(sha, 'a.png');
    const foreign = path.join(v.openDir, 'someone-elses-folder');
    await mkdir(foreign);
    // Ages are set on the service's own clock (NOW), never the wall clock, so the test means the
    // same thing on any day it runs.
    const hoursBefore = (h: number) => new Date(NOW.getTime() - h * 60 * 60 * 1000);
    await utimes(path.dirname(old), hoursBefore(48), hoursBefore(48));
    await utimes(path.dirname(recent), hoursBefore(1), hoursBefore(1));
    await utimes(foreign, hoursBefore(48), hoursBefore(48));
    await v.service.prepareOpen(sha, 'a.png');
    expect(await exists(path.dirname(old))).toBe(false);
    expect(await exists(path.dirname(recent))).toBe(true);
    expect(await exists(foreign)).toBe(true);
  });
});

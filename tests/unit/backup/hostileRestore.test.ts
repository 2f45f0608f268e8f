// Crafted archives (issue 19): a restore takes only the vault layout it can check, rebuilds derived
// copies instead of trusting them, and bounds the key derivation, the manifest and the entry count.
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import sharp from 'sharp';
import { extract as tarExtract, pack as tarPack } from 'tar-stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyArchive } from '../../../electron/main/backup/read';
import { createBackupService } from '../../../electron/main/backup/service';
import type { DbSnapshot } from '../../../shared/backup/snapshot';
import { makeTestVault, type TestVault } from '../main/fixtures';
import { CHEAP_KDF, hashTree, seedVault, SETTINGS } from './fixtures';

interface Entry {
  name: string;
  bytes: Buffer;
}

let source: TestVault;
let db: DbSnapshot;
let work: string;
/** The entries of a real plain backup of `source`, manifest left out. */
let real: Entry[];

const sha256 = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

async function readTar(file: string): Promise<Entry[]> {
  const out: Entry[] = [];
  const ex = tarExtract();
  const done = (async () => {
    for await (const entry of ex) {
      const parts: Buffer[] = [];
      for await (const c of entry) parts.push(Buffer.from(c as Uint8Array));
      out.push({ name: entry.header.name, bytes: Buffer.concat(parts) });
    }
  })();
  await pipeline((await import('node:fs')).createReadStream(file), ex as unknown as NodeJS.WritableStream);
  await done;
  return out;
}

/** A tar with `entries` in order and an honest manifest of them last, as a forger would write it. */
async function craft(name: string, entries: Entry[], manifestOverride?: Buffer): Promise<string> {
  const file = path.join(work, name);
  const pack = tarPack();
  const written = pipeline(pack as unknown as NodeJS.ReadableStream, createWriteStream(file));
  const manifest = manifestOverride ?? Buffer.from(JSON.stringify({ formatVersion: 1, files: entries.map((e) => ({ path: e.name, size: e.bytes.length, sha256: sha256(e.bytes) })) }));
  for (const e of [...entries, { name: 'manifest.json', bytes: manifest }]) {
    await new Promise<void>((resolve, reject) => pack.entry({ name: e.name, size: e.bytes.length }, e.bytes, (err) => (err ? reject(err) : resolve())));
  }
  pack.finalize();
  await written;
  return file;
}

let runs = 0;
async function restoreFails(file: string): Promise<{ message: string; staged: string[] }> {
  const stagingDir = path.join(work, `staging-${runs++}`);
  const err: unknown = await verifyArchive({ file, fileName: path.basename(file), stagingDir, maxEntries: 40 }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(Error);
  const staged = await readdir(stagingDir, { recursive: true }).catch(() => []);
  return { message: err instanceof Error ? err.message : '', staged: staged.map(String) };
}

beforeAll(async () => {
  source = await makeTestVault();
  db = await seedVault(source);
  work = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-hostile-restore-'));
  const file = path.join(work, 'real.tar');
  await createBackupService({ vaultDir: source.vaultDir, appVersion: '0.1.0-test', kdf: CHEAP_KDF }).create(file, { db, settings: SETTINGS });
  real = (await readTar(file)).filter((e) => e.name !== 'manifest.json');
}, 60_000);
afterAll(async () => {
  await source.cleanup();
  await rm(work, { recursive: true, force: true });
});

describe('names outside the vault layout', () => {
  const blob = () => real.find((e) => e.name.startsWith('vault/blobs/'));
  it.each([
    ['a case-changed folder', () => `vault/Blobs/${blob()?.name.split('/').slice(2).join('/')}`],
    ['a trailing dot (Windows drops it)', () => `vault/blobs./${blob()?.name.split('/').slice(2).join('/')}`],
    ['a device name', () => 'vault/nul'],
    ['a device name with an extension', () => 'vault/CON.txt'],
    ['a file the app never writes', () => 'vault/ocr/notes.json'],
  ])('%s is refused, naming it', async (_label, name) => {
    const bad = name();
    // Right after format.json, so no look-alike of it has been seen yet.
    const file = await craft('names.tar', [real[0] as Entry, { name: bad, bytes: Buffer.from('x') }, ...real.slice(1)]);
    const { message } = await restoreFails(file);
    expect(message).toContain(bad);
    expect(message).toMatch(/not part of a LiuZheng vault/);
  });

  it('two names that differ only in letter case are refused', async () => {
    const meta = real.find((e) => e.name.startsWith('vault/meta/'));
    if (!meta) throw new Error('no meta in the real backup');
    const twin = { name: 'vault/quarantine/' + meta.name.slice(11, 75) + '-2026-11-22T02-00-00-000Z-a1b2c3', bytes: Buffer.from('q') };
    const file = await craft('twins.tar', [...real, twin, { ...twin, name: twin.name.replace('T02', 't02').replace('Z-', 'z-') }]);
    // The lowercase twin is not in the layout either; both guards name the entry.
    expect((await restoreFails(file)).message).toMatch(/differ only in letter case|not part of a LiuZheng vault/);
  });
});

describe('derived copies', () => {
  it('a red display copy in the archive is not restored: the copy is rebuilt from the original', async () => {
    const red = await sharp({ create: { width: 64, height: 64, channels: 3, background: '#ff0000' } }).webp().toBuffer();
    const forged = real.map((e) => (e.name.startsWith('vault/derived/display/') ? { ...e, bytes: red } : e));
    const file = await craft('red.tar', forged);
    const target = path.join(work, 'red-target', 'vault');
    const svc = createBackupService({ vaultDir: target, appVersion: '0.1.0-test', kdf: CHEAP_KDF });
    const { token } = await svc.inspect(file);
    await svc.verify(token);
    await svc.apply(token);
    await svc.finish(token, true);
    const restored = await hashTree(target);
    expect(restored).toEqual(await hashTree(source.vaultDir));
    expect(Object.values(restored)).not.toContain(sha256(red));
  });
});

describe('resource bombs', () => {
  it('a header asking for a costlier key derivation than the app writes is refused before deriving', async () => {
    const file = path.join(work, 'enc.lzbackup');
    await createBackupService({ vaultDir: source.vaultDir, appVersion: '0.1.0-test', kdf: CHEAP_KDF }).create(file, { db, settings: SETTINGS, password: 'pw' });
    const bytes = await readFile(file);
    bytes.writeUInt8(20, 10);
    bytes.writeUInt8(16, 11);
    bytes.writeUInt8(4, 12);
    await writeFile(file, bytes);
    const err: unknown = await verifyArchive({ file, fileName: 'enc.lzbackup', password: 'pw', stagingDir: path.join(work, 'enc-staging') }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'backup-damaged', message: expect.stringMatching(/impossible parameters/) });
  });

  it('a manifest over 64 MiB is refused without reading it whole', async () => {
    const huge = Buffer.alloc(64 * 1024 * 1024 + 1, 0x20);
    const { message } = await restoreFails(await craft('manifest.tar', real, huge));
    expect(message).toMatch(/manifest\.json is far larger than it should be/);
  });

  it('more entries than the cap stop the restore at the cap, before writing the rest', async () => {
    const blobs = await Promise.all(
      Array.from({ length: 60 }, async (_, i) => {
        const bytes = Buffer.from(`made-up original ${i}`);
        const sha = sha256(bytes);
        return { name: `vault/blobs/${sha.slice(0, 2)}/${sha}`, bytes };
      }),
    );
    const { message, staged } = await restoreFails(await craft('many.tar', [...real, ...blobs]));
    expect(message).toMatch(/more than 40 files/);
    expect(staged.filter((n) => n.includes(`blobs${path.sep}`) && /[0-9a-f]{64}$/.test(n)).length).toBeLessThanOrEqual(40);
  });

  it('a made-up blob that does not hash to its name stops the restore at that entry', async () => {
    const fake = { name: `vault/blobs/ab/ab${'0'.repeat(62)}`, bytes: Buffer.from('not those bytes') };
    const { message, staged } = await restoreFails(await craft('fake.tar', [...real.slice(0, 3), fake, ...real.slice(3)]));
    expect(message).toBe(`${fake.name} does not hash to its own name: the original is damaged.`);
    const after = real.slice(3).map((e) => e.name.split('/').join(path.sep));
    expect(after.length).toBeGreaterThan(3);
    expect(staged.filter((n) => after.includes(n))).toEqual([]);
  });
});

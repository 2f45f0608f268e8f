// Writes one backup archive: a tar stream (format.json, the vault's files, db.json, settings.json,
// manifest.json), optionally sealed by crypto.ts, into a temp file beside the destination that is
// renamed into place only when complete. Files stream through a hash; no blob is held in memory.
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { Readable, type Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { pack as tarPack, type Header, type Pack } from 'tar-stream';
import { ARCHIVE_ENTRIES, isRebuiltOnlyPath, isSafeArchivePath, isTransientVaultPath, VAULT_PREFIX } from '../../../shared/backup/archivePath';
import type { BackupProgress } from '../../../shared/backup/contract';
import type { BackupSettings, DbSnapshot } from '../../../shared/backup/snapshot';
import { renameWithRetry } from '../fs/atomic';
import { hasErrorCode } from '../fs/errors';
import { sha256Hex } from '../fs/hash';
import { createEncryptor, type KdfParams } from './crypto';
import { FORMAT_NAME, FORMAT_VERSION, type ManifestFile } from './format';

export interface WriteBackupOptions {
  vaultDir: string;
  outFile: string;
  db: DbSnapshot;
  settings: BackupSettings;
  password?: string;
  kdf?: KdfParams;
  appVersion: string;
  now: Date;
  /** The audit log's head, recorded in format.json. */
  auditHead?: { seq: number; hash: string } | null;
  onProgress?: (p: BackupProgress) => void;
}

export interface VaultFile {
  /** Relative to the vault folder, with forward slashes. */
  rel: string;
  abs: string;
  size: number;
}

/** Every regular file in the vault except temp files. Symlinks are not followed: the vault makes none. */
export async function listVaultFiles(vaultDir: string): Promise<VaultFile[]> {
  const out: VaultFile[] = [];
  const walk = async (dir: string, rel: string): Promise<void> => {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      if (hasErrorCode(err, 'ENOENT')) return;
      throw err;
    }
    for (const e of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const childRel = rel ? `${rel}/${e.name}` : e.name;
      if (isTransientVaultPath(childRel) || isRebuiltOnlyPath(childRel)) continue;
      if (e.isDirectory()) await walk(path.join(dir, e.name), childRel);
      else if (e.isFile()) {
        // A name the restore would refuse is left out here rather than making an archive that cannot be restored.
        if (!isSafeArchivePath(VAULT_PREFIX + childRel)) continue;
        out.push({ rel: childRel, abs: path.join(dir, e.name), size: (await stat(path.join(dir, e.name))).size });
      }
    }
  };
  await walk(vaultDir, '');
  return out;
}

function addEntry(pack: Pack, header: Partial<Header> & Pick<Header, 'name'>, source: AsyncIterable<Buffer>): Promise<void> {
  return new Promise((resolve, reject) => {
    const entry = pack.entry(header, (err) => (err ? reject(err) : resolve()));
    void (async () => {
      for await (const chunk of source) {
        if (!entry.write(chunk)) await new Promise<void>((r) => entry.once('drain', () => r()));
      }
      entry.end(undefined);
    })().catch((err: unknown) => {
      entry.destroy(err instanceof Error ? err : new Error(String(err)));
      reject(err);
    });
  });
}

async function* tap(source: AsyncIterable<Buffer>, hash: ReturnType<typeof createHash>, onBytes: (n: number) => void): AsyncGenerator<Buffer> {
  for await (const chunk of source) {
    hash.update(chunk);
    onBytes(chunk.byteLength);
    yield chunk;
  }
}

const CHUNK = 1024 * 1024;

export async function writeBackup(opts: WriteBackupOptions): Promise<{ bytes: number; files: number }> {
  const files = await listVaultFiles(opts.vaultDir);
  const dbBytes = Buffer.from(JSON.stringify(opts.db), 'utf8');
  const totalBytes = files.reduce((n, f) => n + f.size, 0) + dbBytes.byteLength;
  const mtime = opts.now;
  const manifest: ManifestFile[] = [];
  let doneBytes = 0;
  let lastReport = 0;
  const report = (entry: string, force = false): void => {
    const t = Date.now();
    if (!force && t - lastReport < 100) return;
    lastReport = t;
    opts.onProgress?.({ phase: 'backup', doneBytes, totalBytes, entry });
  };

  const tmpFile = `${opts.outFile}.${randomBytes(6).toString('hex')}.partial`;
  const pack = tarPack();
  const stages: Transform[] = opts.password === undefined ? [] : [await createEncryptor(opts.password, opts.kdf)];
  const out = createWriteStream(tmpFile, { flags: 'wx' });
  // tar-stream's streamx Readable pipes like a Node one; its typings just do not say so.
  const writing = pipeline([pack as unknown as Readable, ...stages, out]);
  // The pipeline rejects on its own if the disk fills; entries waiting on it must not hang meanwhile.
  writing.catch(() => pack.destroy());

  const addBuffer = async (name: string, bytes: Buffer): Promise<void> => {
    await addEntry(pack, { name, size: bytes.byteLength, mtime, mode: 0o644 }, Readable.from([bytes]));
    manifest.push({ path: name, size: bytes.byteLength, sha256: sha256Hex(bytes) });
  };

  let count = 0;
  try {
    const format = { format: FORMAT_NAME, formatVersion: FORMAT_VERSION, createdAt: opts.now.toISOString(), appVersion: opts.appVersion, auditHead: opts.auditHead ?? null };
    await addBuffer(ARCHIVE_ENTRIES.format, Buffer.from(JSON.stringify(format), 'utf8'));
    for (const f of files) {
      const name = VAULT_PREFIX + f.rel;
      let fh;
      try {
        fh = await open(f.abs, 'r');
      } catch (err) {
        // Moved to the trash or replaced since the listing: what is there now is what gets backed up.
        if (hasErrorCode(err, 'ENOENT')) continue;
        throw err;
      }
      try {
        const { size } = await fh.stat();
        const hash = createHash('sha256');
        const source = size === 0 ? Readable.from([]) : fh.createReadStream({ start: 0, end: size - 1, autoClose: false, highWaterMark: CHUNK });
        const mode = f.rel.startsWith('blobs/') ? 0o444 : 0o644;
        await addEntry(pack, { name, size, mtime, mode }, tap(source, hash, (n) => {
          doneBytes += n;
          report(name);
        }));
        manifest.push({ path: name, size, sha256: hash.digest('hex') });
        count++;
      } finally {
        await fh.close();
      }
    }
    await addBuffer(ARCHIVE_ENTRIES.db, dbBytes);
    doneBytes += dbBytes.byteLength;
    await addBuffer(ARCHIVE_ENTRIES.settings, Buffer.from(JSON.stringify(opts.settings), 'utf8'));
    const manifestBytes = Buffer.from(JSON.stringify({ formatVersion: FORMAT_VERSION, files: manifest }), 'utf8');
    await addEntry(pack, { name: ARCHIVE_ENTRIES.manifest, size: manifestBytes.byteLength, mtime, mode: 0o644 }, Readable.from([manifestBytes]));
    pack.finalize();
    await writing;
    const fh = await open(tmpFile, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    await renameWithRetry(tmpFile, opts.outFile);
  } catch (err) {
    pack.destroy();
    await writing.catch(() => undefined);
    await rm(tmpFile, { force: true });
    throw err;
  }
  report('', true);
  return { bytes: (await stat(opts.outFile)).size, files: count };
}

// Checks a whole archive by extracting it into a staging folder: every entry name is vetted, every
// file hashed as it streams to disk, and only when the manifest, each blob's own hash, db.json and
// settings.json all check out does the caller get a summary. Nothing outside the staging folder is touched.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Transform } from 'node:stream';
import { extract as tarExtract, type Extract } from 'tar-stream';
import { z } from 'zod';
import { ARCHIVE_ENTRIES, blobShaOf, foldedName, pageResourceShaOf, isSafeArchivePath, VAULT_PREFIX, vaultEntryRule } from '../../../shared/backup/archivePath';
import type { BackupProgress } from '../../../shared/backup/contract';
import { backupSettingsSchema, dbSnapshotSchema, type BackupSettings, type DbSnapshot } from '../../../shared/backup/snapshot';
import { writeAll } from '../fs/atomic';
import { errorCode } from '../fs/errors';
import { sha256Hex } from '../fs/hash';
import { createDecryptor, HEADER_BYTES, isEncryptedHead, parseHeader, unlock } from './crypto';
import { ensureDerived } from '../vault/derived';
import { ensureLayout, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import { BackupError, damaged, invalid } from './errors';
import { FORMAT_VERSION, formatSchema, manifestSchema, MAX_FORMAT_BYTES, type FormatInfo } from './format';

export interface ArchiveHead {
  bytes: number;
  encrypted: boolean;
}

export interface VerifiedArchive {
  format: FormatInfo;
  encrypted: boolean;
  db: DbSnapshot;
  settings: BackupSettings;
  /** The restored vault folder inside the staging folder, ready to be renamed into place. */
  vaultDir: string;
  blobs: number;
  vaultBytes: number;
}

export interface VerifyOptions {
  file: string;
  /** The archive's name as the buyer knows it, for messages. */
  fileName: string;
  password?: string;
  stagingDir: string;
  onProgress?: (p: BackupProgress) => void;
  /** Defaults to MAX_ENTRIES; tests lower it to prove the cap without writing 150,000 files. */
  maxEntries?: number;
}

const TAR_BLOCK = 512;
/** The manifest is about 150 bytes a file: 64 MiB covers far more files than MAX_ENTRIES. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
/** About 20,000 pieces of evidence with their sidecars, OCR and thumbnails: far beyond a buyer's vault. */
export const MAX_ENTRIES = 150_000;

export async function readArchiveHead(file: string, fileName: string): Promise<ArchiveHead> {
  const fh = await open(file, 'r');
  try {
    const { size } = await fh.stat();
    const head = Buffer.alloc(Math.min(size, TAR_BLOCK));
    await fh.read(head, 0, head.byteLength, 0);
    if (isEncryptedHead(head)) return { bytes: size, encrypted: true };
    // A plain backup is a tar whose first entry is format.json.
    if (head.byteLength < TAR_BLOCK || head.subarray(0, ARCHIVE_ENTRIES.format.length).toString('latin1') !== ARCHIVE_ENTRIES.format) {
      throw invalid(`${fileName} is not a LiuZheng backup.`, fileName);
    }
    return { bytes: size, encrypted: false };
  } finally {
    await fh.close();
  }
}

/** streamx's typings say a stream yields `unknown`; tar-stream entries yield Buffers. */
async function* bytesOf(source: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  for await (const chunk of source) yield Buffer.isBuffer(chunk) ? chunk : chunk instanceof Uint8Array ? Buffer.from(chunk) : Buffer.from(String(chunk));
}

async function writeEntry(source: AsyncIterable<Buffer>, dest: string, mode: number): Promise<{ size: number; sha256: string }> {
  await mkdir(path.dirname(dest), { recursive: true });
  const fh = await open(dest, 'wx', mode);
  const hash = createHash('sha256');
  let size = 0;
  try {
    for await (const chunk of source) {
      hash.update(chunk);
      size += chunk.byteLength;
      await writeAll(fh, chunk);
    }
    await fh.sync();
  } finally {
    await fh.close();
  }
  return { size, sha256: hash.digest('hex') };
}

/** Reads an entry to its end without keeping it: for derived files, which are rebuilt, not restored. */
async function hashOnly(source: AsyncIterable<Buffer>): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of source) {
    hash.update(chunk);
    size += chunk.byteLength;
  }
  return { size, sha256: hash.digest('hex') };
}

async function readSmall(source: AsyncIterable<Buffer>, limit: number, name: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of source) {
    size += chunk.byteLength;
    if (size > limit) throw invalid(`${name} is far larger than it should be.`, name);
    parts.push(chunk);
  }
  return Buffer.concat(parts);
}

function parseJson<T>(schema: z.ZodType<T>, bytes: Buffer, name: string): T {
  let raw: unknown;
  try {
    raw = JSON.parse(bytes.toString('utf8'));
  } catch {
    throw damaged(`${name} is not valid JSON.`, name);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw invalid(`${name} does not have the expected structure: ${z.prettifyError(parsed.error).split('\n').slice(0, 4).join(' ')}`.slice(0, 600), name);
  return parsed.data;
}

/** Wires file → (decryptor) → tar parser, so a failure anywhere surfaces in the entry loop. */
async function openEntries(opts: VerifyOptions, encrypted: boolean, onRead: (n: number) => void): Promise<Extract> {
  const extract = tarExtract();
  let raw: Readable;
  let tail: Readable | Transform;
  if (encrypted) {
    if (opts.password === undefined) throw new BackupError('backup-password-required', 'This backup is encrypted: enter its password.', opts.fileName);
    const fh = await open(opts.file, 'r');
    const headBytes = Buffer.alloc(HEADER_BYTES);
    try {
      await fh.read(headBytes, 0, HEADER_BYTES, 0);
    } finally {
      await fh.close();
    }
    const header = parseHeader(headBytes, opts.fileName);
    const key = await unlock(header, opts.password, opts.fileName);
    raw = createReadStream(opts.file, { start: HEADER_BYTES, highWaterMark: 1024 * 1024 });
    const decryptor = createDecryptor(header, key, opts.fileName);
    tail = raw.pipe(decryptor);
    decryptor.on('error', (err) => extract.destroy(err));
  } else {
    raw = createReadStream(opts.file, { highWaterMark: 1024 * 1024 });
    tail = raw;
  }
  raw.on('data', (chunk) => onRead(typeof chunk === 'string' ? chunk.length : chunk.byteLength));
  raw.on('error', (err) => extract.destroy(err));
  // The parser is a streamx Writable; Node's pipe() drives it like any other.
  tail.pipe(extract as unknown as NodeJS.WritableStream);
  return extract;
}

export async function verifyArchive(opts: VerifyOptions): Promise<VerifiedArchive> {
  const { encrypted, bytes: totalBytes } = await readArchiveHead(opts.file, opts.fileName);
  const vaultDir = path.join(opts.stagingDir, 'vault');
  await mkdir(vaultDir, { recursive: true });
  let doneBytes = 0;
  let entryName = '';
  let lastReport = 0;
  const extract = await openEntries(opts, encrypted, (n) => {
    doneBytes += n;
    const t = Date.now();
    if (t - lastReport < 100) return;
    lastReport = t;
    opts.onProgress?.({ phase: 'verify', doneBytes, totalBytes, entry: entryName });
  });

  const seen = new Map<string, { size: number; sha256: string }>();
  const folded = new Set<string>();
  let entries = 0;
  let format: FormatInfo | null = null;
  let manifestBytes: Buffer | null = null;
  try {
    for await (const entry of extract) {
      const { name, type } = entry.header;
      entryName = name;
      if (type !== 'file') throw invalid(`The backup holds "${name.slice(0, 200)}", which is not a plain file; it was refused.`, name.slice(0, 200));
      if (!isSafeArchivePath(name)) throw invalid(`The backup holds an entry with an unsafe name ("${name.slice(0, 200)}"); it was refused.`, name.slice(0, 200));
      if (seen.has(name) || name === ARCHIVE_ENTRIES.manifest && manifestBytes !== null) throw invalid(`The backup holds ${name} twice.`, name);
      if (folded.has(foldedName(name))) throw invalid(`The backup holds two entries that differ only in letter case ("${name}"); it was refused.`, name);
      folded.add(foldedName(name));
      const maxEntries = opts.maxEntries ?? MAX_ENTRIES;
      if (++entries > maxEntries) throw invalid(`The backup holds more than ${maxEntries} files, far more than any vault; it was refused.`, name);
      if (format === null) {
        if (name !== ARCHIVE_ENTRIES.format) throw invalid(`The backup does not start with ${ARCHIVE_ENTRIES.format}.`, name);
        const bytes = await readSmall(bytesOf(entry), MAX_FORMAT_BYTES, name);
        format = parseJson(formatSchema, bytes, name);
        if (format.formatVersion > FORMAT_VERSION) throw invalid(`This backup was made by a newer version of LiuZheng (format ${format.formatVersion}); update the app to restore it.`, name);
        seen.set(name, { size: bytes.byteLength, sha256: sha256Hex(bytes) });
        continue;
      }
      if (manifestBytes !== null) throw invalid(`The backup has "${name}" after its manifest.`, name);
      if (name === ARCHIVE_ENTRIES.manifest) {
        manifestBytes = await readSmall(bytesOf(entry), MAX_MANIFEST_BYTES, name);
        continue;
      }
      const isFixed = name === ARCHIVE_ENTRIES.db || name === ARCHIVE_ENTRIES.settings;
      if (!isFixed && !name.startsWith(VAULT_PREFIX)) throw invalid(`The backup holds an unexpected entry "${name}".`, name);
      const rule = isFixed ? 'keep' : vaultEntryRule(name.slice(VAULT_PREFIX.length));
      if (rule === null) throw invalid(`The backup holds "${name}", which is not part of a LiuZheng vault; it was refused.`, name);
      if (rule === 'rebuild') {
        // Checked against the manifest like every entry, but never restored: rebuilt from the blobs.
        seen.set(name, await hashOnly(bytesOf(entry)));
        continue;
      }
      const got = await writeEntry(bytesOf(entry), path.join(opts.stagingDir, ...name.split('/')), rule === 'blob' ? 0o444 : 0o644);
      // Checked at once, not after the whole archive: a stream of made-up blobs stops at the first.
      if (rule === 'blob' && got.sha256 !== (blobShaOf(name) ?? pageResourceShaOf(name))) throw damaged(`${name} does not hash to its own name: the original is damaged.`, name);
      seen.set(name, got);
    }
  } catch (err) {
    if (err instanceof BackupError) throw err;
    if (/^E[A-Z]+$/.test(errorCode(err) ?? '')) throw err;
    const why = err instanceof Error ? err.message : String(err);
    throw damaged(`The backup could not be read to the end (${why}); it is damaged or was cut short.`, entryName || opts.fileName, err);
  }
  if (format === null) throw damaged('The backup is empty.', opts.fileName);
  if (manifestBytes === null) throw damaged('The backup is incomplete: its manifest is missing, so the file was probably cut short.', ARCHIVE_ENTRIES.manifest);

  const manifest = parseJson(manifestSchema, manifestBytes, ARCHIVE_ENTRIES.manifest);
  const listed = new Set<string>();
  for (const f of manifest.files) {
    listed.add(f.path);
    const got = seen.get(f.path);
    if (!got) throw damaged(`${f.path} is listed in the manifest but missing from the backup.`, f.path);
    if (got.size !== f.size) throw damaged(`${f.path} has ${got.size} bytes, but the manifest says ${f.size}.`, f.path);
    if (got.sha256 !== f.sha256) throw damaged(`${f.path} does not match its SHA-256 in the manifest: the file is damaged.`, f.path);
  }
  let blobs = 0;
  let vaultBytes = 0;
  const restoredBlobs: string[] = [];
  for (const [name, got] of seen) {
    if (!listed.has(name)) throw invalid(`${name} is in the backup but not in its manifest.`, name);
    const blobSha = blobShaOf(name);
    if (name.startsWith(`${VAULT_PREFIX}blobs/`)) {
      if (blobSha === null || got.sha256 !== blobSha) throw damaged(`${name} does not hash to its own name: the original is damaged.`, name);
      restoredBlobs.push(blobSha);
      blobs++;
    }
    if (name.startsWith(VAULT_PREFIX)) vaultBytes += got.size;
  }
  for (const required of [ARCHIVE_ENTRIES.db, ARCHIVE_ENTRIES.settings]) {
    if (!seen.has(required)) throw damaged(`The backup has no ${required}.`, required);
  }
  const db = parseJson(dbSnapshotSchema, await readFile(path.join(opts.stagingDir, ARCHIVE_ENTRIES.db)), ARCHIVE_ENTRIES.db);
  const settings = parseJson(backupSettingsSchema, await readFile(path.join(opts.stagingDir, ARCHIVE_ENTRIES.settings)), ARCHIVE_ENTRIES.settings);
  await rebuildDerived(vaultDir, restoredBlobs);
  opts.onProgress?.({ phase: 'verify', doneBytes: totalBytes, totalBytes, entry: '' });
  await stat(vaultDir);
  return { format, encrypted, db, settings, vaultDir, blobs, vaultBytes };
}

/**
 * Thumbnails and display copies come from the restored originals, never from the archive: a derived
 * file in a backup could show something its original does not. One that cannot be rendered is left
 * missing, and the vault check reports it like any lost derived copy.
 */
async function rebuildDerived(vaultDir: string, shas: readonly string[]): Promise<void> {
  const layout = vaultLayout(vaultDir);
  // tmp/ and derived/ are not in the archive; derived copies are written through tmp/.
  await ensureLayout(layout);
  for (const sha of shas) {
    const sidecar = await readSidecar(layout, sha);
    if (sidecar) await ensureDerived(layout, sidecar.blob).catch(() => 0);
  }
}

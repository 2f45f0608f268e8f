// Start-up repair. Compares blobs on disk with the renderer's records and fixes what a crash can leave:
// temp files, blobs without records (reported for re-adoption), stale sidecars and lost derived copies.
// It never deletes an original, and never drops a record: missing originals are reported.
import { open, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatShanghai } from '../../../shared/domain/captureTime';
import type { OrphanBlob, ReconcileReport } from '../../../shared/ipc/contract';
import type { BlobInfo } from '../../../shared/domain/evidence';
import type { Described } from './describe';
import { describeFile } from './describe';
import { ensureDerived, hasDerived } from './derived';
import { hasErrorCode } from '../fs/errors';
import { VaultError } from './errors';
import type { VaultLayout } from './layout';
import { isSha256 } from './layout';
import { readSidecar, removeSidecar, writeSidecar } from './sidecar';
import { HEAD_BYTES, writeDerived } from './store';

async function listNames(dir: string): Promise<string[]> {
  try {
    return await readdir(dir);
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return [];
    throw err;
  }
}

/** Every stored blob, sha → path, from the two-level blobs/<aa>/<sha> tree. */
export async function listBlobs(layout: VaultLayout): Promise<Map<string, string>> {
  const blobs = new Map<string, string>();
  for (const prefix of (await listNames(layout.blobsDir)).sort()) {
    if (!/^[0-9a-f]{2}$/.test(prefix)) continue;
    for (const name of (await listNames(path.join(layout.blobsDir, prefix))).sort()) {
      if (isSha256(name) && name.startsWith(prefix)) blobs.set(name, layout.blob(name));
    }
  }
  return blobs;
}

async function listShas(dir: string, suffix: string): Promise<Set<string>> {
  const shas = new Set<string>();
  for (const name of await listNames(dir)) {
    const sha = name.endsWith(suffix) ? name.slice(0, -suffix.length) : '';
    if (isSha256(sha)) shas.add(sha);
  }
  return shas;
}

async function clearTmp(layout: VaultLayout): Promise<number> {
  const names = await listNames(layout.tmpDir);
  for (const name of names) await rm(path.join(layout.tmpDir, name), { recursive: true, force: true });
  return names.length;
}

async function readHead(file: string): Promise<Uint8Array> {
  const fh = await open(file, 'r');
  try {
    const buf = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await fh.read(buf, 0, HEAD_BYTES, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

const extensionFor = (format: string): string => (format === 'jpeg' ? 'jpg' : format);

/**
 * BlobInfo for a blob whose sidecar is lost, read from the blob itself. Text has no magic number, so a
 * blob that is not recognised otherwise is retried as a .txt chat export.
 */
async function recoverFromBlob(layout: VaultLayout, sha: string, now: Date): Promise<{ described: Described; mtime: Date }> {
  const file = layout.blob(sha);
  const info = await stat(file);
  const head = await readHead(file);
  const stem = `recovered-${sha.slice(0, 12)}`;
  const input = { file, sha256: sha, size: info.size, head, mtimeMs: info.mtimeMs, clipboard: false, now };
  let described: Described;
  try {
    described = await describeFile({ ...input, name: stem });
  } catch (err) {
    if (!(err instanceof VaultError && err.code === 'unsupported-type')) throw err;
    described = await describeFile({ ...input, name: `${stem}.txt` });
  }
  described.blob.originalName = `${stem}.${extensionFor(described.blob.format)}`;
  return { described, mtime: info.mtime };
}

/** Last resort when even the blob cannot be described: still report it, never hide an original. */
function opaqueBlobInfo(sha: string, size: number, capturedAt: string): BlobInfo {
  return {
    sha256: sha,
    size,
    originalName: `recovered-${sha.slice(0, 12)}.bin`,
    mime: 'application/octet-stream',
    mediaType: 'document',
    format: 'bin',
    width: null,
    height: null,
    durationSec: null,
    capturedAt,
    captureSource: 'mtime',
    hasThumbnail: false,
  };
}

async function writeMissingDerived(layout: VaultLayout, d: Described, thumbs: Set<string>, displays: Set<string>): Promise<number> {
  const sha = d.blob.sha256;
  let written = 0;
  if (d.thumb !== null && !thumbs.has(sha)) {
    await writeDerived(layout, layout.thumb(sha), d.thumb);
    written += 1;
  }
  if (d.display !== null && !displays.has(sha)) {
    await writeDerived(layout, layout.display(sha), d.display);
    written += 1;
  }
  return written;
}

export async function reconcileVault(layout: VaultLayout, knownSha256: string[], now: Date): Promise<ReconcileReport> {
  const removedTempFiles = await clearTmp(layout);
  const blobs = await listBlobs(layout);
  const known = new Set(knownSha256);
  const missing = [...known].filter((sha) => !blobs.has(sha));
  const metas = await listShas(layout.metaDir, '.json');
  const thumbs = await listShas(layout.thumbDir, '.webp');
  const displays = await listShas(layout.displayDir, '.webp');
  const orphans: OrphanBlob[] = [];
  let rebuiltDerived = 0;

  for (const sha of blobs.keys()) {
    const isKnown = known.has(sha);
    const derivedPresent = thumbs.has(sha) && displays.has(sha);
    // The common case at start-up, kept to two set lookups so 10k items reconcile quickly.
    if (isKnown && derivedPresent) continue;
    const sidecar = metas.has(sha) ? await readSidecar(layout, sha) : null;
    let blob: BlobInfo;
    let importedAt: string;
    if (sidecar !== null) {
      blob = sidecar.blob;
      importedAt = sidecar.importedAt;
      if (!derivedPresent && hasDerived(blob)) rebuiltDerived += await ensureDerived(layout, blob).catch(() => 0);
    } else {
      try {
        const { described, mtime } = await recoverFromBlob(layout, sha, now);
        blob = described.blob;
        importedAt = mtime.toISOString();
        rebuiltDerived += await writeMissingDerived(layout, described, thumbs, displays);
        await writeSidecar(layout, { blob, intendedCaseId: null, importedAt });
      } catch {
        const info = await stat(layout.blob(sha));
        importedAt = info.mtime.toISOString();
        blob = opaqueBlobInfo(sha, info.size, formatShanghai(info.mtimeMs));
      }
    }
    if (!isKnown) orphans.push({ blob, intendedCaseId: sidecar?.intendedCaseId ?? null, importedAt });
  }

  // A sidecar or derived copy without its blob is left from a crash before the final rename. Those of
  // known records stay: they are all that is left to show the buyer what went missing.
  const stale = (sha: string): boolean => !blobs.has(sha) && !known.has(sha);
  for (const sha of metas) if (stale(sha)) await removeSidecar(layout, sha);
  for (const sha of thumbs) if (stale(sha)) await rm(layout.thumb(sha), { force: true });
  for (const sha of displays) if (stale(sha)) await rm(layout.display(sha), { force: true });

  return { orphans, missing, removedTempFiles, rebuiltDerived };
}

// Verdict two: are the originals what the manifest lists? Checked by hash against the vault's blobs,
// or against any plain folder of files (what a platform or a regulator holds), matched by content,
// never by name. Only regular files are read; a link is never followed.
import { lstat, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { BundleItemStatus, BundleVerifyItem } from '../../../shared/integrity/contract';
import { hasErrorCode } from '../fs/errors';
import { hashFile, hashListedFile } from '../fs/hash';
import { vaultLayout } from '../vault/layout';
import type { ManifestExhibit } from './pdfManifest';

/** A folder of originals is walked this deep and this far, no further. */
const MAX_DEPTH = 4;
const MAX_FILES = 100_000;

export interface ItemSource {
  no: number;
  label: string;
  /** Shown only when the manifest it came from verified intact. */
  title: string | null;
  sha256: string;
  size: number;
}

export const sourcesOf = (exhibits: readonly ManifestExhibit[], attested: boolean): ItemSource[] =>
  exhibits.map((e) => ({ no: e.no, label: `证据${e.no}`, title: attested ? e.title : null, sha256: e.sha256, size: e.size }));

const statusOf = (expected: string, actual: string | null): BundleItemStatus => (actual === null ? 'missing' : actual === expected ? 'match' : 'mismatch');

export async function checkAgainstVault(vaultDir: string, items: readonly ItemSource[], signal?: AbortSignal): Promise<BundleVerifyItem[]> {
  const layout = vaultLayout(vaultDir);
  const out: BundleVerifyItem[] = [];
  for (const e of items) {
    let actual: string | null;
    try {
      actual = await hashFile(layout.blob(e.sha256), signal);
    } catch (err) {
      if (!hasErrorCode(err, 'ENOENT', 'ENOTDIR')) throw err;
      actual = null;
    }
    out.push({ status: statusOf(e.sha256, actual), no: e.no, label: e.label, title: e.title, file: null, expected: e.sha256, actual });
  }
  return out;
}

/** Regular files under `dir` whose size is one a listed original has: only those can match. */
async function candidates(dir: string, sizes: ReadonlySet<number>): Promise<string[]> {
  const found: string[] = [];
  let seen = 0;
  const walk = async (at: string, depth: number): Promise<void> => {
    let entries;
    try {
      entries = await readdir(at, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (++seen > MAX_FILES) return;
      const full = path.join(at, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH) await walk(full, depth + 1);
      else if (e.isFile()) {
        const info = await lstat(full).catch(() => null);
        if (info?.isFile() && sizes.has(info.size)) found.push(full);
      }
    }
  };
  await walk(dir, 0);
  return found;
}

export async function checkAgainstFolder(dir: string, items: readonly ItemSource[], signal?: AbortSignal): Promise<BundleVerifyItem[]> {
  const wanted = new Set(items.map((e) => e.sha256));
  const byHash = new Map<string, string>();
  for (const file of await candidates(dir, new Set(items.map((e) => e.size)))) {
    const got = await hashListedFile(file, null, signal);
    if (got.kind === 'hashed' && wanted.has(got.sha256) && !byHash.has(got.sha256)) byHash.set(got.sha256, path.relative(dir, file));
  }
  // Matched by content: a missing original is one no file in the folder hashes to.
  return items.map((e) => {
    const file = byHash.get(e.sha256) ?? null;
    return { status: file === null ? 'missing' : 'match', no: e.no, label: e.label, title: e.title, file, expected: e.sha256, actual: file === null ? null : e.sha256 };
  });
}

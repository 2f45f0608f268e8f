// Re-checks an exported bundle. A folder export carries manifest.json and the copies themselves; a
// PDF carries its manifest as an attachment and is checked against the originals in the vault.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BundleItemStatus, BundleVerifyItem, BundleVerifyReport } from '../../../shared/integrity/contract';
import { hasErrorCode } from '../fs/errors';
import { vaultLayout } from '../vault/layout';
import { hashFile, hashListedFile } from '../fs/hash';
import { readPdfManifest } from './pdfManifest';

/** Bad input: the message names the file and says what is wrong with it, nothing more. */
export class VerifyInputError extends Error {
  override readonly name = 'VerifyInputError';
}

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const folderManifestSchema = z.object({
  app: z.literal('留证'),
  caseTitle: z.string(),
  exportedAt: z.string(),
  exhibits: z
    .array(
      z.object({
        no: z.number().int().min(1),
        label: z.string(),
        title: z.string(),
        file: z.string().min(1),
        sha256: sha,
        // Exports have always listed sizes; reading stops just past the listed one.
        size: z.number().int().nonnegative().optional(),
        redacted: z.object({ file: z.string().min(1), size: z.number().int().nonnegative().optional(), sha256: sha }).nullable().optional(),
      }),
    )
    .max(100_000),
});

/** A listed copy's status and hash. Refuses names that leave the folder; never follows a link. */
async function checkInside(dir: string, name: string, expected: string, size: number | undefined, signal?: AbortSignal): Promise<{ status: BundleItemStatus; actual: string | null }> {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== path.resolve(dir) || name.includes('/') || name.includes('\\')) return { status: 'missing', actual: null };
  const got = await hashListedFile(target, size ?? null, signal);
  if (got.kind === 'missing') return { status: 'missing', actual: null };
  // A link, folder or device where the copy should be, or more bytes than listed: not the listed copy,
  // and never read (a link to /dev/zero would never end). No hash to show.
  if (got.kind === 'not-regular' || got.kind === 'too-large') return { status: 'mismatch', actual: null };
  return { status: got.sha256 === expected ? 'match' : 'mismatch', actual: got.sha256 };
}

const statusOf = (expected: string, actual: string | null): BundleItemStatus => (actual === null ? 'missing' : actual === expected ? 'match' : 'mismatch');

function summarise(items: BundleVerifyItem[]): BundleVerifyReport['summary'] {
  const summary = { match: 0, mismatch: 0, missing: 0, total: items.length };
  for (const item of items) summary[item.status] += 1;
  return summary;
}

async function verifyFolder(dir: string, signal?: AbortSignal): Promise<BundleVerifyReport> {
  const file = path.join(dir, 'manifest.json');
  let json: unknown;
  try {
    json = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) throw new VerifyInputError(`${dir}: no manifest.json in this folder; is it a 留证 folder export?`);
    throw new VerifyInputError(`${file}: not valid JSON.`);
  }
  const parsed = folderManifestSchema.safeParse(json);
  if (!parsed.success) throw new VerifyInputError(`${file}: not a 留证 export manifest (${parsed.error.issues[0]?.path.join('.') || 'shape'} is wrong).`);
  // Nothing listed proves nothing: "all match" over zero exhibits would read as a clean bill.
  if (parsed.data.exhibits.length === 0) throw new VerifyInputError(`${file}: lists no exhibits, so there is nothing to verify.`);
  const items: BundleVerifyItem[] = [];
  for (const e of parsed.data.exhibits) {
    const checked = await checkInside(dir, e.file, e.sha256, e.size, signal);
    items.push({ ...checked, no: e.no, label: e.label, title: e.title, file: e.file, expected: e.sha256 });
    if (e.redacted) {
      const r = await checkInside(dir, e.redacted.file, e.redacted.sha256, e.redacted.size, signal);
      items.push({ ...r, no: e.no, label: `${e.label}（已遮挡）`, title: e.title, file: e.redacted.file, expected: e.redacted.sha256 });
    }
  }
  return { kind: 'folder', path: dir, caseTitle: parsed.data.caseTitle, exportedAt: parsed.data.exportedAt, items, summary: summarise(items) };
}

async function verifyPdf(file: string, vaultDir: string, signal?: AbortSignal): Promise<BundleVerifyReport> {
  const read = await readPdfManifest(await readFile(file));
  if (!read.ok) {
    const why = {
      'not-pdf': 'not a readable PDF file',
      'no-manifest': 'has no 留证 manifest attachment (was it exported by 留证, and by a version from before manifests were embedded?)',
      'bad-manifest': 'has a damaged 留证 manifest attachment',
    }[read.reason];
    throw new VerifyInputError(`${file}: ${why}.`);
  }
  if (read.manifest.exhibits.length === 0) throw new VerifyInputError(`${file}: its manifest lists no exhibits, so there is nothing to verify.`);
  const layout = vaultLayout(vaultDir);
  const items: BundleVerifyItem[] = [];
  for (const e of read.manifest.exhibits) {
    let actual: string | null;
    try {
      actual = await hashFile(layout.blob(e.sha256), signal);
    } catch (err) {
      if (!hasErrorCode(err, 'ENOENT', 'ENOTDIR')) throw err;
      actual = null;
    }
    items.push({ status: statusOf(e.sha256, actual), no: e.no, label: e.label, title: e.title, file: e.originalName, expected: e.sha256, actual });
  }
  const m = read.manifest;
  return { kind: 'pdf', path: file, caseTitle: m.caseTitle, exportedAt: m.exportedAt, items, summary: summarise(items) };
}

/** A folder (or its manifest.json) or a PDF. Throws VerifyInputError for anything it cannot read. */
export async function verifyBundle(target: string, vaultDir: string, signal?: AbortSignal): Promise<BundleVerifyReport> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new VerifyInputError(`${target}: no such file or folder.`);
  }
  if (info.isDirectory()) return verifyFolder(target, signal);
  if (path.basename(target) === 'manifest.json') return verifyFolder(path.dirname(target), signal);
  return verifyPdf(target, vaultDir, signal);
}

// Re-checks an exported bundle. A folder export carries manifest.json and the copies themselves; a
// PDF carries its manifest as an attachment and is checked against the originals in the vault.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BundleItemStatus, BundleVerifyItem, BundleVerifyReport } from '../../../shared/integrity/contract';
import { hasErrorCode } from '../fs/errors';
import { vaultLayout } from '../vault/layout';
import { hashFile } from '../fs/hash';
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
        redacted: z.object({ file: z.string().min(1), sha256: sha }).nullable().optional(),
      }),
    )
    .max(100_000),
});

/** Hash of `file`, or null when it is not there. Refuses names that leave the folder. */
async function hashInside(dir: string, name: string): Promise<string | null> {
  const target = path.resolve(dir, name);
  if (path.dirname(target) !== path.resolve(dir) || name.includes('/') || name.includes('\\')) return null;
  try {
    return await hashFile(target);
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT', 'ENOTDIR', 'EISDIR')) return null;
    throw err;
  }
}

const statusOf = (expected: string, actual: string | null): BundleItemStatus => (actual === null ? 'missing' : actual === expected ? 'match' : 'mismatch');

function summarise(items: BundleVerifyItem[]): BundleVerifyReport['summary'] {
  const summary = { match: 0, mismatch: 0, missing: 0, total: items.length };
  for (const item of items) summary[item.status] += 1;
  return summary;
}

async function verifyFolder(dir: string): Promise<BundleVerifyReport> {
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
  const items: BundleVerifyItem[] = [];
  for (const e of parsed.data.exhibits) {
    const actual = await hashInside(dir, e.file);
    items.push({ status: statusOf(e.sha256, actual), no: e.no, label: e.label, title: e.title, file: e.file, expected: e.sha256, actual });
    if (e.redacted) {
      const r = await hashInside(dir, e.redacted.file);
      items.push({ status: statusOf(e.redacted.sha256, r), no: e.no, label: `${e.label}（已遮挡）`, title: e.title, file: e.redacted.file, expected: e.redacted.sha256, actual: r });
    }
  }
  return { kind: 'folder', path: dir, caseTitle: parsed.data.caseTitle, exportedAt: parsed.data.exportedAt, items, summary: summarise(items) };
}

async function verifyPdf(file: string, vaultDir: string): Promise<BundleVerifyReport> {
  const read = await readPdfManifest(await readFile(file));
  if (!read.ok) {
    const why = {
      'not-pdf': 'not a readable PDF file',
      'no-manifest': 'has no 留证 manifest attachment (was it exported by 留证, and by a version from before manifests were embedded?)',
      'bad-manifest': 'has a damaged 留证 manifest attachment',
    }[read.reason];
    throw new VerifyInputError(`${file}: ${why}.`);
  }
  const layout = vaultLayout(vaultDir);
  const items: BundleVerifyItem[] = [];
  for (const e of read.manifest.exhibits) {
    let actual: string | null;
    try {
      actual = await hashFile(layout.blob(e.sha256));
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
export async function verifyBundle(target: string, vaultDir: string): Promise<BundleVerifyReport> {
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new VerifyInputError(`${target}: no such file or folder.`);
  }
  if (info.isDirectory()) return verifyFolder(target);
  if (path.basename(target) === 'manifest.json') return verifyFolder(path.dirname(target));
  return verifyPdf(target, vaultDir);
}

// Re-checks an exported bundle, as two verdicts. One: the PDF itself (verifyPdf.ts). Two: the
// originals, by hash, against the vault, a plain folder of originals, or a folder export's own copies.
// A folder export carries manifest.json, the copies and the PDF parts; a PDF carries its manifest as
// an attachment. Text from a manifest is shown only when its PDF verified intact.
import { lstat, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { BundleItemStatus, BundleVerifyItem, BundleVerifyReport, PdfIntegrity } from '../../../shared/integrity/contract';
import { hasErrorCode } from '../fs/errors';
import { hashListedFile } from '../fs/hash';
import { readVaultCertificate } from '../signing/keys';
import { vaultLayout } from '../vault/layout';
import { checkAgainstFolder, checkAgainstVault, sourcesOf } from './originals';
import { loadPdf, manifestOf, type PdfManifest } from './pdfManifest';
import { checkPdf } from './verifyPdf';
import { problem } from '../signing/verifySignature';

/** Bad input: the message names the file and says what is wrong with it, nothing more. */
export class VerifyInputError extends Error {
  override readonly name = 'VerifyInputError';
}

const sha = z.string().regex(/^[0-9a-f]{64}$/);
const folderManifestSchema = z.object({
  app: z.literal('留证'),
  caseTitle: z.string(),
  exportedAt: z.string(),
  pdf: z.array(z.string().min(1).max(1000)).max(1000).optional(),
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

function summarise(items: BundleVerifyItem[]): BundleVerifyReport['summary'] {
  const summary = { match: 0, mismatch: 0, missing: 0, total: items.length };
  for (const item of items) summary[item.status] += 1;
  return summary;
}

/** What the originals are checked against; `copies` is a folder export's own. */
export type VerifyAgainst = { vaultDir: string } | { originalsDir: string } | { copiesOnly: true };

/** A PDF larger than this is not an export of this app's (parts are split far below it). */
const MAX_PDF_BYTES = 2 * 1024 ** 3 - 1;

async function readPdfBytes(file: string): Promise<Uint8Array> {
  const info = await lstat(file).catch(() => null);
  if (!info) throw new VerifyInputError(`${file}: no such file.`);
  if (!info.isFile()) throw new VerifyInputError(`${file}: not a regular file (a link, folder or device is never read).`);
  if (info.size > MAX_PDF_BYTES) throw new VerifyInputError(`${file}: too large to be a 留证 export.`);
  return readFile(file);
}

const WHY = {
  'not-pdf': 'not a readable PDF file',
  'no-manifest': 'has no 留证 manifest attachment (was it exported by 留证, and by a version from before manifests were embedded?)',
  'bad-manifest': 'has a damaged 留证 manifest attachment',
} as const;

async function inspectPdf(file: string, vaultFingerprint: string | null): Promise<{ integrity: PdfIntegrity; manifest: PdfManifest }> {
  const bytes = await readPdfBytes(file);
  if (!Buffer.from(bytes.subarray(0, 1024)).includes('%PDF-')) throw new VerifyInputError(`${file}: ${WHY['not-pdf']}.`);
  let doc;
  try {
    doc = await loadPdf(bytes);
  } catch {
    throw new VerifyInputError(`${file}: ${WHY['not-pdf']}.`);
  }
  const read = manifestOf(doc);
  if (!read.ok) throw new VerifyInputError(`${file}: ${WHY[read.reason]}.`);
  if (read.manifest.exhibits.length === 0) throw new VerifyInputError(`${file}: its manifest lists no exhibits, so there is nothing to verify.`);
  return { integrity: checkPdf(path.basename(file), bytes, doc, read.manifest, { vaultFingerprint }), manifest: read.manifest };
}

/** The vault's certificate fingerprint, or a phrase that matches no fingerprint when it never signed. */
async function fingerprintOf(against: VerifyAgainst): Promise<string | null> {
  if (!('vaultDir' in against)) return null;
  return (await readVaultCertificate(against.vaultDir))?.fingerprint ?? '(this vault has no signing key)';
}

/** Does the vault's audit log still reach the head the export recorded? A log cut short does not. */
async function checkAuditHead(vaultDir: string, head: PdfManifest['auditHead']): Promise<BundleVerifyReport['auditHead']> {
  if (!head) return null;
  let text = '';
  try {
    text = await readFile(vaultLayout(vaultDir).auditLog, 'utf8');
  } catch {
    // An empty log reaches nothing.
  }
  let last = 0;
  for (const line of text.split('\n')) {
    let entry: unknown;
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const e = z.object({ seq: z.number(), hash: z.string() }).safeParse(entry);
    if (!e.success) continue;
    last = Math.max(last, e.data.seq);
    if (e.data.seq === head.seq) {
      return e.data.hash === head.hash
        ? { ok: true, finding: 'reached', seq: head.seq, last, message: `the vault's audit log still holds entry ${head.seq} as it was at export` }
        : { ok: false, finding: 'rewritten', seq: head.seq, last, message: `the vault's audit log entry ${head.seq} differs from the one recorded at export: the log was rewritten` };
    }
  }
  if (head.seq === 0) return { ok: true, finding: 'reached', seq: 0, last, message: 'the audit log was empty at export' };
  return { ok: false, finding: 'truncated', seq: head.seq, last, message: `记录被截断: the vault's audit log ends at entry ${last}, before entry ${head.seq} recorded at export` };
}

async function itemsAgainst(against: VerifyAgainst, m: PdfManifest, attested: boolean, signal?: AbortSignal): Promise<BundleVerifyItem[]> {
  const sources = sourcesOf(m.exhibits, attested);
  if ('vaultDir' in against) return checkAgainstVault(against.vaultDir, sources, signal);
  if ('originalsDir' in against) return checkAgainstFolder(against.originalsDir, sources, signal);
  return [];
}

async function verifyPdf(file: string, against: VerifyAgainst, signal?: AbortSignal): Promise<BundleVerifyReport> {
  const { integrity, manifest: m } = await inspectPdf(file, await fingerprintOf(against));
  const attested = integrity.intact;
  const items = await itemsAgainst(against, m, attested, signal);
  return {
    kind: 'pdf',
    path: file,
    pdf: { intact: integrity.intact, files: [integrity] },
    originalsAgainst: 'originalsDir' in against ? 'folder' : 'vault',
    caseTitle: attested ? m.caseTitle : null,
    exportedAt: attested ? m.exportedAt : null,
    items,
    summary: summarise(items),
    auditHead: 'vaultDir' in against ? await checkAuditHead(against.vaultDir, m.auditHead) : null,
  };
}

/** The folder's PDF parts, each checked; a listed part that is gone fails the PDF verdict. */
async function folderPdfs(dir: string, names: readonly string[], against: VerifyAgainst) {
  const fingerprint = await fingerprintOf(against);
  const out: Array<{ integrity: PdfIntegrity; manifest: PdfManifest | null }> = [];
  for (const name of names) {
    const file = path.join(dir, path.basename(name));
    try {
      out.push(await inspectPdf(file, fingerprint));
    } catch (err) {
      if (!(err instanceof VerifyInputError)) throw err;
      out.push({ integrity: { file: path.basename(name), intact: false, signer: 'unchecked', fingerprint: null, checks: [{ check: 'signature', ok: false, message: err.message.replace(file, path.basename(name)), problems: [{ code: 'unreadable', params: { reason: err.message.replace(`${file}: `, '') } }] }] }, manifest: null });
    }
  }
  return out;
}

async function verifyFolder(dir: string, against: VerifyAgainst, signal?: AbortSignal): Promise<BundleVerifyReport> {
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
  const pdfs = await folderPdfs(dir, parsed.data.pdf ?? [], against);
  // manifest.json is not signed: it is believed only where the signed PDF's attachment agrees with it.
  const signed = pdfs.find((p) => p.integrity.intact)?.manifest ?? null;
  for (const p of pdfs) {
    if (!p.manifest) continue;
    const bySha = new Map(p.manifest.exhibits.map((e) => [e.no, e.sha256]));
    const differ = parsed.data.exhibits.filter((e) => bySha.get(e.no) !== e.sha256).map((e) => `证据${e.no}`);
    const problems = differ.length === 0 ? [] : [problem('folder-originals', `manifest.json disagrees with the PDF's signed manifest for ${differ.join('、')}`, { labels: differ.join('、') })];
    // Every part the signed manifest names must be in the folder's list, and no other.
    const named = (p.manifest.parts ?? []).map((x) => path.basename(x.file)).sort();
    const listed = (parsed.data.pdf ?? []).map((x) => path.basename(x)).sort();
    if (p.manifest.parts && named.join('\n') !== listed.join('\n')) problems.push(problem('folder-parts', `the PDF names parts ${named.join(', ')}, manifest.json lists ${listed.join(', ')}`, { named: named.join('、'), listed: listed.join('、') }));
    p.integrity.checks.push({
      check: 'folder-manifest',
      ok: problems.length === 0,
      message: problems.length === 0 ? 'manifest.json lists the same originals and parts as the PDF' : problems.map((x) => x.text).join('; '),
      problems: problems.map(({ code, params }) => ({ code, params })),
    });
    p.integrity.intact = p.integrity.checks.every((c) => c.ok);
  }
  const intact = pdfs.length > 0 && pdfs.every((p) => p.integrity.intact);
  const items: BundleVerifyItem[] = [];
  for (const e of parsed.data.exhibits) {
    const title = intact ? e.title : null;
    const checked = await checkInside(dir, e.file, e.sha256, e.size, signal);
    items.push({ ...checked, no: e.no, label: `证据${e.no}`, title, file: e.file, expected: e.sha256 });
    if (e.redacted) {
      const r = await checkInside(dir, e.redacted.file, e.redacted.sha256, e.redacted.size, signal);
      items.push({ ...r, no: e.no, label: `证据${e.no}（已遮挡）`, title, file: e.redacted.file, expected: e.redacted.sha256 });
    }
  }
  return {
    kind: 'folder',
    path: dir,
    pdf: { intact, files: pdfs.map((p) => p.integrity) },
    originalsAgainst: 'copies',
    caseTitle: intact && signed ? signed.caseTitle : null,
    exportedAt: intact && signed ? signed.exportedAt : null,
    items,
    summary: summarise(items),
    auditHead: 'vaultDir' in against && signed ? await checkAuditHead(against.vaultDir, signed.auditHead) : null,
  };
}

/**
 * A folder (or its manifest.json) or a PDF. `against` is a vault folder (a string, or {vaultDir}), a
 * folder of originals, or nothing beyond a folder export's own copies. Throws VerifyInputError for
 * anything it cannot read.
 */
export async function verifyBundle(target: string, against: string | VerifyAgainst, signal?: AbortSignal): Promise<BundleVerifyReport> {
  const to: VerifyAgainst = typeof against === 'string' ? { vaultDir: against } : against;
  let info;
  try {
    info = await stat(target);
  } catch {
    throw new VerifyInputError(`${target}: no such file or folder.`);
  }
  if (info.isDirectory()) return verifyFolder(target, to, signal);
  if (path.basename(target) === 'manifest.json') return verifyFolder(path.dirname(target), to, signal);
  if ('copiesOnly' in to) throw new VerifyInputError(`${target}: a PDF is checked against a vault (--vault) or a folder of originals (--originals).`);
  return verifyPdf(target, to, signal);
}

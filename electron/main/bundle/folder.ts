// The folder export: 12315 and some platforms want the images themselves as attachments, so next to
// the PDF(s) go byte-identical copies of the originals (named 证据N-<title>.<ext>), any redacted
// derivatives, and a manifest.json with every hash.
import { copyFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DISCLAIMER } from './front';
import { KIND_LABELS, exhibitLabel } from '../../../shared/bundle/labels';
import { evidencePurpose } from '../../../shared/bundle/plan';
import type { BundleInput } from '../../../shared/bundle/types';
import { hasErrorCode } from '../fs/errors';
import { hashFile } from '../fs/hash';
import type { VaultLayout } from '../vault/layout';
import type { PreparedExhibit } from './assets';
import { caseFileOf } from './caseFile';
import { BundleError } from './errors';

/** Characters Windows, macOS or Linux refuse in a file name, and control characters. */
const UNSAFE = /[\\/:*?"<>|\u0000-\u001f\u007f]/g;

export function safeName(name: string, max = 60): string {
  const cleaned = name.replace(UNSAFE, '_').replace(/\s+/g, ' ').trim().replace(/^\.+|\.+$/g, '');
  return [...cleaned].slice(0, max).join('').trim() || '未命名';
}

export function extensionOf(originalName: string, format: string): string {
  const ext = path.extname(originalName).slice(1).toLowerCase();
  if (/^[a-z0-9]{1,8}$/.test(ext)) return ext;
  return format === 'jpeg' ? 'jpg' : format.replace(/[^a-z0-9]/gi, '').slice(0, 8) || 'bin';
}

export interface ManifestEntry {
  no: number;
  label: string;
  title: string;
  kind: string;
  purpose: string;
  file: string;
  originalName: string;
  size: number;
  sha256: string;
  capturedAt: string;
  captureSource: string;
  importedAt: string;
  durationSec: number | null;
  redacted: { file: string; size: number; sha256: string } | null;
}

export interface FolderManifest {
  app: '留证';
  caseTitle: string;
  target: string;
  exportedAt: string;
  note: string;
  pdf: string[];
  exhibits: ManifestEntry[];
}

/** Refuses a folder that already holds files, before any work; a missing folder is created when written. */
export async function assertEmptyDir(dir: string): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(dir);
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return;
    throw err;
  }
  if (entries.length > 0) throw new BundleError('output-exists', `The folder ${dir} is not empty; choose an empty or new folder.`);
}

/** Copies every original (checking the copy's hash) and writes redacted derivatives; returns the manifest entries. */
export async function writeOriginals(dir: string, layout: VaultLayout, input: BundleInput, prepared: readonly PreparedExhibit[]): Promise<ManifestEntry[]> {
  const entries: ManifestEntry[] = [];
  for (const [i, e] of input.evidence.entries()) {
    const no = i + 1;
    const stem = `${exhibitLabel(no)}-${safeName(e.title === '' ? KIND_LABELS[e.kind] : e.title)}`;
    const file = `${stem}.${extensionOf(e.originalName, e.format)}`;
    const target = path.join(dir, file);
    await copyFile(layout.blob(e.sha256), target);
    // Streamed: an exhibit may be a long video that must not sit in memory to be checked.
    if ((await hashFile(target)) !== e.sha256) {
      throw new BundleError('write-failed', `The copy of ${exhibitLabel(no)} does not match its original; the disk may be failing.`, { exhibit: no });
    }
    const asset = prepared[i]?.asset;
    let redacted: ManifestEntry['redacted'] = null;
    if (asset?.type === 'image' && asset.redacted) {
      const rfile = `${stem}-已遮挡.jpg`;
      await writeFile(path.join(dir, rfile), asset.redacted.bytes);
      redacted = { file: rfile, size: asset.redacted.bytes.length, sha256: asset.redacted.sha256 };
    }
    entries.push({
      no,
      label: exhibitLabel(no),
      title: e.title,
      kind: e.kind,
      purpose: evidencePurpose(e),
      file,
      originalName: e.originalName,
      size: e.size,
      sha256: e.sha256,
      capturedAt: e.capturedAt,
      captureSource: e.captureSource,
      importedAt: e.importedAt,
      durationSec: e.durationSec,
      redacted,
    });
  }
  return entries;
}

export async function writeManifest(dir: string, input: BundleInput, exportedAt: string, pdf: string[], exhibits: ManifestEntry[]): Promise<string> {
  const manifest: FolderManifest = {
    app: '留证',
    caseTitle: input.case.title,
    target: input.target,
    exportedAt,
    note: DISCLAIMER,
    pdf,
    exhibits,
  };
  const file = path.join(dir, 'manifest.json');
  await writeFile(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}

/** case.json beside the copies, so the exported folder can be imported again or rebuilt with the CLI. */
export async function writeCaseJson(dir: string, input: BundleInput, exhibits: readonly ManifestEntry[]): Promise<string> {
  const file = path.join(dir, 'case.json');
  await writeFile(file, `${JSON.stringify(caseFileOf(input, exhibits.map((e) => e.file)), null, 2)}\n`);
  return file;
}

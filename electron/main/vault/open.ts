// "Open" hands the buyer's other apps a read-only copy, never the vault original: an image editor or
// a media player that saves in place would otherwise rewrite evidence.
import { randomBytes } from 'node:crypto';
import { chmod, copyFile, constants, mkdir, readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { MediaType } from '../../../shared/domain/evidence';
import type { VaultLayout } from './layout';
import { assertSha256 } from './layout';
import { hasErrorCode } from '../fs/errors';
import { VaultError } from './errors';

const MAX_NAME_LENGTH = 120;
/** Copies older than this are swept on the next open; an app may still be showing a recent one. */
const KEEP_OPENED_MS = 24 * 60 * 60 * 1000;
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const OPENED_DIR = /^[0-9a-f]{12}-[0-9a-f]{8}$/;

/** A file name safe on Windows, macOS and Linux, keeping the extension apps use to pick a viewer. */
export function sanitizeFileName(originalName: string, fallback: string): string {
  const base = originalName.split(/[\\/]/u).pop() ?? '';
  let name = base
    .normalize('NFC')
    // Control characters and the characters Windows forbids in names.
    .replace(/[\u0000-\u001f\u007f<>:"|?*]/gu, '_')
    .replace(/[. ]+$/u, '')
    .trim();
  if (name.startsWith('.')) name = `_${name}`;
  const dot = name.lastIndexOf('.');
  let stem = dot > 0 ? name.slice(0, dot) : name;
  const ext = dot > 0 ? name.slice(dot) : '';
  if (WINDOWS_RESERVED.test(stem)) stem = `_${stem}`;
  const safeExt = ext.length <= 16 ? ext : '';
  stem = Array.from(stem).slice(0, MAX_NAME_LENGTH - safeExt.length).join('');
  name = `${stem}${safeExt}`;
  return stem === '' || name === '' ? fallback : name;
}

/**
 * Extensions a copy may keep, by what the bytes really are. The OS picks the program by extension, so
 * a PNG with HTML appended (a polyglot) named "x.html" would open in a browser and run its script; a
 * name whose extension does not fit the detected type gets the type's own extension added instead.
 */
const SAFE_EXTENSIONS: Record<MediaType, readonly string[]> = {
  image: ['jpg', 'jpeg', 'jfif', 'png', 'gif', 'webp', 'tif', 'tiff', 'heic', 'heif', 'avif'],
  video: ['mp4', 'mov', 'm4v', '3gp', 'webm', 'mkv', 'avi'],
  audio: ['mp3', 'm4a', 'aac', 'wav', 'amr', 'ogg', 'flac'],
  document: ['pdf'],
  text: ['txt', 'csv'],
  // Opening a page copy warns first (activeContentWarning): a browser runs what it holds.
  page: ['mhtml', 'mht', 'html', 'htm'],
};

export interface OpenKind {
  mediaType: MediaType;
  format: string;
}

/** The extension a copy of this kind is opened with; "bin" (no program) when the kind is unknown. */
export function extensionFor(kind: OpenKind | null): string {
  if (kind === null) return 'bin';
  const ext = kind.format === 'jpeg' ? 'jpg' : kind.format === 'heif' ? 'heic' : kind.format.toLowerCase();
  return SAFE_EXTENSIONS[kind.mediaType].includes(ext) ? ext : 'bin';
}

/** A safe file name whose extension matches the bytes: the stem is the buyer's, the extension is checked. */
export function openFileName(originalName: string, kind: OpenKind | null, fallbackStem: string): string {
  const wanted = extensionFor(kind);
  const name = sanitizeFileName(originalName, `${fallbackStem}.${wanted}`);
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  const fits = wanted !== 'bin' && kind !== null && SAFE_EXTENSIONS[kind.mediaType].includes(ext);
  return fits ? name : `${name}.${wanted}`;
}

async function sweepOld(tempDir: string, now: number): Promise<void> {
  let entries: string[];
  try {
    entries = await readdir(tempDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    // Only folders this module made: tempDir might be shared with other software by mistake.
    if (!OPENED_DIR.test(entry)) continue;
    const dir = path.join(tempDir, entry);
    try {
      const info = await stat(dir);
      if (now - info.mtimeMs > KEEP_OPENED_MS) await rm(dir, { recursive: true, force: true });
    } catch {
      // Still open in another app (Windows locks it) or already gone: try again next time.
    }
  }
}

export async function prepareOpenCopy(
  layout: VaultLayout,
  tempDir: string,
  sha: string,
  originalName: string,
  kind: OpenKind | null,
  now: number,
): Promise<string> {
  const source = layout.blob(assertSha256(sha));
  await sweepOld(tempDir, now);
  // A fresh folder per open: the name stays the buyer's own, and an older copy that is still open
  // (and so locked on Windows) is never in the way.
  const dir = path.join(tempDir, `${sha.slice(0, 12)}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir, { recursive: true });
  const dest = path.join(dir, openFileName(originalName, kind, `evidence-${sha.slice(0, 12)}`));
  try {
    await copyFile(source, dest, constants.COPYFILE_EXCL);
  } catch (err) {
    await rm(dir, { recursive: true, force: true });
    if (hasErrorCode(err, 'ENOENT')) throw new VaultError('not-found', 'The original of this item is not in the vault.', { cause: err });
    throw err;
  }
  await chmod(dest, 0o444);
  return dest;
}

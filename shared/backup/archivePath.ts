// Which names an archive may hold. A restore writes every entry under a staging folder, so a name is a
// path the archive's author chose: it must not climb out, be absolute, or smuggle odd characters.
// The vault only ever writes hex digests, dates and plain ASCII names, so the rule can be this strict.

const SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,199}$/;
const MAX_DEPTH = 6;
const MAX_LENGTH = 400;

/** The fixed entries of a backup archive, besides the vault's own files under `vault/`. */
export const ARCHIVE_ENTRIES = { format: 'format.json', db: 'db.json', settings: 'settings.json', manifest: 'manifest.json' } as const;
export const VAULT_PREFIX = 'vault/';

/** True for a relative, forward-slash path of plain segments: no '..', no drive, no leading '/'. */
export function isSafeArchivePath(name: string): boolean {
  if (name.length === 0 || name.length > MAX_LENGTH) return false;
  const parts = name.split('/');
  if (parts.length > MAX_DEPTH) return false;
  // SEGMENT already refuses '.', '..', empty segments (a leading or doubled '/'), '\', ':' and NUL.
  return parts.every((part) => SEGMENT.test(part) && part !== '.' && part !== '..');
}

/** A vault path that the backup leaves out: half-written temp files, which a crash may leave behind. */
export function isTransientVaultPath(rel: string): boolean {
  return rel === 'tmp' || rel.startsWith('tmp/') || rel.endsWith('.tmp');
}

/** True when `name` is a blob under vault/blobs/: its content must hash to its own name. */
export function blobShaOf(name: string): string | null {
  const m = /^vault\/blobs\/([0-9a-f]{2})\/([0-9a-f]{64})$/.exec(name);
  return m && m[2]?.startsWith(m[1] ?? '') ? (m[2] ?? null) : null;
}

/** True when `name` is a file of a saved page's `_files` folder (vault/pages/<page>/<sha>): it must hash to its name too. */
export function pageResourceShaOf(name: string): string | null {
  return /^vault\/pages\/[0-9a-f]{64}\/([0-9a-f]{64})$/.exec(name)?.[1] ?? null;
}

/** What a restore does with one file under `vault/`. */
export type VaultEntryRule = 'blob' | 'keep' | 'rebuild';

const HEX64 = '[0-9a-f]{64}';
/**
 * The vault's layout, byte-exact: every name the app itself writes, and nothing else. A restore takes
 * only what it can check, so a name that means something else on another OS (`Blobs/`, `blobs./`,
 * `nul`, `CON.txt`) or a file the app never writes is refused rather than carried into the vault.
 */
const LAYOUT: readonly (readonly [RegExp, VaultEntryRule])[] = [
  [new RegExp(`^blobs/[0-9a-f]{2}/${HEX64}$`), 'blob'],
  [new RegExp(`^meta/${HEX64}\\.json$`), 'keep'],
  [/^ocr\/queue\.json$/, 'keep'],
  [new RegExp(`^ocr/${HEX64}\\.json$`), 'keep'],
  // The fields read from each original (fields/service.ts), checked against their schema when read.
  [new RegExp(`^ocr/${HEX64}\\.fields\\.json$`), 'keep'],
  // The buyer's capture time for an original (fields/capture.ts), checked against its schema when read.
  [new RegExp(`^ocr/${HEX64}\\.capture\\.json$`), 'keep'],
  // A multi-step action in flight when the backup was taken; the next start settles it.
  [/^intents\/[0-9a-f]{24}\.json$/, 'keep'],
  [/^audit\/log\.jsonl$/, 'keep'],
  // The export-signing key and the audit HMAC key, sealed as at rest (signing/keys.ts).
  [/^keys\/(?:signing|audit)\.json$/, 'keep'],
  // Holiday years the buyer loaded (设置 → 节假日数据, holidays/service.ts), checked against their schema when read.
  [/^settings\/holidays\.json$/, 'keep'],
  // An HTML save's `_files` folder (vault/pageResources.ts): files named by their hash, checked like blobs.
  [new RegExp(`^pages/${HEX64}/${HEX64}$`), 'blob'],
  [new RegExp(`^pages/${HEX64}/manifest\\.json$`), 'keep'],
  [/^trash\/[0-9a-f]{24}\.(?:entry\.json|blob|meta\.json)$/, 'keep'],
  // quarantineBlob's names: <sha>-<ISO time with : and . as ->-<6 hex>.
  [new RegExp(`^quarantine/${HEX64}-\\d{4}-\\d{2}-\\d{2}T\\d{2}-\\d{2}-\\d{2}-\\d{3}Z-[0-9a-f]{6}$`), 'keep'],
  // Thumbnails and display copies are derived from the blobs: rebuilt after a restore, never trusted.
  [new RegExp(`^derived/(?:thumb|display)/${HEX64}\\.webp$`), 'rebuild'],
  // A video's key frames (video/service.ts) are left out of backups (isRebuiltOnlyPath) and extracted
  // again from the original; an archive that holds them anyway restores without them.
  [new RegExp(`^derived/frames/${HEX64}/(?:f\\d{3}\\.(?:jpg|webp)|frames\\.json)$`), 'rebuild'],
];

/** Derived files too large to be worth archiving: a backup leaves them out and they are rebuilt. */
export function isRebuiltOnlyPath(rel: string): boolean {
  return rel === 'derived/frames' || rel.startsWith('derived/frames/');
}

/** The rule for `rel` (a path below `vault/`), or null when the vault never holds such a file. */
export function vaultEntryRule(rel: string): VaultEntryRule | null {
  for (const [pattern, rule] of LAYOUT) if (pattern.test(rel)) return rule;
  return null;
}

/**
 * The name as a case-insensitive, normalising file system (Windows, macOS) would see it, so that two
 * entries that would land on one file there are refused everywhere.
 */
export function foldedName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

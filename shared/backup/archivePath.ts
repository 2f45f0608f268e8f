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

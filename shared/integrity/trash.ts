// Trash rules: deleted evidence is kept 30 days, then purged. Purging never removes bytes that a live
// record still names, whatever the trash entry says.

export const TRASH_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days until purge, rounded up: an item trashed a minute ago has 30 days left, an expired one 0. */
export function trashDaysLeft(trashedAtMs: number, nowMs: number): number {
  return Math.max(0, Math.ceil((trashedAtMs + TRASH_DAYS * DAY_MS - nowMs) / DAY_MS));
}

export function isTrashExpired(trashedAtMs: number, nowMs: number): boolean {
  return nowMs >= trashedAtMs + TRASH_DAYS * DAY_MS;
}

export type PurgeStep =
  /** No live record names these bytes: the trashed copy is deleted. */
  | 'delete-blob'
  /** A live record names these bytes and the vault lacks them: the copy goes back, not away. */
  | 'return-blob'
  /** A live record names these bytes and the vault still has them: only the spare copy goes. */
  | 'drop-copy';

export function purgeStep(sha256: string, liveSha256: ReadonlySet<string>, inVault: boolean): PurgeStep {
  if (!liveSha256.has(sha256)) return 'delete-blob';
  return inVault ? 'drop-copy' : 'return-blob';
}

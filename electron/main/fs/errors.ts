// The one reader of Node's system error codes. Every "is this ENOENT?" check in main goes through
// here, so a thrown string, a plain object or an error without a code never passes for one.

/** The Node system error code ("ENOSPC"…), or null for errors that are not from the OS. */
export function errorCode(err: unknown): string | null {
  if (typeof err !== 'object' || err === null || !('code' in err)) return null;
  return typeof err.code === 'string' ? err.code : null;
}

/** True for the Node error codes listed; for best-effort steps that may meet a missing or busy file. */
export function hasErrorCode(err: unknown, ...codes: string[]): boolean {
  const code = errorCode(err);
  return code !== null && codes.includes(code);
}

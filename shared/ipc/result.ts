// Every IPC call answers with a Result so the renderer never has to parse thrown Electron errors.

export const ERROR_CODES = [
  'invalid-request',
  'untrusted-sender',
  'unknown-channel',
  'not-found',
  'empty-file',
  'unsupported-type',
  'corrupt-file',
  'too-many-pixels',
  'too-large',
  'disk-full',
  'permission-denied',
  'io',
  'internal',
  'backup-password-required',
  'backup-wrong-password',
  'backup-invalid',
  'backup-damaged',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** The file the error is about, as the user knows it (a name, never a vault path). */
  file?: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T = never>(error: AppError): Result<T> => ({ ok: false, error });

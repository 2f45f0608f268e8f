// Backup failures carry an IPC code and the archive entry they are about, so the renderer can say
// which file in the backup is damaged (a blob by its hash, db.json, the manifest).
import type { AppError, ErrorCode } from '../../../shared/ipc/result';

export class BackupError extends Error {
  override readonly name = 'BackupError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** The archive entry (or archive file name) the failure is about. */
    readonly file?: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

export const damaged = (message: string, file?: string, cause?: unknown): BackupError =>
  new BackupError('backup-damaged', message, file, { cause });
export const invalid = (message: string, file?: string): BackupError => new BackupError('backup-invalid', message, file);

/** A BackupError as the IPC layer reports it; null for anything else (the generic mapping applies). */
export function backupIpcError(err: unknown): AppError | null {
  if (!(err instanceof BackupError)) return null;
  return err.file === undefined ? { code: err.code, message: err.message } : { code: err.code, message: err.message, file: err.file };
}

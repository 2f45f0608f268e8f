// A handler failure that is not about one file (a missing blob, a full disk during reconcile).
import type { AppError } from '../../../shared/ipc/result';
import { describeError } from '../vault';

export function ipcError(err: unknown): AppError {
  const { code, reason } = describeError(err);
  return { code, message: reason };
}

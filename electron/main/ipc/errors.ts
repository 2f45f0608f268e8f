// A handler failure that is not about one file (a missing blob, a full disk during reconcile).
import type { AppError } from '../../../shared/ipc/result';
import { describeError } from '../vault';
import { bundleIpcError } from '../bundle/handlers';
import { backupIpcError } from '../backup/errors';
import { ReminderError } from '../reminders/service';
import { SecretError } from '../secrets/box';
import { CaptureTimeError } from '../fields/service';
import { HolidayFileError } from '../holidays/service';

export function ipcError(err: unknown): AppError {
  // Its message is written for the user (an unknown deadline id), so it passes through as is.
  if (err instanceof ReminderError) return { code: err.code, message: err.message };
  if (err instanceof SecretError) return { code: 'invalid-request', message: err.message };
  if (err instanceof CaptureTimeError || err instanceof HolidayFileError) return { code: 'invalid-request', message: err.message };
  const bundle = bundleIpcError(err);
  if (bundle) return bundle;
  const backup = backupIpcError(err);
  if (backup) return backup;
  const { code, reason } = describeError(err);
  return { code, message: reason };
}

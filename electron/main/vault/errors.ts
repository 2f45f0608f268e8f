// Failures become codes plus plain sentences that name the file as the user knows it. Raw Node and
// libvips messages are never passed on: they carry vault paths and mean nothing to a buyer.
import type { ImportFailure } from '../../../shared/ipc/contract';
import type { ErrorCode } from '../../../shared/ipc/result';
import { errorCode } from '../fs/errors';

/** An expected failure with its code already decided; the IPC layer can forward `code` as is. */
export class VaultError extends Error {
  override readonly name = 'VaultError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DENIED = new Set(['EACCES', 'EPERM', 'EROFS']);
const TOO_LARGE = new Set(['EFBIG', 'ERR_FS_FILE_TOO_LARGE']);

const PIXEL_LIMIT = /exceeds pixel limit/i;
// libvips and sharp's own input errors; all mean the bytes could not be decoded as the image they claim to be.
const IMAGE_DECODE =
  /unsupported image format|corrupt header|premature end|truncat|read error|bad seek|^vips|vipsjpeg|vipspng|^heif|load_buffer|load_source|Input (file|buffer|image)/i;

/**
 * The error's code and a plain sentence about it, without naming any file, so the IPC layer can show it
 * for failures that are not about one file.
 */
export function describeError(err: unknown): { code: ErrorCode; reason: string } {
  if (err instanceof VaultError) return { code: err.code, reason: err.message };
  const sys = errorCode(err);
  if (sys !== null) {
    if (DISK_FULL.has(sys)) return { code: 'disk-full', reason: 'There is not enough disk space.' };
    if (DENIED.has(sys)) return { code: 'permission-denied', reason: 'Permission was denied while reading or writing.' };
    if (sys === 'ENOENT') return { code: 'not-found', reason: 'The file could not be found.' };
    if (TOO_LARGE.has(sys)) return { code: 'too-large', reason: 'The file is too large.' };
    return { code: 'io', reason: `The file could not be read or written (${sys}).` };
  }
  const message = err instanceof Error ? err.message : String(err);
  if (PIXEL_LIMIT.test(message)) {
    return { code: 'too-many-pixels', reason: 'The image has too many pixels to open safely.' };
  }
  if (IMAGE_DECODE.test(message)) {
    return { code: 'corrupt-file', reason: 'The image is damaged, truncated or not a valid image.' };
  }
  return { code: 'internal', reason: 'An unexpected error occurred.' };
}

/** Maps any thrown value to a per-file failure; `file` is the user-visible name, never a vault path. */
export function toAppError(err: unknown, file: string): ImportFailure {
  const { code, reason } = describeError(err);
  return { code, file, message: `${file}: ${reason}` };
}

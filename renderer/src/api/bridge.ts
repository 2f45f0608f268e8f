// The renderer's only door to main: the preload's capability object, typed by the shared contract.
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { AppError, Result } from '../../../shared/ipc/result';

declare global {
  interface Window {
    liuzheng: LiuZhengApi;
  }
}

export class AppErrorException extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
  }
}

export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const res = await pending;
  if (!res.ok) throw new AppErrorException(res.error);
  return res.value;
}

export function asAppError(err: unknown): AppError {
  if (err instanceof AppErrorException) return err.appError;
  return { code: 'internal', message: err instanceof Error ? err.message : String(err) };
}

// Why a video's frames could not be made, named by the file, in words for the item's page. The
// original is never touched by any of these: it stays stored, hashed and listed.
import type { VideoErrorCode } from '../../../shared/video/contract';
import { FfmpegMissingError, FfmpegRunError } from './ffmpeg';

export class VideoError extends Error {
  override name = 'VideoError';
  constructor(
    readonly code: VideoErrorCode,
    readonly file: string,
    readonly detail: string,
  ) {
    super(`${file}: ${detail}`);
  }
}

export interface DescribedError {
  code: VideoErrorCode;
  message: string;
}

export function describeVideoError(err: unknown, file: string): DescribedError {
  if (err instanceof VideoError) return { code: err.code, message: err.message };
  if (err instanceof FfmpegMissingError) return { code: 'no-decoder', message: `${file}: ${err.message}` };
  if (err instanceof FfmpegRunError) return { code: err.reason === 'timeout' ? 'timeout' : 'undecodable', message: `${file}: ${err.message}` };
  return { code: 'failed', message: `${file}: ${err instanceof Error ? err.message : String(err)}` };
}

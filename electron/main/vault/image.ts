// Decoding and derived copies with sharp. limitInputPixels stays at its default so a tiny file that
// claims 30000×30000 pixels is refused before any memory is committed to it.
import sharp from 'sharp';
import type { SharpOptions } from 'sharp';
import { errorCode } from '../fs/errors';
import { VaultError } from './errors';

// libvips otherwise keeps recently decoded files open, which on Windows blocks renaming or deleting
// them (temp files, trash). The memory cache stays on.
sharp.cache({ files: 0 });

export const THUMB_SIZE = 360;
export const DISPLAY_LONG_SIDE = 2560;
/** Tall phone screenshots stay readable at phone width rather than shrinking to a sliver. */
export const DISPLAY_MIN_WIDTH = 1080;
/** The WebP format cannot store a side longer than this. */
export const WEBP_MAX_SIDE = 16383;

// 'error' stops on truncated or broken pixel data, which is what a damaged screenshot looks like;
// 'warning' would also refuse legitimate photos with harmless encoder quirks.
const DECODE: SharpOptions = { failOn: 'error', autoOrient: true };

export interface ImageProbe {
  /** sharp's format name: "jpeg", "png", "webp", "gif", "tiff", "heif"… */
  format: string;
  /** As displayed, after EXIF orientation. */
  width: number;
  height: number;
  exif: Buffer | null;
}

export interface RenderedImage extends ImageProbe {
  thumb: Buffer;
  display: Buffer;
}

/** The display copy's size: long side ≤ 2560, but tall images keep up to 1080 px of width. */
export function displaySize(width: number, height: number): { width: number; height: number } {
  const long = Math.max(width, height);
  let scale = Math.min(1, DISPLAY_LONG_SIDE / long);
  if (height > width) scale = Math.max(scale, Math.min(1, DISPLAY_MIN_WIDTH / width));
  scale = Math.min(scale, WEBP_MAX_SIDE / long);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

export function isPixelLimitError(err: unknown): boolean {
  return err instanceof Error && /exceeds pixel limit/i.test(err.message);
}

/** Gives sharp's failures their codes; file-system errors keep theirs for toAppError. */
function asImageError(err: unknown): unknown {
  if (err instanceof VaultError || errorCode(err) !== null) return err;
  if (isPixelLimitError(err)) {
    return new VaultError('too-many-pixels', 'The image has too many pixels to open safely (a possible decompression bomb).', { cause: err });
  }
  return new VaultError('corrupt-file', 'This is not a valid image, or it is damaged or truncated.', { cause: err });
}

/** Header-only read; throws for a pixel bomb because the limit is checked against the header. */
export async function probeImage(file: string | Buffer): Promise<ImageProbe> {
  try {
    const meta = await sharp(file, DECODE).metadata();
    return { format: meta.format, width: meta.autoOrient.width, height: meta.autoOrient.height, exif: meta.exif ?? null };
  } catch (err) {
    throw asImageError(err);
  }
}

/** Fully decodes the image (so truncation is caught) and renders both derived copies. */
export async function renderImage(file: string | Buffer): Promise<RenderedImage> {
  const probe = await probeImage(file);
  try {
    const size = displaySize(probe.width, probe.height);
    const display = await sharp(file, DECODE).resize(size.width, size.height, { fit: 'fill' }).webp({ quality: 82 }).toBuffer();
    // The display copy is already upright, smaller and known-good; deriving from it is much cheaper.
    const thumb = await sharp(display)
      .resize(THUMB_SIZE, THUMB_SIZE, { fit: 'inside', withoutEnlargement: true })
      .webp({ quality: 75 })
      .toBuffer();
    return { ...probe, thumb, display };
  } catch (err) {
    throw asImageError(err);
  }
}

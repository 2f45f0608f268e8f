// Turns a staged original into its BlobInfo and derived copies. Shared by import (from tmp/) and by
// reconcile (from blobs/, when a sidecar is lost), so both describe a file the same way.
import type { BlobInfo } from '../../../shared/domain/evidence';
import { resolveCaptureTime } from './capture';
import type { Detected } from './detect';
import { detectType } from './detect';
import type { ImageProbe } from './image';
import { VaultError } from './errors';
import { probeImage, renderImage } from './image';
import { readDurationSec } from './media';
import { isPageFormat, pageCaptureTime, readPageFile } from './page';
import type { PageProvenance } from '../../../shared/webpage/provenance';
import type { PageSource } from '../webpage/render';

/** Renders a saved page (scripts off, network blocked) to a full-page PNG; absent where there is no browser (the CLI). */
export type PagePreviewer = (source: PageSource) => Promise<Buffer>;

export interface DescribeInput {
  file: string;
  sha256: string;
  size: number;
  head: Uint8Array;
  /** The user-visible name, recorded as originalName. */
  name: string;
  mtimeMs: number | null;
  clipboard: boolean;
  now: Date;
  /** Files of an HTML save's `_files` folder, already in the vault. */
  pageResources?: PageSource['resources'];
  pageResourceFolder?: string;
  previewPage?: PagePreviewer;
}

export interface Described {
  blob: BlobInfo;
  thumb: Buffer | null;
  display: Buffer | null;
}

interface Pixels {
  probe: ImageProbe | null;
  thumb: Buffer | null;
  display: Buffer | null;
}

async function describeImage(file: string, detected: Detected): Promise<Pixels> {
  try {
    const { thumb, display, ...probe } = await renderImage(file);
    return { probe, thumb, display };
  } catch (err) {
    // The prebuilt libvips cannot decode HEVC (patents), so iPhone HEIC photos would be refused.
    // They are real evidence: keep the original, without a preview, rather than turn the buyer away.
    if (detected.format !== 'heic' || (err instanceof VaultError && err.code === 'too-many-pixels')) throw err;
    const probe = await probeImage(file).catch(() => null);
    return { probe, thumb: null, display: null };
  }
}

/** A page's pixels come from rendering it; a page that cannot be rendered is still stored, without a preview. */
async function describePage(input: DescribeInput, format: PageSource['format']): Promise<Pixels> {
  if (!input.previewPage) return { probe: null, thumb: null, display: null };
  try {
    const png = await input.previewPage({ file: input.file, format, ...(input.pageResources ? { resources: input.pageResources } : {}), ...(input.pageResourceFolder ? { resourceFolder: input.pageResourceFolder } : {}) });
    const { thumb, display } = await renderImage(png);
    return { probe: null, thumb, display };
  } catch (err) {
    console.error('[page] preview failed', err instanceof Error ? err.message : err);
    return { probe: null, thumb: null, display: null };
  }
}

export async function describeFile(input: DescribeInput): Promise<Described> {
  const detected = detectType(input.head, input.name);
  let pixels: Pixels = { probe: null, thumb: null, display: null };
  let page: PageProvenance | undefined;
  if (detected.mediaType === 'image') pixels = await describeImage(input.file, detected);
  if (detected.mediaType === 'page' && isPageFormat(detected.format)) {
    // Read first: a damaged page is refused by name before anything is rendered.
    page = (await readPageFile(input.file, detected.format, input.pageResources?.length ?? 0)).provenance;
    pixels = await describePage(input, detected.format);
  }
  const timed = detected.mediaType === 'video' || detected.mediaType === 'audio';
  const durationSec = timed ? await readDurationSec(input.file, detected) : null;
  const { capturedAt, captureSource } = (page && pageCaptureTime(page, input.now)) ?? resolveCaptureTime({
    name: input.name,
    exif: pixels.probe?.exif ?? null,
    mtimeMs: input.mtimeMs,
    clipboard: input.clipboard,
    now: input.now,
  });
  const blob: BlobInfo = {
    sha256: input.sha256,
    size: input.size,
    originalName: input.name,
    mime: detected.mime,
    mediaType: detected.mediaType,
    format: pixels.probe?.format ?? detected.format,
    width: pixels.probe?.width ?? null,
    height: pixels.probe?.height ?? null,
    durationSec,
    capturedAt,
    captureSource,
    hasThumbnail: pixels.thumb !== null,
    ...(page ? { page } : {}),
  };
  return { blob, thumb: pixels.thumb, display: pixels.display };
}

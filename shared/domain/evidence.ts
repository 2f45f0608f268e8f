// Evidence vocabulary shared by main (which stores blobs) and the renderer (which keeps records).
import type { PageProvenance } from '../webpage/provenance';

export const EVIDENCE_KINDS = ['order', 'payment', 'chat', 'policy', 'defect', 'video', 'audio', 'logistics', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** `page`: a saved web page (MHTML, or HTML with its `_files` folder). */
export const MEDIA_TYPES = ['image', 'video', 'audio', 'text', 'document', 'page'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * Where a capture time came from. exif, filename and statusbar are written by the phone at capture
 * and user is the buyer's own statement (e.g. from the gallery's details): these are trusted. A
 * clipboard time is the paste (the pasted screenshot may be old), mtime is reset by every copy, and
 * import is the moment of import: these are weak, and nothing resolved against them is exact. file is
 * the save time a saved web page records about itself (an MHTML `Date` header): trusted.
 */
export const CAPTURE_SOURCES = ['exif', 'filename', 'statusbar', 'user', 'file', 'mtime', 'clipboard', 'import'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export const TRUSTED_CAPTURE_SOURCES = ['exif', 'filename', 'statusbar', 'user', 'file'] as const satisfies readonly CaptureSource[];
export type CaptureTrust = 'trusted' | 'weak';

export function captureTrust(source: CaptureSource): CaptureTrust {
  return (TRUSTED_CAPTURE_SOURCES as readonly CaptureSource[]).includes(source) ? 'trusted' : 'weak';
}

/** `capture`: 抓取网页, a live page the buyer captured from inside the app. */
export const IMPORT_SOURCES = ['dialog', 'folder', 'drop', 'clipboard', 'recovered', 'capture'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** What main learns about a stored original. Immutable once the blob is written. */
export interface BlobInfo {
  sha256: string;
  size: number;
  originalName: string;
  mime: string;
  mediaType: MediaType;
  /** Image format as sharp reports it ("png", "jpeg"…), or the file extension otherwise. */
  format: string;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  /** Local Asia/Shanghai "YYYY-MM-DDTHH:mm:ss". */
  capturedAt: string;
  captureSource: CaptureSource;
  hasThumbnail: boolean;
  /** A saved web page's own account of where and when it was saved; absent for every other kind. */
  page?: PageProvenance;
}

export interface EvidenceRecord extends BlobInfo {
  id: string;
  caseId: string;
  kind: EvidenceKind;
  title: string;
  note: string;
  importedAt: string;
  importSource: ImportSource;
  /**
   * A video's key frames the buyer chose for the bundle, by offset in seconds; absent, the frames
   * main suggested (those with error text, scene changes, start and end) are used.
   */
  frames?: number[];
}

// Evidence vocabulary shared by main (which stores blobs) and the renderer (which keeps records).

export const EVIDENCE_KINDS = ['order', 'payment', 'chat', 'policy', 'defect', 'video', 'audio', 'logistics', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const MEDIA_TYPES = ['image', 'video', 'audio', 'text', 'document'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/** Where a capture time came from, best first. */
export const CAPTURE_SOURCES = ['exif', 'filename', 'mtime', 'clipboard', 'import'] as const;
export type CaptureSource = (typeof CAPTURE_SOURCES)[number];

export const IMPORT_SOURCES = ['dialog', 'folder', 'drop', 'clipboard', 'recovered'] as const;
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

// IPC contract of the vault: importing originals, reading their derived images, opening copies,
// reconciling after a crash. Channels `vault:*`.
import type { BlobInfo, ImportSource } from '../domain/evidence';
import type { AppError } from '../ipc/result';

export interface CaseTarget {
  caseId: string;
}

export interface DroppedFile {
  /** Path relative to the drop root ("folder/sub/a.png") or the bare file name. */
  name: string;
  lastModified: number;
  bytes: Uint8Array;
}

export interface DroppedFilesRequest extends CaseTarget {
  files: DroppedFile[];
}

export interface ClipboardImageRequest extends CaseTarget {
  bytes: Uint8Array;
  mime: string;
}

export interface ImportedItem {
  blob: BlobInfo;
  source: ImportSource;
  /** True when these bytes were already in the vault: nothing new was written. */
  alreadyStored: boolean;
}

export interface ImportFailure extends AppError {
  file: string;
}

export interface ImportBatch {
  batchId: string;
  cancelled: boolean;
  items: ImportedItem[];
  failures: ImportFailure[];
}

export interface ImportProgress {
  batchId: string;
  done: number;
  total: number;
  file: string;
}

export interface BlobRef {
  sha256: string;
}

export interface DisplayImage {
  bytes: Uint8Array;
  mime: string;
}

export interface OpenRequest extends BlobRef {
  originalName: string;
}

export interface OrphanBlob {
  blob: BlobInfo;
  /** The case the interrupted import was meant for, if it was recorded. */
  intendedCaseId: string | null;
  importedAt: string;
}

export interface ReconcileRequest {
  knownSha256: string[];
}

export interface ReconcileReport {
  /** Blobs with no record: an import was interrupted after the write. The renderer re-adopts them. */
  orphans: OrphanBlob[];
  /** Records whose original is gone from disk. Reported, never silently dropped. */
  missing: string[];
  /** Half-written temp files from a crash, removed. */
  removedTempFiles: number;
  /** Thumbnails or display copies that were missing and were rebuilt. */
  rebuiltDerived: number;
}

export interface VaultInfo {
  vaultDir: string;
  blobCount: number;
  totalBytes: number;
}

export type VaultApi = {
  'vault:importFiles': (req: CaseTarget) => Promise<ImportBatch>;
  'vault:importFolder': (req: CaseTarget) => Promise<ImportBatch>;
  'vault:importDropped': (req: DroppedFilesRequest) => Promise<ImportBatch>;
  'vault:importClipboardImage': (req: ClipboardImageRequest) => Promise<ImportBatch>;
  'vault:readThumbnail': (req: BlobRef) => Promise<Uint8Array>;
  'vault:readDisplay': (req: BlobRef) => Promise<DisplayImage>;
  'vault:openEvidence': (req: OpenRequest) => Promise<void>;
  'vault:reconcile': (req: ReconcileRequest) => Promise<ReconcileReport>;
  'vault:info': (req: Record<string, never>) => Promise<VaultInfo>;
};

export type VaultEvents = {
  'vault:importProgress': ImportProgress;
};

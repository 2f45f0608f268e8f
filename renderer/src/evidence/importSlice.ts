import { planImport, type DuplicateNotice } from '../../../shared/domain/importPlan';
import type { DroppedFile, ImportBatch, ImportFailure, ImportProgress } from '../../../shared/ipc/contract';
import type { Result } from '../../../shared/ipc/result';
import { searchInput } from '../../../shared/search/document';
import type { Slice, StoreDeps } from '../store/types';

export type ImportMethod =
  | { via: 'files' }
  | { via: 'folder' }
  | { via: 'dropped'; files: DroppedFile[] }
  | { via: 'clipboard'; bytes: Uint8Array; mime: string }
  /** 抓取网页: the buyer confirmed the notice before this is called. */
  | { via: 'capture'; url: string };

export interface ImportReport {
  added: number;
  duplicates: DuplicateNotice[];
  failures: ImportFailure[];
  cancelled: boolean;
}

export interface ImportSlice {
  importing: boolean;
  progress: ImportProgress | null;
  report: ImportReport | null;
  importInto: (caseId: string, method: ImportMethod) => Promise<ImportReport>;
  setProgress: (p: ImportProgress | null) => void;
  dismissReport: () => void;
}

/** IPC messages stay well under Chromium's limits and one bad chunk cannot sink a whole drop. */
const CHUNK_BYTES = 64 * 1024 * 1024;
const CHUNK_FILES = 50;

export function chunkFiles(files: DroppedFile[]): DroppedFile[][] {
  const chunks: DroppedFile[][] = [];
  let current: DroppedFile[] = [];
  let size = 0;
  for (const f of files) {
    if (current.length > 0 && (size + f.bytes.byteLength > CHUNK_BYTES || current.length >= CHUNK_FILES)) {
      chunks.push(current);
      current = [];
      size = 0;
    }
    current.push(f);
    size += f.bytes.byteLength;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

async function callMain(deps: StoreDeps, caseId: string, method: ImportMethod): Promise<Result<ImportBatch>[]> {
  switch (method.via) {
    case 'files':
      return [await deps.api.importFiles({ caseId })];
    case 'folder':
      return [await deps.api.importFolder({ caseId })];
    case 'clipboard':
      return [await deps.api.importClipboardImage({ caseId, bytes: method.bytes, mime: method.mime })];
    case 'capture':
      return [await deps.api.captureWebPage({ caseId, url: method.url, confirmed: true })];
    case 'dropped': {
      const results: Result<ImportBatch>[] = [];
      for (const files of chunkFiles(method.files)) results.push(await deps.api.importDropped({ caseId, files }));
      return results;
    }
  }
}

export const importSlice: Slice<ImportSlice> = (deps) => (set, get) => ({
  importing: false,
  progress: null,
  report: null,

  async importInto(caseId, method) {
    set({ importing: true, progress: null });
    const report: ImportReport = { added: 0, duplicates: [], failures: [], cancelled: false };
    try {
      for (const res of await callMain(deps, caseId, method)) {
        if (!res.ok) {
          report.failures.push({ ...res.error, file: res.error.file ?? '' });
          continue;
        }
        report.cancelled ||= res.value.cancelled;
        const existing = await deps.repo.findBySha(res.value.items.map((i) => i.blob.sha256));
        const now = deps.now();
        const caseTitle = get().cases.find((c) => c.id === caseId)?.title ?? '';
        const plan = planImport(res.value, caseId, existing, { now, newId: deps.newId, caseTitle });
        if (plan.records.length > 0) {
          await deps.repo.addEvidence(plan.records, plan.events, [caseId], now);
          // Searchable by title at once; fields and their text come from main when it has read them.
          // Screenshots are asked for too: OCR may have finished before these records were written.
          await deps.search.upsertMany(plan.records.map((r) => searchInput(r, undefined)));
          void get().ingestEvidence(plan.records);
        }
        report.added += plan.records.length;
        report.duplicates.push(...plan.duplicates);
        report.failures.push(...plan.failures);
      }
    } finally {
      set({ importing: false, progress: null });
    }
    // A capture that failed says why in its own dialog; a toast without a file name would only repeat it.
    const failedCapture = method.via === 'capture' && report.added === 0 && report.duplicates.length === 0;
    const quiet = failedCapture || (report.cancelled && report.added === 0 && report.failures.length === 0 && report.duplicates.length === 0);
    set({ report: quiet ? null : report });
    await Promise.all([get().refreshCase(), get().loadCases()]);
    return report;
  },

  setProgress: (progress) => set({ progress }),
  dismissReport: () => set({ report: null }),
});

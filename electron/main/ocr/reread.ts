// "Re-read all evidence with the new engine" (issue 11): every image in the vault that the current
// engine has not read yet (results from tesseract.js, before PP-OCR arrived or from its fallback) is
// put back on the background queue, which reads, stores and re-extracts it like any other file; the
// buyer's corrections live with the fields in the renderer, keyed by what was read, and stay. The
// queue's own progress events show how far it is; cancelling stops every file still waiting.
import { readdir } from 'node:fs/promises';
import type { OcrRereadReport } from '../../../shared/ocr/contract';
import { hasErrorCode } from '../fs/errors';
import { isSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import type { OcrService } from './queue';
import type { OcrEngineKind } from './engine';

export interface OcrReread {
  /** Queues every vault image not yet read by `engine`; files already waiting are left as they are. */
  start(engine: OcrEngineKind): Promise<OcrRereadReport>;
  /** Cancels every file waiting or being read; returns how many. */
  cancelAll(): Promise<number>;
}

/** Originals in the vault, by their sidecars (meta/<sha>.json); trashed items have none there. */
async function vaultShas(metaDir: string): Promise<string[]> {
  try {
    return (await readdir(metaDir)).map((n) => n.replace(/\.json$/, '')).filter(isSha256).sort();
  } catch (err) {
    if (hasErrorCode(err, 'ENOENT')) return [];
    throw err;
  }
}

export function createOcrReread(ocr: OcrService, vaultDir: string): OcrReread {
  const layout = vaultLayout(vaultDir);
  return {
    async start(engine) {
      const report: OcrRereadReport = { queued: 0, current: 0, waiting: 0 };
      const active = new Set((await ocr.status()).items.filter((i) => i.state === 'pending' || i.state === 'running').map((i) => i.sha256));
      for (const sha of await vaultShas(layout.metaDir)) {
        const sidecar = await readSidecar(layout, sha).catch(() => null);
        if (sidecar?.blob.mediaType !== 'image') continue;
        if (active.has(sha)) {
          report.waiting++;
          continue;
        }
        const result = await ocr.result(sha);
        if (result?.kind === engine) {
          report.current++;
          continue;
        }
        await ocr.retry(sha);
        report.queued++;
      }
      return report;
    },
    async cancelAll() {
      const items = (await ocr.status()).items;
      // Waiting files first: cancelling a running one frees its worker for the next file in line.
      const active = [...items.filter((i) => i.state === 'pending'), ...items.filter((i) => i.state === 'running')];
      for (const item of active) await ocr.cancel(item.sha256);
      return active.length;
    },
  };
}

// 校验证据库: re-hashes every original the renderer's records name and compares. It only reads;
// the repairs it offers are separate, explicit calls (reconcile for orphans and thumbnails,
// quarantine for a mismatched original once the buyer confirms).
import { randomBytes } from 'node:crypto';
import { mkdir, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CheckMismatch, CheckRecord, OrphanSummary, VaultCheckProgress, VaultCheckReport } from '../../../shared/integrity/contract';
import { hasDerived } from '../vault/derived';
import { VaultError } from '../vault/errors';
import { assertSha256, type VaultLayout } from '../vault/layout';
import { listBlobs } from '../vault/reconcile';
import { readSidecar } from '../vault/sidecar';
import { exists } from '../vault/store';
import { fsyncDir } from '../fs/atomic';
import { hashFile } from '../fs/hash';
import type { AuditRecorder } from './audit';

/** Emits at most this often, so a vault of 10k small files does not flood the renderer. */
const PROGRESS_MS = 100;

export async function checkVault(
  layout: VaultLayout,
  records: readonly CheckRecord[],
  opts: { runId: string; signal: AbortSignal; onProgress: (p: VaultCheckProgress) => void },
): Promise<VaultCheckReport> {
  const bySha = new Map<string, CheckRecord[]>();
  for (const r of records) bySha.set(r.sha256, [...(bySha.get(r.sha256) ?? []), r]);
  const blobs = await listBlobs(layout);
  const total = bySha.size;
  const report: VaultCheckReport = { runId: opts.runId, cancelled: false, total, checked: 0, matched: 0, mismatches: [], missing: [], orphans: [], derivedMissing: 0 };
  let lastEmit = 0;
  const progress = (force = false) => {
    const t = Date.now();
    if (!force && t - lastEmit < PROGRESS_MS) return;
    lastEmit = t;
    opts.onProgress({ runId: opts.runId, done: report.checked, total });
  };
  progress(true);

  for (const [sha, named] of bySha) {
    if (opts.signal.aborted) {
      report.cancelled = true;
      break;
    }
    const file = blobs.get(sha);
    if (file === undefined) {
      report.missing.push(...named);
    } else {
      let actual: string;
      try {
        actual = await hashFile(file, opts.signal);
      } catch (err) {
        if (opts.signal.aborted) {
          report.cancelled = true;
          break;
        }
        // Unreadable bytes are as good as gone; say so rather than stop the whole check.
        void err;
        report.missing.push(...named);
        report.checked += 1;
        continue;
      }
      if (actual === sha) report.matched += 1;
      else report.mismatches.push({ sha256: sha, actual, records: named } satisfies CheckMismatch);
      if (!(await exists(layout.thumb(sha))) || !(await exists(layout.display(sha)))) {
        const sidecar = await readSidecar(layout, sha);
        if (sidecar && hasDerived(sidecar.blob)) report.derivedMissing += 1;
      }
    }
    report.checked += 1;
    progress();
  }

  if (!report.cancelled) {
    for (const [sha] of blobs) {
      if (bySha.has(sha)) continue;
      const sidecar = await readSidecar(layout, sha);
      report.orphans.push({ sha256: sha, originalName: sidecar?.blob.originalName ?? `recovered-${sha.slice(0, 12)}`, size: sidecar?.blob.size ?? 0 } satisfies OrphanSummary);
    }
  }
  progress(true);
  return report;
}

/**
 * Moves `file`, whose bytes no longer hash to `sha`, into quarantine/ under a name of its own (kept
 * forever, never deleted): from blobs/ after a vault check, or from the trash on a restore.
 */
export async function moveToQuarantine(layout: VaultLayout, file: string, sha: string, now: Date): Promise<void> {
  const dir = path.join(layout.root, 'quarantine');
  await mkdir(dir, { recursive: true });
  const stamp = now.toISOString().replace(/[:.]/g, '-');
  await rename(file, path.join(dir, `${sha}-${stamp}-${randomBytes(3).toString('hex')}`));
  await fsyncDir(dir);
  await fsyncDir(path.dirname(file));
}

/**
 * Moves an original whose bytes no longer match its name out of blobs/ into quarantine/, kept
 * forever. Refuses when the bytes match again: nothing is moved on a stale report.
 */
export async function quarantineBlob(layout: VaultLayout, sha: string, audit: AuditRecorder, now: Date, caseId: string | null): Promise<void> {
  const file = layout.blob(assertSha256(sha));
  if (!(await exists(file))) throw new VaultError('not-found', 'The original is no longer in the vault.');
  if ((await hashFile(file)) === sha) throw new VaultError('invalid-request', 'This original matches its hash again; it was not moved.');
  await moveToQuarantine(layout, file, sha, now);
  await rm(layout.thumb(sha), { force: true });
  await rm(layout.display(sha), { force: true });
  await audit.record({ action: 'quarantine', caseId, evidenceId: null, sha256: sha, detail: '原件与其 SHA-256 不符，已移入 quarantine/（未删除）' });
}

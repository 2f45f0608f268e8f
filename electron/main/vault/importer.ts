// One file at a time through: stage (hash into tmp/) → dedupe → describe → derived copies → sidecar →
// blob. Each file fails alone; the batch goes on and reports the failure by the user's name for it.
import { randomUUID } from 'node:crypto';
import { rm, stat } from 'node:fs/promises';
import type { ImportBatch, ImportedItem, ImportFailure, ImportProgress } from '../../../shared/ipc/contract';
import type { ImportSource } from '../../../shared/domain/evidence';
import { describeFile, type PagePreviewer } from './describe';
import { VaultError, toAppError } from './errors';
import type { VaultLayout } from './layout';
import { ensureDerived } from './derived';
import { readSidecar, removeSidecar, writeSidecar } from './sidecar';
import type { Staged } from './store';
import { commitBlob, exists, stageFromBytes, stageFromPath, writeDerived } from './store';
import { stageResources, storeResources, type ResourceInput, type StagedResource } from './pageResources';

export type ImportInput = (
  | { name: string; path: string }
  | { name: string; bytes: Uint8Array; lastModified: number }
) & {
  /** An HTML save's `_files` folder, imported with it as part of the one item. */
  resources?: ResourceInput[];
  resourceFolder?: string;
};

export interface ImportContext {
  layout: VaultLayout;
  now: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Renders saved pages for their preview; absent in the CLI. */
  previewPage?: PagePreviewer;
}

interface Stored {
  staged: Staged;
  mtimeMs: number | null;
}

async function stageInput(ctx: ImportContext, input: ImportInput): Promise<Stored> {
  if ('path' in input) {
    const info = await stat(input.path);
    if (info.isDirectory()) throw new VaultError('unsupported-type', 'This is a folder; use “import folder” for folders.');
    if (!info.isFile()) throw new VaultError('unsupported-type', 'This is not a regular file.');
    if (info.size === 0) throw new VaultError('empty-file', 'The file is empty (0 bytes).');
    return { staged: await stageFromPath(ctx.layout, input.path), mtimeMs: info.mtimeMs };
  }
  if (input.bytes.byteLength === 0) throw new VaultError('empty-file', 'The file is empty (0 bytes).');
  // Browsers report 0 when they do not know a file's time.
  const mtimeMs = input.lastModified > 0 ? input.lastModified : null;
  return { staged: await stageFromBytes(ctx.layout, input.bytes), mtimeMs };
}

async function importOne(ctx: ImportContext, input: ImportInput, caseId: string, clipboard: boolean): Promise<Omit<ImportedItem, 'source'>> {
  const { layout } = ctx;
  const { staged, mtimeMs } = await stageInput(ctx, input);
  const sha = staged.sha256;
  const wrote = { sidecar: false, derived: false };
  let resources: StagedResource[] = [];
  try {
    // Re-checked after staging: the source may have been truncated while we read it.
    if (staged.size === 0) throw new VaultError('empty-file', 'The file is empty (0 bytes).');
    const now = ctx.now();
    resources = input.resources && input.resources.length > 0 ? await stageResources(layout, input.resources) : [];
    const folder = input.resourceFolder ?? '';
    const describeInput = {
      file: staged.tmpPath,
      sha256: sha,
      size: staged.size,
      head: staged.head,
      name: input.name,
      mtimeMs,
      clipboard,
      now,
      ...(ctx.previewPage ? { previewPage: ctx.previewPage } : {}),
      ...(resources.length > 0 ? { pageResources: resources.map((r) => ({ name: r.name, file: r.staged.tmpPath })), pageResourceFolder: folder } : {}),
    };

    if (await exists(layout.blob(sha))) {
      const known = await readSidecar(layout, sha);
      if (known !== null) {
        // Derived copies are a cache; a duplicate import is a cheap moment to heal a lost one.
        await ensureDerived(layout, known.blob, ctx.previewPage).catch(() => 0);
        return { blob: known.blob, alreadyStored: true };
      }
      // The blob survived but its sidecar did not: describe the identical staged bytes to restore it.
      const repaired = await describeFile(describeInput);
      await writeDerivedCopies(layout, sha, repaired.thumb, repaired.display);
      await writeSidecar(layout, { blob: repaired.blob, intendedCaseId: caseId, importedAt: now.toISOString() });
      return { blob: repaired.blob, alreadyStored: true };
    }

    const described = await describeFile(describeInput);
    if (described.blob.mediaType === 'page') await storeResources(layout, sha, folder, resources);
    wrote.derived = true;
    await writeDerivedCopies(layout, sha, described.thumb, described.display);
    wrote.sidecar = true;
    await writeSidecar(layout, { blob: described.blob, intendedCaseId: caseId, importedAt: now.toISOString() });
    const committed = await commitBlob(layout, staged);
    // Another process stored the same bytes meanwhile; ours were dropped, theirs are identical.
    return { blob: described.blob, alreadyStored: !committed };
  } catch (err) {
    if ((wrote.sidecar || wrote.derived) && !(await exists(layout.blob(sha)).catch(() => true))) {
      await removeOwnLeftovers(layout, sha, wrote.sidecar);
    }
    throw err;
  } finally {
    await rm(staged.tmpPath, { force: true });
    await Promise.all(resources.map((r) => rm(r.staged.tmpPath, { force: true })));
  }
}

async function writeDerivedCopies(layout: VaultLayout, sha: string, thumb: Buffer | null, display: Buffer | null): Promise<void> {
  if (thumb !== null) await writeDerived(layout, layout.thumb(sha), thumb);
  if (display !== null) await writeDerived(layout, layout.display(sha), display);
}

/** Best effort: anything left behind is stale and reconcile removes it later anyway. */
async function removeOwnLeftovers(layout: VaultLayout, sha: string, sidecar: boolean): Promise<void> {
  const jobs = [rm(layout.thumb(sha), { force: true }), rm(layout.display(sha), { force: true })];
  if (sidecar) jobs.push(removeSidecar(layout, sha));
  await Promise.allSettled(jobs);
}

export async function importBatch(
  ctx: ImportContext,
  caseId: string,
  inputs: ImportInput[],
  source: ImportSource,
  earlyFailures: ImportFailure[] = [],
  /** Set when the vault itself is unusable: every file then fails with this cause. */
  blocked?: { err: unknown },
): Promise<ImportBatch> {
  const batchId = randomUUID();
  const items: ImportedItem[] = [];
  const failures: ImportFailure[] = [...earlyFailures];
  const clipboard = source === 'clipboard';
  for (const [index, input] of inputs.entries()) {
    try {
      if (blocked !== undefined) throw blocked.err;
      const item = await importOne(ctx, input, caseId, clipboard);
      items.push({ ...item, source });
    } catch (err) {
      failures.push(toAppError(err, input.name));
    }
    ctx.onProgress?.({ batchId, done: index + 1, total: inputs.length, file: input.name });
  }
  return { batchId, cancelled: false, items, failures };
}

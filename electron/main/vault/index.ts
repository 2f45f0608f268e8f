// The vault service: pure Node (no electron import) so the app, the CLI and the tests share it.
// Every mutating call runs one at a time: reconcile empties tmp/, which must not race an import.
import { readFile, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { DisplayImage, ImportBatch, ImportFailure, ImportProgress, ReconcileReport, VaultInfo } from '../../../shared/ipc/contract';
import type { ImportSource } from '../../../shared/domain/evidence';
import type { PagePreviewer } from './describe';
import { ensureDerived, hasDerived } from './derived';
import { hasErrorCode } from '../fs/errors';
import { createSerial } from '../../../shared/async/serial';
import { VaultError } from './errors';
import type { ImportInput } from './importer';
import { importBatch } from './importer';
import { assertSha256, ensureLayout, vaultLayout } from './layout';
import { prepareOpenCopy } from './open';
import { listBlobs, reconcileVault } from './reconcile';
import { readSidecar } from './sidecar';
import { exists } from './store';
import { walkFolder } from './walk';
import { groupSavedPages, resourceFolderNames } from '../../../shared/webpage/savedFolder';
import type { ResourceSource } from './pageResources';

/** Pages keep their place in the list; the files of their `_files` folders leave it and go with them. */
function withPageFolders<T extends { name: string }>(items: readonly T[], toInput: (item: T) => ImportInput, source: (item: T) => ResourceSource): ImportInput[] {
  const { pages } = groupSavedPages(items);
  const byPage = new Map(pages.map((g) => [g.page, g]));
  const claimed = new Set(pages.flatMap((g) => g.resources.map((r) => r.input)));
  return items.flatMap((item) => {
    if (claimed.has(item)) return [];
    const group = byPage.get(item);
    if (!group || group.resources.length === 0) return [toInput(item)];
    return [{ ...toInput(item), resources: group.resources.map((r) => ({ name: r.path, source: source(r.input) })), resourceFolder: group.folder }];
  });
}

/** A page picked in the file dialog brings the `_files` folder saved beside it, if there is one. */
async function withSiblingFolder(file: string): Promise<ImportInput> {
  const input = { name: path.basename(file) || file, path: file };
  for (const folder of resourceFolderNames(input.name)) {
    const walked = await walkFolder(path.join(path.dirname(file), folder));
    if (walked.files.length === 0) continue;
    return { ...input, resources: walked.files.map((f) => ({ name: f.name.split('/').slice(1).join('/'), source: { path: f.path } })), resourceFolder: folder };
  }
  return input;
}

export { describeError, toAppError, VaultError } from './errors';

export interface VaultServiceOptions {
  vaultDir: string;
  now?: () => Date;
  onProgress?: (progress: ImportProgress) => void;
  /** Where prepareOpen puts read-only copies; the Electron glue passes a folder under app temp. */
  tempDir?: string;
  /** Renders saved web pages for their preview and thumbnail (scripts off, network blocked). */
  previewPage?: PagePreviewer;
}

export interface DroppedBuffer {
  name: string;
  lastModified: number;
  bytes: Uint8Array;
}

export interface VaultService {
  importPaths(caseId: string, paths: string[], source: 'dialog' | 'folder'): Promise<ImportBatch>;
  importFolder(caseId: string, dir: string): Promise<ImportBatch>;
  importBuffers(caseId: string, files: DroppedBuffer[], source: 'drop' | 'clipboard'): Promise<ImportBatch>;
  /** A finished web capture: its MHTML is the item, the other files and the manifest go with it. */
  importCapture(caseId: string, capture: { name: string; mhtml: Uint8Array; files: { name: string; bytes: Uint8Array }[] }): Promise<ImportBatch>;
  readThumbnail(sha256: string): Promise<Uint8Array>;
  readDisplay(sha256: string): Promise<DisplayImage>;
  prepareOpen(sha256: string, originalName: string): Promise<string>;
  reconcile(knownSha256: string[]): Promise<ReconcileReport>;
  info(): Promise<VaultInfo>;
  /** Runs `work` in the vault's one-at-a-time queue (trash moves, quarantine). */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export function createVaultService(opts: VaultServiceOptions): VaultService {
  const layout = vaultLayout(opts.vaultDir);
  const now = opts.now ?? (() => new Date());
  const tempDir = opts.tempDir ?? path.join(os.tmpdir(), 'liuzheng-open');
  const ctx = { layout, now, onProgress: opts.onProgress, ...(opts.previewPage ? { previewPage: opts.previewPage } : {}) };
  let prepared = false;
  /** Creates the folders on first use, and tries again after a failure (a drive not yet mounted). */
  const prepare = async (): Promise<void> => {
    if (prepared) return;
    await ensureLayout(layout);
    prepared = true;
  };

  const queued = createSerial();
  const serial = <T>(work: () => Promise<T>): Promise<T> =>
    queued(async () => {
      await prepare();
      return work();
    });

  /** An unusable vault folder fails each file by name, like any other failure, instead of throwing. */
  const importing = (caseId: string, source: ImportSource, collect: () => Promise<{ inputs: ImportInput[]; early?: ImportFailure[] }>) =>
    queued(async () => {
      const { inputs, early = [] } = await collect();
      const blocked = await prepare().then(
        () => undefined,
        (err: unknown) => ({ err }),
      );
      return importBatch(ctx, caseId, inputs, source, early, blocked);
    });

  /** Reads a derived copy, rendering it again first if it was lost. */
  const readDerived = async (sha: string, which: 'thumb' | 'display'): Promise<Buffer> => {
    // The layout refuses anything but a hex digest, so `sha` cannot name a path outside the vault.
    const file = which === 'thumb' ? layout.thumb(sha) : layout.display(sha);
    try {
      return await readFile(file);
    } catch (err) {
      if (!hasErrorCode(err, 'ENOENT')) throw err;
    }
    const sidecar = await readSidecar(layout, sha);
    if (sidecar !== null && hasDerived(sidecar.blob) && (await exists(layout.blob(sha)))) {
      await serial(() => ensureDerived(layout, sidecar.blob, opts.previewPage));
      return readFile(file);
    }
    throw new VaultError('not-found', which === 'thumb' ? 'This item has no thumbnail.' : 'This item has no display image.');
  };

  return {
    importPaths: (caseId, paths, source) =>
      importing(caseId, source, async () => ({ inputs: await Promise.all(paths.map(withSiblingFolder)) })),

    importFolder: (caseId, dir) =>
      importing(caseId, 'folder', async () => {
        const walked = await walkFolder(dir);
        return { inputs: withPageFolders(walked.files, (f) => f, (f) => ({ path: f.path })), early: walked.failures };
      }),

    importBuffers: (caseId, files, source) =>
      importing(caseId, source, async () => ({
        inputs: withPageFolders(files, (f) => ({ name: f.name, bytes: f.bytes, lastModified: f.lastModified }), (f) => ({ bytes: f.bytes })),
      })),

    importCapture: (caseId, capture) =>
      importing(caseId, 'capture', async () => ({
        inputs: [{ name: capture.name, bytes: capture.mhtml, lastModified: 0, resources: capture.files.map((f) => ({ name: f.name, source: { bytes: f.bytes } })), resourceFolder: 'capture' }],
      })),

    readThumbnail: (sha) => readDerived(sha, 'thumb'),

    readDisplay: async (sha) => ({ bytes: await readDerived(sha, 'display'), mime: 'image/webp' }),

    prepareOpen: async (sha, originalName) => {
      // The sidecar, not the renderer's name, decides what program may open the copy.
      const sidecar = await readSidecar(layout, assertSha256(sha));
      return prepareOpenCopy(layout, tempDir, sha, originalName, sidecar?.blob ?? null, now().getTime());
    },


    reconcile: (knownSha256) => serial(() => reconcileVault(layout, knownSha256, now())),

    exclusive: (work) => serial(work),

    info: async () => {
      let totalBytes = 0;
      const blobs = await listBlobs(layout);
      for (const file of blobs.values()) totalBytes += (await stat(file)).size;
      return { vaultDir: layout.root, blobCount: blobs.size, totalBytes };
    },
  };
}

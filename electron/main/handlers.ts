// Maps each channel to the service that does the work. Desktop-only capabilities (dialogs, opening
// files in other apps) come in as ports so the test bridge can run these exact handlers in Node.
import type { ImportBatch, VaultApi } from '../../shared/ipc/contract';
import { toShanghaiLocal } from '../../shared/time/shanghai';
import type { VaultService } from './vault';

export interface DesktopPorts {
  /** Resolves to the chosen paths, or [] when the user cancels. */
  pickFiles(): Promise<string[]>;
  pickFolder(): Promise<string | null>;
  openPath(path: string): Promise<void>;
}

const emptyBatch = () => ({ batchId: crypto.randomUUID(), cancelled: true, items: [], failures: [] });

/** Called with every finished import batch; main queues the new images for OCR from here. */
export type AfterImport = (batch: ImportBatch) => void;

export function createVaultHandlers(vault: VaultService, ports: DesktopPorts, afterImport: AfterImport = () => undefined): VaultApi {
  const done = (batch: ImportBatch) => {
    afterImport(batch);
    return batch;
  };
  return {
    'vault:importFiles': async ({ caseId }) => {
      const paths = await ports.pickFiles();
      return paths.length === 0 ? emptyBatch() : done(await vault.importPaths(caseId, paths, 'dialog'));
    },
    'vault:importFolder': async ({ caseId }) => {
      const dir = await ports.pickFolder();
      return dir === null ? emptyBatch() : done(await vault.importFolder(caseId, dir));
    },
    'vault:importDropped': async ({ caseId, files }) => done(await vault.importBuffers(caseId, files, 'drop')),
    'vault:importClipboardImage': async ({ caseId, bytes, mime }) =>
      done(await vault.importBuffers(caseId, [{ name: clipboardName(mime), lastModified: Date.now(), bytes }], 'clipboard')),
    'vault:readThumbnail': ({ sha256 }) => vault.readThumbnail(sha256),
    'vault:readDisplay': ({ sha256 }) => vault.readDisplay(sha256),
    'vault:openEvidence': async ({ sha256, originalName }) => {
      await ports.openPath(await vault.prepareOpen(sha256, originalName));
    },
    'vault:reconcile': ({ knownSha256 }) => vault.reconcile(knownSha256),
    'vault:info': () => vault.info(),
  };
}

/** Every paste gets its own readable name; it is what the buyer sees in manifests and exports. */
function clipboardName(mime: string): string {
  const ext = mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = toShanghaiLocal(Date.now()).replace(/[-:]/g, '').replace('T', '_');
  return `剪贴板截图_${stamp}.${ext}`;
}

/** The images of a batch, for the OCR queue (videos, audio and chat exports are not OCR'd). */
export function imagesOf(batch: ImportBatch): string[] {
  return batch.items.filter((i) => i.blob.mediaType === 'image' && i.blob.hasThumbnail).map((i) => i.blob.sha256);
}

// Maps each channel to the service that does the work. Desktop-only capabilities (dialogs, opening
// files in other apps) come in as ports so the test bridge can run these exact handlers in Node.
import path from 'node:path';
import type { AuditInput } from '../../shared/integrity/audit';
import { activeContentWarning } from '../../shared/security/trust';
import type { ImportBatch, VaultApi } from '../../shared/ipc/contract';
import { toShanghaiLocal } from '../../shared/time/shanghai';
import type { AuditDecoration } from './integrity/decorate';
import type { VaultService } from './vault';

export interface DesktopPorts {
  /** Resolves to the chosen paths, or [] when the user cancels. */
  pickFiles(): Promise<string[]>;
  pickFolder(): Promise<string | null>;
  openPath(path: string): Promise<void>;
  /** Asks before a copy whose program runs what it holds (CSV formulas, PDF scripts); true to go on. */
  confirmOpen(fileName: string, warning: string): Promise<boolean>;
}

const emptyBatch = () => ({ batchId: crypto.randomUUID(), cancelled: true, items: [], failures: [] });

/** Called with every finished import batch; main queues the new images for OCR from here. */
export type AfterImport = (batch: ImportBatch) => void;

/** `now` names pasted screenshots and stands in for their missing file time: the app's one clock. */
export function createVaultHandlers(vault: VaultService, ports: DesktopPorts, now: () => number, afterImport: AfterImport = () => undefined): VaultApi {
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
      done(await vault.importBuffers(caseId, [{ name: clipboardName(mime, now()), lastModified: now(), bytes }], 'clipboard')),
    'vault:readThumbnail': ({ sha256 }) => vault.readThumbnail(sha256),
    'vault:readDisplay': ({ sha256 }) => vault.readDisplay(sha256),
    'vault:openEvidence': async ({ sha256, originalName }) => {
      const copy = await vault.prepareOpen(sha256, originalName);
      const name = path.basename(copy);
      const warning = activeContentWarning(name);
      if (warning !== null && !(await ports.confirmOpen(name, warning))) return;
      await ports.openPath(copy);
    },
    'vault:reconcile': ({ knownSha256 }) => vault.reconcile(knownSha256),
    'vault:info': () => vault.info(),
  };
}

/** Every paste gets its own readable name; it is what the buyer sees in manifests and exports. */
function clipboardName(mime: string, at: number): string {
  const ext = mime.split('/')[1]?.replace('jpeg', 'jpg') ?? 'png';
  const stamp = toShanghaiLocal(at).replace(/[-:]/g, '').replace('T', '_');
  return `剪贴板截图_${stamp}.${ext}`;
}

/** The images of a batch, for the OCR queue (videos, audio and chat exports are not OCR'd). */
export function imagesOf(batch: ImportBatch): string[] {
  return batch.items.filter((i) => i.blob.mediaType === 'image' && i.blob.hasThumbnail).map((i) => i.blob.sha256);
}

export function importEntries(caseId: string, batch: ImportBatch): AuditInput[] {
  if (batch.cancelled && batch.items.length === 0) return [];
  return batch.items.map((item) => ({
    action: 'import',
    caseId,
    evidenceId: null,
    sha256: item.blob.sha256,
    detail: `${item.blob.originalName}${item.alreadyStored ? '（已在证据库中）' : ''}`,
  }));
}

/** Every import, whatever door it came through, is one audit entry per file. */
export const vaultAudit: AuditDecoration<VaultApi> = {
  'vault:importFiles': (req, batch) => importEntries(req.caseId, batch),
  'vault:importFolder': (req, batch) => importEntries(req.caseId, batch),
  'vault:importDropped': (req, batch) => importEntries(req.caseId, batch),
  'vault:importClipboardImage': (req, batch) => importEntries(req.caseId, batch),
};

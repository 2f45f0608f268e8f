// Wires backups into the app: one call from main/index.ts, so the composition file stays one line.
import { app, type BrowserWindow } from 'electron';
import type { BackupApi } from '../../../shared/backup/contract';
import { sendEvent } from '../ipc/register';
import { createBackupPorts } from './electron';
import { createBackupHandlers, type VaultLock } from './handlers';
import { createBackupService, type BackupServiceOptions } from './service';

export interface BackupGlueOptions extends Pick<BackupServiceOptions, 'quiesce' | 'onRestored' | 'onBackedUp'> {
  vaultDir: string;
  /** The vault service's lock, held from the renderer's database snapshot to the end of the vault walk. */
  vaultLock?: VaultLock;
  getWindow(): BrowserWindow | undefined;
}

export function startBackup(opts: BackupGlueOptions): BackupApi {
  const service = createBackupService({
    vaultDir: opts.vaultDir,
    appVersion: app.getVersion(),
    onProgress: (p) => sendEvent(opts.getWindow()?.webContents, 'backup:progress', p),
    ...(opts.quiesce ? { quiesce: opts.quiesce } : {}),
    ...(opts.onRestored ? { onRestored: opts.onRestored } : {}),
    ...(opts.onBackedUp ? { onBackedUp: opts.onBackedUp } : {}),
  });
  service.cleanupStaging().catch((err: unknown) => console.error('[backup] staging cleanup failed', err));
  return createBackupHandlers(service, createBackupPorts(opts.getWindow), undefined, opts.vaultLock);
}

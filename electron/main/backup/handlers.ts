// Maps the backup:* channels onto the backup service. Dialogs and the restart come in as ports, so
// this file stays plain Node (the Electron glue passes dialog-backed functions, the tests pass queues).
import path from 'node:path';
import type { BackupApi } from '../../../shared/backup/contract';
import { writeFileAtomic } from '../fs/atomic';
import type { BackupService } from './service';

export interface BackupPorts {
  /** Where to save an archive (the dialog suggests `defaultName`); null when the buyer cancels. */
  chooseArchivePath(defaultName: string): Promise<string | null>;
  /** An archive to restore from; null when the buyer cancels. */
  chooseArchive(): Promise<string | null>;
  /** Where to save the error screen's data dump; null when the buyer cancels. */
  chooseDumpPath(defaultName: string): Promise<string | null>;
  /** Starts the app again, so every service opens the restored vault from scratch. */
  relaunch(): void;
}

const day = (d: Date): string => d.toISOString().slice(0, 10);

export function createBackupHandlers(service: BackupService, ports: BackupPorts, now: () => Date = () => new Date()): BackupApi {
  return {
    'backup:create': async (req) => {
      const ext = req.password === undefined ? 'tar' : 'lzbackup';
      const outFile = await ports.chooseArchivePath(`留证备份-${day(now())}.${ext}`);
      if (outFile === null) return null;
      return service.create(outFile, req);
    },
    'backup:pickArchive': async () => {
      const file = await ports.chooseArchive();
      return file === null ? null : service.inspect(file);
    },
    'backup:verify': ({ token, password }) => service.verify(token, password),
    'backup:apply': ({ token }) => service.apply(token),
    'backup:finish': async ({ token, committed }) => {
      await service.finish(token, committed);
      // After the answer reaches the renderer: the restored vault is opened by a fresh start. A rollback
      // keeps the running app, which still has its old vault and database.
      if (committed) setTimeout(() => ports.relaunch(), 300);
    },
    'backup:discard': ({ token }) => service.discard(token),
    'backup:saveDump': async ({ json }) => {
      const file = await ports.chooseDumpPath(`留证-可读取的数据-${day(now())}.json`);
      if (file === null) return null;
      await writeFileAtomic(file, json);
      return { fileName: path.basename(file), bytes: Buffer.byteLength(json, 'utf8') };
    },
  };
}

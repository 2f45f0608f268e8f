// Maps the backup:* channels onto the backup service. Dialogs and the restart come in as ports, so
// this file stays plain Node (the Electron glue passes dialog-backed functions, the tests pass queues).
import path from 'node:path';
import type { BackupApi } from '../../../shared/backup/contract';
import { writeFileAtomic } from '../fs/atomic';
import { randomBytes } from 'node:crypto';
import { holdLock } from '../../../shared/async/serial';
import { BackupError } from './errors';
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

/** A hold the renderer never used (its snapshot failed, it crashed) lets the vault go after this long. */
const UNCLAIMED_HOLD_MS = 60_000;

/** The vault's own lock; without one (a test of the dialogs alone) a hold guards nothing. */
export type VaultLock = <T>(work: () => Promise<T>) => Promise<T>;

export function createBackupHandlers(service: BackupService, ports: BackupPorts, now: () => Date = () => new Date(), vaultLock: VaultLock = (work) => work()): BackupApi {
  const holds = new Map<string, { release: () => void; timer: ReturnType<typeof setTimeout> }>();
  const release = (holdId: string | undefined): void => {
    const hold = holdId === undefined ? undefined : holds.get(holdId);
    if (!hold || holdId === undefined) return;
    clearTimeout(hold.timer);
    hold.release();
    holds.delete(holdId);
  };
  return {
    'backup:hold': async () => {
      const holdId = randomBytes(16).toString('hex');
      const held = await holdLock(vaultLock);
      holds.set(holdId, { release: held, timer: setTimeout(() => release(holdId), UNCLAIMED_HOLD_MS) });
      return { holdId };
    },
    'backup:create': async ({ holdId, ...req }) => {
      try {
        if (holdId !== undefined) {
          const hold = holds.get(holdId);
          if (!hold) throw new BackupError('invalid-request', 'The backup waited too long and was stopped; start it again.');
          // Claimed: from here main ends the hold itself, however long the save dialog stays open.
          clearTimeout(hold.timer);
        }
        const ext = req.password === undefined ? 'tar' : 'lzbackup';
        const outFile = await ports.chooseArchivePath(`留证备份-${day(now())}.${ext}`);
        if (outFile === null) return null;
        return await service.create(outFile, req);
      } finally {
        release(holdId);
      }
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

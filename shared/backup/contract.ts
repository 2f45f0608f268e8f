// IPC contract for backing up and restoring the whole vault. Main chooses every path (save and open
// dialogs) and keeps the chosen archive behind a token, so the renderer never names a file.
// A restore runs in steps, so nothing is replaced until the buyer has seen what the archive holds:
//   pickArchive → verify (full check into a staging folder) → apply (swap the vault folder in, hand
//   back the database) → the renderer replaces its tables in one transaction → finish (commit or roll back).
import { z } from 'zod';
import { backupSettingsSchema, dbSnapshotSchema, type BackupSettings, type DbSnapshot, type SnapshotCounts } from './snapshot';

export const MAX_PASSWORD_LENGTH = 1024;
/** A raw IndexedDB dump written from the error screen. */
export const MAX_DUMP_CHARS = 512 * 1024 * 1024;

export interface CreateBackupRequest {
  db: DbSnapshot;
  settings: BackupSettings;
  /** Omitted: a plain tar archive that any tar tool can open. */
  password?: string;
  /** From backup:hold, taken before `db` was read: the vault walk then runs under the same lock. */
  holdId?: string;
}

export interface BackupCreated {
  /** The file name the buyer chose (not the full path). */
  fileName: string;
  bytes: number;
  files: number;
  encrypted: boolean;
  ms: number;
}

export interface PickedArchive {
  token: string;
  fileName: string;
  bytes: number;
  encrypted: boolean;
}

export interface VerifyRequest {
  token: string;
  password?: string;
}

export interface ArchiveSummary {
  token: string;
  fileName: string;
  /** ISO instant the backup was made. */
  createdAt: string;
  appVersion: string;
  encrypted: boolean;
  dbVersion: number;
  counts: SnapshotCounts;
  blobs: number;
  /** Bytes of vault files the archive restores. */
  bytes: number;
}

export interface RestoreTarget {
  token: string;
}

/** The verified database and settings, returned once the vault folder has been swapped in. */
export interface RestorePayload {
  db: DbSnapshot;
  settings: BackupSettings;
}

export interface FinishRequest extends RestoreTarget {
  /** False when the renderer could not write its database: main puts the old vault folder back. */
  committed: boolean;
}

export interface SaveDumpRequest {
  json: string;
}

export interface SavedFile {
  fileName: string;
  bytes: number;
}

export type BackupPhase = 'backup' | 'verify';

export interface BackupProgress {
  phase: BackupPhase;
  doneBytes: number;
  totalBytes: number;
  /** The archive entry being read or written ("vault/blobs/ab/…"), for the progress line. */
  entry: string;
}

export type BackupApi = {
  /** Asks where to save, then writes the archive; null when the buyer cancels the dialog. */
  'backup:create': (req: CreateBackupRequest) => Promise<BackupCreated | null>;
  /**
   * Takes the vault's lock for a backup: the renderer snapshots its database while main holds it and
   * passes the hold to backup:create, which walks the vault under the same lock and then lets it go.
   * So the records and the originals in an archive are from one moment.
   */
  'backup:hold': (req: Record<string, never>) => Promise<{ holdId: string }>;
  'backup:pickArchive': (req: Record<string, never>) => Promise<PickedArchive | null>;
  'backup:verify': (req: VerifyRequest) => Promise<ArchiveSummary>;
  'backup:apply': (req: RestoreTarget) => Promise<RestorePayload>;
  /** Commits or rolls back, then main restarts the app so every service reopens the restored vault. */
  'backup:finish': (req: FinishRequest) => Promise<void>;
  'backup:discard': (req: RestoreTarget) => Promise<void>;
  'backup:saveDump': (req: SaveDumpRequest) => Promise<SavedFile | null>;
};

export type BackupEvents = {
  'backup:progress': BackupProgress;
};

export const BACKUP_API_METHODS = {
  createBackup: 'backup:create',
  holdVaultForBackup: 'backup:hold',
  pickBackupArchive: 'backup:pickArchive',
  verifyBackup: 'backup:verify',
  applyRestore: 'backup:apply',
  finishRestore: 'backup:finish',
  discardRestore: 'backup:discard',
  saveDbDump: 'backup:saveDump',
} as const satisfies Record<string, keyof BackupApi>;

export const BACKUP_API_EVENTS = {
  onBackupProgress: 'backup:progress',
} as const satisfies Record<string, keyof BackupEvents>;

const token = z.string().regex(/^[0-9a-f]{32}$/, 'expected a restore token');
const password = z.string().min(1).max(MAX_PASSWORD_LENGTH);
const target = z.object({ token }).strict();

export const backupSchemas = {
  'backup:create': z.object({ db: dbSnapshotSchema, settings: backupSettingsSchema, password: password.optional(), holdId: z.string().regex(/^[0-9a-f]{32}$/).optional() }).strict(),
  'backup:hold': z.object({}).strict(),
  'backup:pickArchive': z.object({}).strict(),
  'backup:verify': z.object({ token, password: password.optional() }).strict(),
  'backup:apply': target,
  'backup:finish': z.object({ token, committed: z.boolean() }).strict(),
  'backup:discard': target,
  'backup:saveDump': z.object({ json: z.string().max(MAX_DUMP_CHARS) }).strict(),
} satisfies { [C in keyof BackupApi]: z.ZodType<Parameters<BackupApi[C]>[0]> };

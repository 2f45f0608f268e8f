// Backup and restore as one service over the vault folder: pure Node, so the app, the tests and the
// benchmark share it. A restore is staged beside the vault (same file system, so the swap is two
// renames) and the old vault folder is kept until the renderer says its database was replaced too.
import { randomBytes } from 'node:crypto';
import { readdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ArchiveSummary, BackupCreated, BackupProgress, CreateBackupRequest, PickedArchive, RestorePayload } from '../../../shared/backup/contract';
import { countSnapshot } from '../../../shared/backup/snapshot';
import { renameWithRetry } from '../fs/atomic';
import type { KdfParams } from './crypto';
import { BackupError } from './errors';
import { readArchiveHead, verifyArchive, type VerifiedArchive } from './read';
import { writeBackup } from './write';

export interface RestoredInfo {
  fileName: string;
  createdAt: string;
  /** The audit head the backup recorded, if any. */
  auditHead: { seq: number; hash: string } | null;
  blobs: number;
  cases: number;
  evidence: number;
}

export interface BackupServiceOptions {
  vaultDir: string;
  appVersion: string;
  now?: () => Date;
  /** Tests pass cheap scrypt parameters; the app uses the default. */
  kdf?: KdfParams;
  onProgress?: (p: BackupProgress) => void;
  /** Stops whatever writes into the vault folder (the OCR queue) before it is swapped out. */
  quiesce?: () => Promise<void>;
  /** Hook for the audit log: called once a restore is committed. */
  onRestored?: (info: RestoredInfo) => Promise<void> | void;
  /** Hook for the audit log: called once a backup archive is complete. */
  onBackedUp?: (info: BackupCreated) => Promise<void> | void;
  /** The audit log's head, recorded in each backup's format.json. */
  auditHead?: () => Promise<{ seq: number; hash: string }>;
}

interface Session {
  token: string;
  file: string;
  fileName: string;
  encrypted: boolean;
  stagingDir: string;
  verified: VerifiedArchive | null;
  /** Set once the vault folder was swapped: where the old one waits for commit or rollback. */
  previousDir: string | null;
}

export interface BackupService {
  create(outFile: string, req: CreateBackupRequest): Promise<BackupCreated>;
  /** Registers a chosen archive and says whether it needs a password; reads only its header. */
  inspect(file: string): Promise<PickedArchive>;
  verify(token: string, password?: string): Promise<ArchiveSummary>;
  apply(token: string): Promise<RestorePayload>;
  finish(token: string, committed: boolean): Promise<void>;
  discard(token: string): Promise<void>;
  /** Removes staging folders left by a restore that never reached the swap (a crash, a quit). */
  cleanupStaging(): Promise<void>;
}

const STAGING_PREFIX = '.liuzheng-restore-';

export function createBackupService(opts: BackupServiceOptions): BackupService {
  const vaultDir = path.resolve(opts.vaultDir);
  const parent = path.dirname(vaultDir);
  const now = opts.now ?? (() => new Date());
  const sessions = new Map<string, Session>();
  let busy = false;

  const exclusive = async <T>(work: () => Promise<T>): Promise<T> => {
    if (busy) throw new BackupError('invalid-request', 'Another backup or restore is already running.');
    busy = true;
    try {
      return await work();
    } finally {
      busy = false;
    }
  };
  const session = (token: string): Session => {
    const s = sessions.get(token);
    if (!s) throw new BackupError('invalid-request', 'This restore is no longer open; choose the backup again.');
    return s;
  };
  const dropSession = async (s: Session): Promise<void> => {
    sessions.delete(s.token);
    await rm(s.stagingDir, { recursive: true, force: true });
  };

  return {
    create: (outFile, req) =>
      exclusive(async () => {
        const started = Date.now();
        const written = await writeBackup({
          vaultDir,
          outFile,
          db: req.db,
          settings: req.settings,
          ...(req.password === undefined ? {} : { password: req.password }),
          ...(opts.kdf ? { kdf: opts.kdf } : {}),
          appVersion: opts.appVersion,
          now: now(),
          auditHead: (await opts.auditHead?.()) ?? null,
          ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
        });
        const created = { fileName: path.basename(outFile), bytes: written.bytes, files: written.files, encrypted: req.password !== undefined, ms: Date.now() - started };
        await opts.onBackedUp?.(created);
        return created;
      }),

    async inspect(file) {
      const fileName = path.basename(file);
      const head = await readArchiveHead(file, fileName);
      // One restore at a time: picking another archive forgets the previous, unapplied one.
      for (const s of sessions.values()) if (s.previousDir === null) await dropSession(s);
      const token = randomBytes(16).toString('hex');
      sessions.set(token, { token, file, fileName, encrypted: head.encrypted, stagingDir: path.join(parent, `${STAGING_PREFIX}${token}`), verified: null, previousDir: null });
      return { token, fileName, bytes: head.bytes, encrypted: head.encrypted };
    },

    verify: (token, password) =>
      exclusive(async () => {
        const s = session(token);
        if (s.previousDir !== null) throw new BackupError('invalid-request', 'This restore was already applied.');
        await rm(s.stagingDir, { recursive: true, force: true });
        s.verified = null;
        try {
          s.verified = await verifyArchive({
            file: s.file,
            fileName: s.fileName,
            ...(password === undefined ? {} : { password }),
            stagingDir: s.stagingDir,
            ...(opts.onProgress ? { onProgress: opts.onProgress } : {}),
          });
        } catch (err) {
          // Keep the session for another password; the half-filled staging folder goes.
          await rm(s.stagingDir, { recursive: true, force: true });
          throw err;
        }
        const v = s.verified;
        return {
          token,
          fileName: s.fileName,
          createdAt: v.format.createdAt,
          appVersion: v.format.appVersion,
          encrypted: v.encrypted,
          dbVersion: v.db.dbVersion,
          counts: countSnapshot(v.db),
          blobs: v.blobs,
          bytes: v.vaultBytes,
        };
      }),

    apply: (token) =>
      exclusive(async () => {
        const s = session(token);
        if (!s.verified) throw new BackupError('invalid-request', 'The backup has not been checked yet.');
        if (s.previousDir !== null) throw new BackupError('invalid-request', 'This restore was already applied.');
        await opts.quiesce?.();
        const stamp = now().toISOString().replace(/[:.]/g, '-');
        const previousDir = `${vaultDir}.before-restore-${stamp}`;
        const hadVault = await stat(vaultDir).then(
          () => true,
          () => false,
        );
        if (hadVault) await renameWithRetry(vaultDir, previousDir);
        try {
          await renameWithRetry(s.verified.vaultDir, vaultDir);
        } catch (err) {
          if (hadVault) await renameWithRetry(previousDir, vaultDir);
          throw err;
        }
        s.previousDir = hadVault ? previousDir : '';
        return { db: s.verified.db, settings: s.verified.settings };
      }),

    finish: (token, committed) =>
      exclusive(async () => {
        const s = session(token);
        if (s.previousDir === null || !s.verified) throw new BackupError('invalid-request', 'This restore was not applied.');
        if (committed) {
          if (s.previousDir !== '') await rm(s.previousDir, { recursive: true, force: true });
          const counts = countSnapshot(s.verified.db);
          await dropSession(s);
          await opts.onRestored?.({ fileName: s.fileName, createdAt: s.verified.format.createdAt, auditHead: s.verified.format.auditHead ?? null, blobs: s.verified.blobs, cases: counts.cases, evidence: counts.evidence });
          return;
        }
        // The database kept its old contents, so the old vault folder goes back beside it.
        await renameWithRetry(vaultDir, path.join(s.stagingDir, 'vault'));
        if (s.previousDir !== '') await renameWithRetry(s.previousDir, vaultDir);
        await dropSession(s);
      }),

    async discard(token) {
      const s = sessions.get(token);
      if (!s) return;
      if (s.previousDir !== null) throw new BackupError('invalid-request', 'An applied restore is finished with commit or rollback, not discarded.');
      await dropSession(s);
    },

    async cleanupStaging() {
      const names = await readdir(parent).catch(() => [] as string[]);
      for (const name of names) if (name.startsWith(STAGING_PREFIX)) await rm(path.join(parent, name), { recursive: true, force: true });
    },
  };
}

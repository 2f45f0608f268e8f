// The backup and restore flow as a small store of its own, so the same panel works inside the app and
// on the database error screen, where the app's store (built on the database) does not exist.
import { createStore } from 'zustand/vanilla';
import type { ArchiveSummary, BackupCreated, BackupProgress, PickedArchive, SavedFile } from '../../../shared/backup/contract';
import type { LiuZhengApi } from '../../../shared/ipc/api';
import type { AppError, Result } from '../../../shared/ipc/result';
import type { LiuZhengDb } from '../db/db';
import { recreateDb, replaceDb, snapshotDb } from './database';
import { dumpIndexedDb } from './rawDump';
import { applySettings, collectSettings } from './settings';

export interface BackupDeps {
  api: LiuZhengApi;
  /** The open database, or null on the error screen (a restore then deletes and recreates it). */
  db: LiuZhengDb | null;
  /** The IndexedDB name, for the raw dump. */
  dbName: string;
}

export type RestoreStep = 'idle' | 'password' | 'verifying' | 'confirm' | 'applying' | 'restarting';

export interface BackupState {
  backingUp: boolean;
  backupResult: BackupCreated | null;
  backupError: AppError | null;
  progress: BackupProgress | null;
  restoreStep: RestoreStep;
  picked: PickedArchive | null;
  summary: ArchiveSummary | null;
  restoreError: AppError | null;
  dumping: boolean;
  dumpResult: SavedFile | null;
  /** Why nothing could be dumped, or why saving the dump failed. */
  dumpError: string | null;
  createBackup(password: string | null): Promise<void>;
  pickArchive(): Promise<void>;
  verify(password: string | null): Promise<void>;
  confirmRestore(): Promise<void>;
  cancelRestore(): Promise<void>;
  onProgress(p: BackupProgress): void;
  dumpReadable(): Promise<void>;
}

const asError = (err: unknown): AppError => ({ code: 'internal', message: err instanceof Error ? err.message : String(err) });

function unwrap<T>(res: Result<T>): T {
  if (!res.ok) throw res.error;
  return res.value;
}

const isAppError = (err: unknown): err is AppError => typeof err === 'object' && err !== null && 'code' in err && 'message' in err && !(err instanceof Error);

export function createBackupStore({ api, db, dbName }: BackupDeps) {
  const store = createStore<BackupState>()((set, get) => ({
    backingUp: false,
    backupResult: null,
    backupError: null,
    progress: null,
    restoreStep: 'idle',
    picked: null,
    summary: null,
    restoreError: null,
    dumping: false,
    dumpResult: null,
    dumpError: null,

    async createBackup(password) {
      if (!db) return;
      set({ backingUp: true, backupResult: null, backupError: null, progress: null });
      try {
        // Main holds the vault's lock from before the snapshot until its walk ends: one moment in time.
        const { holdId } = unwrap(await api.holdVaultForBackup({}));
        const snapshot = await snapshotDb(db);
        const settings = await collectSettings(api);
        const result = unwrap(await api.createBackup({ db: snapshot, settings, holdId, ...(password ? { password } : {}) }));
        set({ backupResult: result });
      } catch (err) {
        set({ backupError: isAppError(err) ? err : asError(err) });
      } finally {
        set({ backingUp: false, progress: null });
      }
    },

    async pickArchive() {
      await get().cancelRestore();
      try {
        const picked = unwrap(await api.pickBackupArchive({}));
        if (!picked) return;
        set({ picked, restoreStep: picked.encrypted ? 'password' : 'idle' });
        if (!picked.encrypted) await get().verify(null);
      } catch (err) {
        set({ restoreError: isAppError(err) ? err : asError(err) });
      }
    },

    async verify(password) {
      const picked = get().picked;
      if (!picked) return;
      set({ restoreStep: 'verifying', restoreError: null, progress: null });
      const res = await api.verifyBackup({ token: picked.token, ...(password ? { password } : {}) });
      if (res.ok) set({ summary: res.value, restoreStep: 'confirm', progress: null });
      // A wrong password asks again; anything else ends this attempt.
      else set({ restoreError: res.error, restoreStep: picked.encrypted && res.error.code === 'backup-wrong-password' ? 'password' : 'idle', picked: res.error.code === 'backup-wrong-password' ? picked : null, progress: null });
    },

    async confirmRestore() {
      const picked = get().picked;
      if (!picked || get().restoreStep !== 'confirm') return;
      set({ restoreStep: 'applying', restoreError: null });
      const applied = await api.applyRestore({ token: picked.token });
      if (!applied.ok) {
        set({ restoreStep: 'idle', restoreError: applied.error, picked: null, summary: null });
        return;
      }
      try {
        if (db) await replaceDb(db, applied.value.db);
        else await recreateDb(applied.value.db);
      } catch (err) {
        // The database still holds what it held; main puts the old vault folder back beside it.
        await api.finishRestore({ token: picked.token, committed: false });
        set({ restoreStep: 'idle', restoreError: asError(err), picked: null, summary: null });
        return;
      }
      await applySettings(api, applied.value.settings).catch(() => undefined);
      const finished = await api.finishRestore({ token: picked.token, committed: true });
      if (!finished.ok) set({ restoreError: finished.error });
      set({ restoreStep: 'restarting' });
    },

    async cancelRestore() {
      const picked = get().picked;
      set({ restoreStep: 'idle', picked: null, summary: null, restoreError: null, progress: null });
      if (picked) await api.discardRestore({ token: picked.token });
    },

    onProgress: (progress) => set({ progress }),

    async dumpReadable() {
      set({ dumping: true, dumpResult: null, dumpError: null });
      try {
        const dump = await dumpIndexedDb(dbName);
        if (dump.idbVersion === null) {
          set({ dumpError: dump.error ?? 'unknown' });
          return;
        }
        const saved = unwrap(await api.saveDbDump({ json: JSON.stringify(dump, null, 1) }));
        set({ dumpResult: saved });
      } catch (err) {
        set({ dumpError: isAppError(err) ? err.message : asError(err).message });
      } finally {
        set({ dumping: false });
      }
    },
  }));
  // One listener for the store's lifetime, which is the page's.
  api.onBackupProgress((p) => store.getState().onProgress(p));
  return store;
}

export type BackupStore = ReturnType<typeof createBackupStore>;

// The main process as the e2e suite runs it: the real vault and reminder services and the real
// handler map, with only the desktop ports (dialogs, notifications, the OS clock) under test control.
import { join } from 'node:path';
import type { DesktopPorts } from '../../../electron/main/handlers';
import { createVaultHandlers, imagesOf } from '../../../electron/main/handlers';
import { createOcrService } from '../../../electron/main/ocr/queue';
import { createOcrHandlers } from '../../../electron/main/ocrHandlers';
import { createBundleService } from '../../../electron/main/bundle';
import { createBundleHandlers } from '../../../electron/main/bundle/handlers';
import { createRedactionSource } from '../../../electron/main/bundle/redactions';
import { createPortableHandlers } from '../../../electron/main/portable/handlers';
import { createReminderHandlers } from '../../../electron/main/reminders/handlers';
import { createReminderService } from '../../../electron/main/reminders/service';
import { createVaultService } from '../../../electron/main/vault';
import { createIntegrity } from '../../../electron/main/integrity';
import { backupAuditHooks } from '../../../electron/main/integrity/backupAudit';
import { createBackupHandlers } from '../../../electron/main/backup/handlers';
import { createBackupService } from '../../../electron/main/backup/service';
import type { EventChannel, Handlers, MainEvents } from '../../../shared/ipc/contract';
import type { FiredReminder } from '../../../shared/ipc/remindersContract';

export interface TestDesktop {
  fileDialogs: string[][];
  folderDialogs: (string | null)[];
  saveDialogs: (string | null)[];
  opened: string[];
  notifications: FiredReminder[];
  /** Every value main passed to the OS login item (app.setLoginItemSettings in the real app). */
  loginItem: boolean[];
  /** Restarts main asked for (after a restore); the test performs them with restartMain(). */
  relaunches: number;
  /** The main process's clock; the test moves it together with the page's. */
  clock: { now: number };
}

export function newTestDesktop(): TestDesktop {
  return { fileDialogs: [], folderDialogs: [], saveDialogs: [], opened: [], notifications: [], loginItem: [], relaunches: 0, clock: { now: Date.now() } };
}

export function createTestMain(root: string, desktop: TestDesktop, emit: <E extends EventChannel>(channel: E, payload: MainEvents[E]) => void) {
  const ports: DesktopPorts = {
    pickFiles: async () => desktop.fileDialogs.shift() ?? [],
    pickFolder: async () => desktop.folderDialogs.shift() ?? null,
    openPath: async (p) => void desktop.opened.push(p),
  };
  const vault = createVaultService({ vaultDir: join(root, 'vault'), tempDir: join(root, 'open'), onProgress: (p) => emit('vault:importProgress', p) });
  const vaultDir = join(root, 'vault');
  const ocr = createOcrService({ vaultDir, onProgress: (e) => emit('ocr:progress', e) });
  void ocr.resume();
  const reminders = createReminderService({
    dataDir: root,
    now: () => desktop.clock.now,
    // Real timers against a test-controlled clock: the test drives wake-ups through resume(), as
    // powerMonitor does after sleep, so a timer set from the fake clock must never fire on its own.
    setTimer: () => null,
    clearTimer: () => undefined,
    notify: (r) => void desktop.notifications.push(r),
    onFired: (list) => emit('reminders:fired', { reminders: list }),
    // As in an installed Windows or macOS build, so the login-item toggle can be exercised.
    launchAtLoginSupported: true,
  });
  const integrity = createIntegrity({
    vaultDir,
    now: () => new Date(desktop.clock.now),
    exclusive: (work) => vault.exclusive(work),
    onCheckProgress: (p) => emit('vaultCheck:progress', p),
    ports: { pickBundlePdf: async () => desktop.fileDialogs.shift()?.[0] ?? null, pickBundleFolder: async () => desktop.folderDialogs.shift() ?? null },
  });
  const handlers: Handlers = integrity.withAudit({
    ...createVaultHandlers(vault, ports, (batch) => void ocr.enqueue(imagesOf(batch))),
    ...createOcrHandlers(ocr, vaultDir),
    ...createBundleHandlers(createBundleService({ vaultDir }), {
      chooseSavePath: async () => desktop.saveDialogs.shift() ?? null,
      chooseFolder: async () => desktop.folderDialogs.shift() ?? null,
    }, createRedactionSource(vaultDir)),
    ...createPortableHandlers(vault, vaultDir, { chooseExportParent: async () => desktop.folderDialogs.shift() ?? null, chooseCaseFolder: async () => desktop.folderDialogs.shift() ?? null }, (batch) => void ocr.enqueue(imagesOf(batch))),
    ...createReminderHandlers(reminders, {
      chooseIcsPath: async () => desktop.saveDialogs.shift() ?? null,
      applyLaunchAtLogin: (enabled) => void desktop.loginItem.push(enabled),
      now: () => desktop.clock.now,
    }),
    ...createBackupHandlers(
      createBackupService({ vaultDir, appVersion: '0.1.0-e2e', kdf: { log2N: 14, r: 8, p: 1 }, onProgress: (p) => emit('backup:progress', p), quiesce: () => ocr.dispose(), ...backupAuditHooks(integrity.audit) }),
      {
        chooseArchivePath: async () => desktop.saveDialogs.shift() ?? null,
        chooseArchive: async () => desktop.fileDialogs.shift()?.[0] ?? null,
        chooseDumpPath: async () => desktop.saveDialogs.shift() ?? null,
        relaunch: () => void desktop.relaunches++,
      },
    ),
  });
  return { vault, reminders, ocr, integrity, handlers };
}

export type TestMain = ReturnType<typeof createTestMain>;

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
import type { EventChannel, Handlers, MainEvents } from '../../../shared/ipc/contract';
import type { FiredReminder } from '../../../shared/ipc/remindersContract';

export interface TestDesktop {
  fileDialogs: string[][];
  folderDialogs: (string | null)[];
  saveDialogs: (string | null)[];
  opened: string[];
  notifications: FiredReminder[];
  /** The main process's clock; the test moves it together with the page's. */
  clock: { now: number };
}

export function newTestDesktop(): TestDesktop {
  return { fileDialogs: [], folderDialogs: [], saveDialogs: [], opened: [], notifications: [], clock: { now: Date.now() } };
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
  });
  const handlers: Handlers = {
    ...createVaultHandlers(vault, ports, (batch) => void ocr.enqueue(imagesOf(batch))),
    ...createOcrHandlers(ocr, vaultDir),
    ...createBundleHandlers(createBundleService({ vaultDir }), {
      chooseSavePath: async () => desktop.saveDialogs.shift() ?? null,
      chooseFolder: async () => desktop.folderDialogs.shift() ?? null,
    }, createRedactionSource(vaultDir)),
    ...createPortableHandlers(vault, vaultDir, { chooseExportParent: async () => desktop.folderDialogs.shift() ?? null, chooseCaseFolder: async () => desktop.folderDialogs.shift() ?? null }, (batch) => void ocr.enqueue(imagesOf(batch))),
    ...createReminderHandlers(reminders, {
      chooseIcsPath: async () => desktop.saveDialogs.shift() ?? null,
      applyLaunchAtLogin: () => undefined,
      now: () => desktop.clock.now,
    }),
  };
  return { vault, reminders, ocr, handlers };
}

export type TestMain = ReturnType<typeof createTestMain>;

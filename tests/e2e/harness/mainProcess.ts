// The main process as the e2e suite runs it: the app's own composition root (createHandlers), over a
// vault folder of its own, with only the desktop ports (dialogs, notifications, timers, the OS clock)
// under test control. One clock, desktop.clock, is every service's clock.
import { join } from 'node:path';
import { createHandlers, type AppPorts, type Emit } from '../../../electron/main/composition';
import type { FiredReminder } from '../../../shared/reminders/contract';
import type { RenderHost } from '../../../electron/main/webpage/cdp';

export interface TestDesktop {
  fileDialogs: string[][];
  folderDialogs: (string | null)[];
  saveDialogs: (string | null)[];
  opened: string[];
  /** Names the app warned about before opening, and the answers queued for those warnings. */
  openWarnings: string[];
  openAnswers: boolean[];
  notifications: FiredReminder[];
  /** Every value main passed to the OS login item (app.setLoginItemSettings in the real app). */
  loginItem: boolean[];
  /** Restarts main asked for (after a restore); the test performs them with restartMain(). */
  relaunches: number;
  /**
   * The main process's clock. Like the page's, it is the real time until a test fixes both to one
   * instant with setClock: main and page never run on different clocks.
   */
  clock: { now: number | null };
  /** What 抓取网页 may visit: nothing until a test names the server it started itself. */
  capturePolicy: { allowHosts: string[]; onlyHosts: string[] };
}

export function newTestDesktop(): TestDesktop {
  return { fileDialogs: [], folderDialogs: [], saveDialogs: [], opened: [], openWarnings: [], openAnswers: [], notifications: [], loginItem: [], relaunches: 0, clock: { now: null }, capturePolicy: { allowHosts: [], onlyHosts: [] } };
}

function testPorts(desktop: TestDesktop): AppPorts {
  const file = async () => desktop.fileDialogs.shift()?.[0] ?? null;
  const folder = async () => desktop.folderDialogs.shift() ?? null;
  const save = async () => desktop.saveDialogs.shift() ?? null;
  return {
    desktop: { pickFiles: async () => desktop.fileDialogs.shift() ?? [], pickFolder: folder, openPath: async (p) => void desktop.opened.push(p), confirmOpen: async (name) => (desktop.openWarnings.push(name), desktop.openAnswers.shift() ?? false) },
    bundle: { chooseSavePath: save, chooseFolder: folder },
    portable: { chooseExportParent: folder, chooseCaseFolder: folder },
    integrity: { pickBundlePdf: file, pickBundleFolder: folder },
    backup: { chooseArchivePath: save, chooseArchive: file, chooseDumpPath: save, relaunch: () => void desktop.relaunches++ },
    reminders: { chooseIcsPath: save, applyLaunchAtLogin: (enabled) => void desktop.loginItem.push(enabled) },
    reminderHost: {
      // No timers against a test-controlled clock: the test drives wake-ups through resume(), as
      // powerMonitor does after sleep, so a timer set from the fake clock must never fire on its own.
      setTimer: () => null,
      clearTimer: () => undefined,
      notify: (r) => void desktop.notifications.push(r),
      // As in an installed Windows or macOS build, so the login-item toggle can be exercised.
      launchAtLoginSupported: true,
    },
  };
}

export function createTestMain(root: string, desktop: TestDesktop, emit: Emit, hosts: { pageHost?: (renderRoot: string) => RenderHost; captureHost?: RenderHost } = {}) {
  const main = createHandlers({
    vaultDir: join(root, 'vault'),
    dataDir: root,
    tempDir: join(root, 'open'),
    // The one place the harness reads the real time: while no test has fixed the clock.
    clock: () => desktop.clock.now ?? Date.now(),
    ports: testPorts(desktop),
    emit,
    appVersion: '0.1.0-e2e',
    backupKdf: { log2N: 14, r: 8, p: 1 },
    ...(hosts.pageHost ? { pageHost: hosts.pageHost } : {}),
    ...(hosts.captureHost ? { captureHost: hosts.captureHost } : {}),
    capturePolicy: desktop.capturePolicy,
  });
  main.start();
  return main;
}

export type TestMain = ReturnType<typeof createTestMain>;

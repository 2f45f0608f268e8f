// App entry: wire the vault, OCR and reminder services to IPC, open the one window, and keep everything else thin.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Menu, nativeTheme, safeStorage } from 'electron';
import { safeStorageBox } from './secrets/box';
import { createHandlers } from './composition';
import { createBundlePorts, createDesktopPorts } from './desktop';
import { createPortablePorts } from './portable/desktop';
import { registerIpc, sendEvent } from './ipc/register';
import { hardenWebContents, installAppSecurity, secureWebPreferences } from './security';
import { ipcError } from './ipc/errors';
import { buildAppMenu } from './menu';
import type { AppCommand } from '../../shared/shortcuts/keymap';
import { createRemindersGlue, type RemindersGlue } from './reminders/electron';
import { createIntegrityPorts } from './integrity/desktop';
import { createBackupPorts } from './backup/electron';
import { safeStorageSealer } from './signing/electron';
import { createElectronCaptureHost, createElectronRenderHost } from './webpage/electronHost';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const entryUrl = devServerUrl ?? pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// A fixed, ASCII folder name: the product name has Chinese characters and spaces, and the vault
// path is something buyers are told to back up.
app.setPath('userData', join(app.getPath('appData'), 'LiuZheng'));

let mainWindow: BrowserWindow | undefined;
let reminders: RemindersGlue | undefined;

function createWindow(show = true): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 840,
    minWidth: 960,
    minHeight: 640,
    title: '留证',
    show: false,
    // The page's own background in the OS theme, so the window does not flash the other colour on open.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#15171a' : '#f6f5f2',
    webPreferences: secureWebPreferences(preloadPath, !app.isPackaged),
  });
  hardenWebContents(win.webContents, () => entryUrl);
  win.once('ready-to-show', () => {
    if (show) win.show();
  });
  win.on('close', (event) => {
    // Windows/Linux: while a reminder is still to come, closing hides to the tray so it can fire.
    if (!reminders?.shouldHideOnClose()) return;
    event.preventDefault();
    win.hide();
    reminders.hiddenToTray();
  });
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(entryUrl);
  return win;
}

/** Shows and focuses the window, creating it again if it was closed (macOS keeps running without one). */
function showWindow(): void {
  if (!mainWindow) mainWindow = createWindow();
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installAppSecurity(() => entryUrl);
  // A window hidden in the tray must come back too, not just take focus.
  app.on('second-instance', () => showWindow());

  void app.whenReady().then(() => {
    const getWindow = () => mainWindow;
    reminders = createRemindersGlue({
      getWindow,
      showWindow,
      emitAction: (action) => sendEvent(mainWindow?.webContents, 'reminders:action', action),
      now: Date.now,
    });
    const main = createHandlers({
      vaultDir: join(app.getPath('userData'), 'vault'),
      dataDir: app.getPath('userData'),
      tempDir: join(app.getPath('temp'), 'liuzheng-open'),
      // The desktop's own clock, read by every service through this one function.
      clock: Date.now,
      emit: (channel, payload) => sendEvent(mainWindow?.webContents, channel, payload),
      appVersion: app.getVersion(),
      ocrEngine: { cacheDir: join(app.getPath('userData'), 'ocr-cache') },
      pageHost: createElectronRenderHost,
      // 抓取网页 may visit any public http(s) site the buyer names, never the app itself.
      captureHost: createElectronCaptureHost({ appOrigin: entryUrl }),
      capturePolicy: { appOrigin: entryUrl },
      ports: {
        desktop: createDesktopPorts(getWindow),
        bundle: createBundlePorts(getWindow),
        portable: createPortablePorts(getWindow),
        integrity: createIntegrityPorts(getWindow),
        backup: createBackupPorts(getWindow),
        reminders: reminders.ports,
        reminderHost: reminders.host,
        // After app 'ready', as safeStorage requires.
        secrets: safeStorageSealer(),
        // Where the OS offers no keychain (Linux without a keyring), the key-file box is used instead.
        ...(safeStorage.isEncryptionAvailable() ? { secretBox: safeStorageBox(safeStorage) } : {}),
      },
    });
    reminders.attach(main.reminders);
    // Work interrupted by the last quit picks up where it stopped.
    main.start();
    // Quit waits for the OCR workers to release their onnxruntime sessions: a thread torn down with
    // live sessions aborts the process (a crash report on every quit).
    let disposed = false;
    app.on('will-quit', (event) => {
      if (disposed) return;
      event.preventDefault();
      void main.dispose().finally(() => {
        disposed = true;
        app.quit();
      });
    });
    registerIpc(ipcMain, main.handlers, () => entryUrl, ipcError);
    // Menu items run their command in the renderer, over the contract's menu:command event.
    const menuCommand = (command: AppCommand) => sendEvent(mainWindow?.webContents, 'menu:command', { command });
    Menu.setApplicationMenu(buildAppMenu({ devTools: !app.isPackaged, platform: process.platform, command: menuCommand }));
    // Started at login: stay in the tray, but load the renderer so it can sync and take notification clicks.
    mainWindow = createWindow(!reminders.launchedAtLogin);
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

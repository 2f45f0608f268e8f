// App entry: wire the vault, OCR and reminder services to IPC, open the one window, and keep everything else thin.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import type { Handlers, ImportBatch } from '../../shared/ipc/contract';
import { createVaultHandlers, imagesOf } from './handlers';
import { createOcrService } from './ocr/queue';
import { createOcrHandlers } from './ocrHandlers';
import { createBundlePorts, createDesktopPorts } from './desktop';
import { createBundleService } from './bundle';
import { createBundleHandlers } from './bundle/handlers';
import { createRedactionSource } from './bundle/redactions';
import { createPortablePorts } from './portable/desktop';
import { createPortableHandlers } from './portable/handlers';
import { registerIpc, sendEvent } from './ipc/register';
import { hardenWebContents, installAppSecurity, secureWebPreferences } from './security';
import { createVaultService } from './vault';
import { ipcError } from './ipc/errors';
import { buildAppMenu } from './menu';
import { startReminders, type RemindersGlue } from './reminders/electron';
import { createReminderHandlers } from './reminders/handlers';
import { createIntegrity } from './integrity';
import { createIntegrityPorts } from './integrity/desktop';
import { backupAuditHooks } from './integrity/backupAudit';
import { startBackup } from './backup/start';

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
    backgroundColor: '#f6f5f2',
    webPreferences: secureWebPreferences(preloadPath),
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
    const vaultDir = join(app.getPath('userData'), 'vault');
    const vault = createVaultService({
      vaultDir,
      tempDir: join(app.getPath('temp'), 'liuzheng-open'),
      onProgress: (p) => sendEvent(mainWindow?.webContents, 'vault:importProgress', p),
    });
    const ocr = createOcrService({
      vaultDir,
      engineOptions: { cacheDir: join(app.getPath('userData'), 'ocr-cache') },
      onProgress: (e) => sendEvent(mainWindow?.webContents, 'ocr:progress', e),
    });
    // Work interrupted by the last quit picks up where it stopped.
    ocr.resume().catch((err: unknown) => console.error('[ocr] resume failed', err));
    app.on('will-quit', () => void ocr.dispose());
    reminders = startReminders({
      dataDir: app.getPath('userData'),
      getWindow: () => mainWindow,
      showWindow,
      emitFired: (payload) => sendEvent(mainWindow?.webContents, 'reminders:fired', payload),
      emitAction: (action) => sendEvent(mainWindow?.webContents, 'reminders:action', action),
    });
    const integrity = createIntegrity({
      vaultDir,
      exclusive: (work) => vault.exclusive(work),
      onCheckProgress: (p) => sendEvent(mainWindow?.webContents, 'vaultCheck:progress', p),
      ports: createIntegrityPorts(() => mainWindow),
    });
    const enqueueOcr = (batch: ImportBatch): void => {
      ocr.enqueue(imagesOf(batch)).catch((err: unknown) => console.error('[ocr] enqueue failed', err));
    };
    const handlers: Handlers = integrity.withAudit({
      ...createVaultHandlers(vault, createDesktopPorts(() => mainWindow), enqueueOcr),
      ...createOcrHandlers(ocr, vaultDir),
      ...createBundleHandlers(createBundleService({ vaultDir }), createBundlePorts(() => mainWindow), createRedactionSource(vaultDir)),
      ...createReminderHandlers(reminders.service, reminders.ports),
      ...startBackup({ vaultDir, vaultLock: (work) => vault.exclusive(work), getWindow: () => mainWindow, quiesce: () => ocr.dispose(), ...backupAuditHooks(integrity.audit) }),
      ...createPortableHandlers(vault, vaultDir, createPortablePorts(() => mainWindow), enqueueOcr),
    });
    registerIpc(handlers, () => entryUrl, ipcError);
    Menu.setApplicationMenu(buildAppMenu());
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

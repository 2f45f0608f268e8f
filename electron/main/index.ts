// App entry: wire the vault service to IPC, open the one window, and keep everything else thin.
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow, Menu } from 'electron';
import { createHandlers } from './handlers';
import { createDesktopPorts } from './desktop';
import { registerIpc, sendEvent } from './ipc/register';
import { hardenWebContents, installAppSecurity, secureWebPreferences } from './security';
import { createVaultService } from './vault';
import { ipcError } from './ipc/errors';
import { buildAppMenu } from './menu';

const devServerUrl = process.env['ELECTRON_RENDERER_URL'];
const entryUrl = devServerUrl ?? pathToFileURL(fileURLToPath(new URL('../renderer/index.html', import.meta.url))).href;
const preloadPath = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

// A fixed, ASCII folder name: the product name has Chinese characters and spaces, and the vault
// path is something buyers are told to back up.
app.setPath('userData', join(app.getPath('appData'), 'LiuZheng'));

let mainWindow: BrowserWindow | undefined;

function createWindow(): BrowserWindow {
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
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = undefined;
  });
  void win.loadURL(entryUrl);
  return win;
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  installAppSecurity(() => entryUrl);
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });

  void app.whenReady().then(() => {
    const vault = createVaultService({
      vaultDir: join(app.getPath('userData'), 'vault'),
      tempDir: join(app.getPath('temp'), 'liuzheng-open'),
      onProgress: (p) => sendEvent(mainWindow?.webContents, 'vault:importProgress', p),
    });
    registerIpc(createHandlers(vault, createDesktopPorts(() => mainWindow)), () => entryUrl, ipcError);
    Menu.setApplicationMenu(buildAppMenu());
    mainWindow = createWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
    });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
}

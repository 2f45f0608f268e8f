// Native dialogs and shell access, kept thin: the services never see Electron.
import { dialog, shell, type BrowserWindow } from 'electron';
import type { BundlePorts } from './bundle/handlers';
import type { DesktopPorts } from './handlers';

const MEDIA_FILTERS = [
  { name: '证据文件 Evidence', extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif', 'heic', 'tif', 'tiff', 'bmp', 'mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi', '3gp', 'mp3', 'm4a', 'aac', 'wav', 'amr', 'ogg', 'flac', 'txt', 'csv', 'pdf'] },
  { name: '所有文件 All files', extensions: ['*'] },
];

export function createDesktopPorts(window: () => BrowserWindow | undefined): DesktopPorts {
  return {
    async pickFiles() {
      const win = window();
      const options = { properties: ['openFile', 'multiSelections'] as const, filters: MEDIA_FILTERS };
      const res = win
        ? await dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
        : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
      return res.canceled ? [] : res.filePaths;
    },
    async pickFolder() {
      const win = window();
      const res = win
        ? await dialog.showOpenDialog(win, { properties: ['openDirectory'] })
        : await dialog.showOpenDialog({ properties: ['openDirectory'] });
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
  };
}

export function createBundlePorts(window: () => BrowserWindow | undefined): BundlePorts {
  return {
    async chooseSavePath(defaultName) {
      const options = { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] };
      const win = window();
      const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return res.canceled || !res.filePath ? null : res.filePath;
    },
    async chooseFolder() {
      const options = { properties: ['openDirectory', 'createDirectory'] as ('openDirectory' | 'createDirectory')[] };
      const win = window();
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
  };
}

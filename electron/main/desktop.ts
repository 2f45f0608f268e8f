// Native dialogs and shell access, kept thin: the services never see Electron.
import { shell } from 'electron';
import { pickPath, pickPaths, pickSavePath, type WindowRef } from './dialogs';
import type { BundlePorts } from './bundle/handlers';
import type { DesktopPorts } from './handlers';

const MEDIA_FILTERS = [
  { name: '证据文件 Evidence', extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif', 'heic', 'tif', 'tiff', 'bmp', 'mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi', '3gp', 'mp3', 'm4a', 'aac', 'wav', 'amr', 'ogg', 'flac', 'txt', 'csv', 'pdf'] },
  { name: '所有文件 All files', extensions: ['*'] },
];

export function createDesktopPorts(window: WindowRef): DesktopPorts {
  return {
    pickFiles: () => pickPaths(window, { properties: ['openFile', 'multiSelections'], filters: MEDIA_FILTERS }),
    pickFolder: () => pickPath(window, { properties: ['openDirectory'] }),
    async openPath(path) {
      const error = await shell.openPath(path);
      if (error) throw new Error(error);
    },
  };
}

export function createBundlePorts(window: WindowRef): BundlePorts {
  return {
    chooseSavePath: (defaultName) => pickSavePath(window, { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    chooseFolder: () => pickPath(window, { properties: ['openDirectory', 'createDirectory'] }),
  };
}

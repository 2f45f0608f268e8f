// Native dialogs and shell access, kept thin: the services never see Electron.
import { shell } from 'electron';
import { askButton, pickPath, pickPaths, pickSavePath, type WindowRef } from './dialogs';
import type { BundlePorts } from './bundle/handlers';
import type { DesktopPorts } from './handlers';

const MEDIA_FILTERS = [
  { name: '证据文件 Evidence', extensions: ['png', 'jpg', 'jpeg', 'webp', 'gif', 'heic', 'tif', 'tiff', 'bmp', 'mp4', 'mov', 'm4v', 'webm', 'mkv', 'avi', '3gp', 'mp3', 'm4a', 'aac', 'wav', 'amr', 'ogg', 'flac', 'txt', 'csv', 'pdf', 'mhtml', 'mht', 'html', 'htm'] },
  { name: '保存的网页 Saved web pages', extensions: ['mhtml', 'mht', 'html', 'htm'] },
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
    async confirmOpen(fileName, warning) {
      const response = await askButton(window, {
        type: 'warning',
        buttons: ['仍然打开 Open anyway', '取消 Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: `用其他程序打开“${fileName}”？ Open "${fileName}" in another program?`,
        detail: `${warning}\n打开的是只读副本，证据库中的原件不受影响。It opens a read-only copy; the original in the vault is unchanged.`,
      });
      return response === 0;
    },
  };
}

export function createBundlePorts(window: WindowRef): BundlePorts {
  return {
    chooseSavePath: (defaultName) => pickSavePath(window, { defaultPath: defaultName, filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    chooseFolder: () => pickPath(window, { properties: ['openDirectory', 'createDirectory'] }),
  };
}

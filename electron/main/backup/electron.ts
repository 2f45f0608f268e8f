// The Electron side of backups: the save and open dialogs and the restart after a restore.
import { app, dialog, type BrowserWindow, type OpenDialogOptions, type SaveDialogOptions } from 'electron';
import type { BackupPorts } from './handlers';

const ARCHIVES = [{ name: '留证备份 LiuZheng backup', extensions: ['tar', 'lzbackup'] }];

export function createBackupPorts(window: () => BrowserWindow | undefined): BackupPorts {
  const save = async (options: SaveDialogOptions): Promise<string | null> => {
    const win = window();
    const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
    return res.canceled || !res.filePath ? null : res.filePath;
  };
  return {
    chooseArchivePath: (defaultName) => save({ defaultPath: defaultName, filters: ARCHIVES }),
    async chooseArchive() {
      const options: OpenDialogOptions = { properties: ['openFile'], filters: [...ARCHIVES, { name: '所有文件 All files', extensions: ['*'] }] };
      const win = window();
      const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return res.canceled ? null : (res.filePaths[0] ?? null);
    },
    chooseDumpPath: (defaultName) => save({ defaultPath: defaultName, filters: [{ name: 'JSON', extensions: ['json'] }] }),
    relaunch() {
      app.relaunch();
      app.exit(0);
    },
  };
}

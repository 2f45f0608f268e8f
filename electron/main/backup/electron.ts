// The Electron side of backups: the save and open dialogs and the restart after a restore.
import { app } from 'electron';
import { pickPath, pickSavePath, type WindowRef } from '../dialogs';
import type { BackupPorts } from './handlers';

const ARCHIVES = [{ name: '留证备份 LiuZheng backup', extensions: ['tar', 'lzbackup'] }];

export function createBackupPorts(window: WindowRef): BackupPorts {
  return {
    chooseArchivePath: (defaultName) => pickSavePath(window, { defaultPath: defaultName, filters: ARCHIVES }),
    chooseArchive: () => pickPath(window, { properties: ['openFile'], filters: [...ARCHIVES, { name: '所有文件 All files', extensions: ['*'] }] }),
    chooseDumpPath: (defaultName) => pickSavePath(window, { defaultPath: defaultName, filters: [{ name: 'JSON', extensions: ['json'] }] }),
    relaunch() {
      app.relaunch();
      app.exit(0);
    },
  };
}

// The folder dialogs behind the case folder export and import.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { PortablePorts } from './handlers';

async function pick(window: () => BrowserWindow | undefined, options: OpenDialogOptions): Promise<string | null> {
  const win = window();
  const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return res.canceled ? null : (res.filePaths[0] ?? null);
}

export function createPortablePorts(window: () => BrowserWindow | undefined): PortablePorts {
  return {
    chooseExportParent: () => pick(window, { title: '选择保存案件文件夹的位置', properties: ['openDirectory', 'createDirectory'] }),
    chooseCaseFolder: () => pick(window, { title: '选择含有 case.json 的案件文件夹', properties: ['openDirectory'] }),
  };
}

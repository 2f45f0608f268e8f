// The folder dialogs behind the case folder export and import.
import { pickPath, type WindowRef } from '../dialogs';
import type { PortablePorts } from './handlers';

export function createPortablePorts(window: WindowRef): PortablePorts {
  return {
    chooseExportParent: () => pickPath(window, { title: '选择保存案件文件夹的位置', properties: ['openDirectory', 'createDirectory'] }),
    chooseCaseFolder: () => pickPath(window, { title: '选择含有 case.json 的案件文件夹', properties: ['openDirectory'] }),
  };
}

// The open dialogs that bundle verification needs; kept out of the service so tests can queue paths.
import { dialog, type BrowserWindow, type OpenDialogOptions } from 'electron';
import type { IntegrityPorts } from './index';

export function createIntegrityPorts(window: () => BrowserWindow | undefined): IntegrityPorts {
  const pick = async (options: OpenDialogOptions): Promise<string | null> => {
    const win = window();
    const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
    return res.canceled ? null : (res.filePaths[0] ?? null);
  };
  return {
    pickBundlePdf: () => pick({ properties: ['openFile'], filters: [{ name: 'PDF', extensions: ['pdf'] }] }),
    pickBundleFolder: () => pick({ properties: ['openDirectory'] }),
  };
}

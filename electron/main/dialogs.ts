// The one way main shows a native dialog: attached to the window when there is one (so it is modal
// there), free-standing when the app runs in the tray. Every port that asks the buyer for a path or a
// yes/no goes through these, so the with-or-without-a-window choice is made once.
import { dialog, type BrowserWindow, type MessageBoxOptions, type OpenDialogOptions, type SaveDialogOptions } from 'electron';

export type WindowRef = () => BrowserWindow | undefined;

/** The chosen paths, or [] when the buyer cancels. */
export async function pickPaths(window: WindowRef, options: OpenDialogOptions): Promise<string[]> {
  const win = window();
  const res = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return res.canceled ? [] : res.filePaths;
}

/** The first chosen path, or null when the buyer cancels. */
export async function pickPath(window: WindowRef, options: OpenDialogOptions): Promise<string | null> {
  return (await pickPaths(window, options))[0] ?? null;
}

/** The path to save to, or null when the buyer cancels. */
export async function pickSavePath(window: WindowRef, options: SaveDialogOptions): Promise<string | null> {
  const win = window();
  const res = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  return res.canceled || !res.filePath ? null : res.filePath;
}

/** The index of the button the buyer pressed. */
export async function askButton(window: WindowRef, options: MessageBoxOptions): Promise<number> {
  const win = window();
  const { response } = win ? await dialog.showMessageBox(win, options) : await dialog.showMessageBox(options);
  return response;
}

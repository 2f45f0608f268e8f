// The only place the app may hand a URL to the system browser. Nothing in the UI links out today;
// anything that ever does must come through here, behind openConfirmedLink's gate (https only, only
// for a link the buyer clicked, and only after they confirm the exact address). The static check in
// tests/unit/main/electron-static.test.ts fails if shell.openExternal appears anywhere else.
import { shell } from 'electron';
import { openConfirmedLink } from '../../shared/security/trust';
import { askButton, type WindowRef } from './dialogs';

/** Opens `url` outside the app if it is safe, was clicked, and the buyer says yes; returns whether it did. */
export function openExternalLink(url: string, clickedByUser: boolean, window: WindowRef): Promise<boolean> {
  return openConfirmedLink(url, clickedByUser, {
    async confirm(target) {
      const response = await askButton(window, {
        type: 'question',
        buttons: ['打开 Open', '取消 Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: '在浏览器中打开此网址？ Open this address in your browser?',
        detail: target,
      });
      return response === 0;
    },
    open: (target) => shell.openExternal(target),
  });
}

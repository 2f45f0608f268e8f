// The only place the app may hand a URL to the system browser. Nothing in the UI links out today;
// anything that ever does must come through here: https only (isSafeExternalUrl), only for a link the
// buyer clicked, and only after they confirm the exact address. The static check in
// tests/unit/main/electron-static.test.ts fails if shell.openExternal appears anywhere else.
import { shell } from 'electron';
import { askButton, type WindowRef } from './dialogs';
import { isSafeExternalUrl } from '../../shared/security/trust';

export interface ExternalLinkPorts {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** Opens `url` outside the app if it is safe, was clicked, and the buyer says yes; returns whether it did. */
export async function openExternalLink(url: string, clickedByUser: boolean, ports: ExternalLinkPorts): Promise<boolean> {
  if (!clickedByUser || !isSafeExternalUrl(url)) return false;
  if (!(await ports.confirm(url))) return false;
  await ports.open(url);
  return true;
}

export function electronLinkPorts(window: WindowRef): ExternalLinkPorts {
  return {
    async confirm(url) {
      const response = await askButton(window, {
        type: 'question',
        buttons: ['打开 Open', '取消 Cancel'],
        defaultId: 1,
        cancelId: 1,
        message: '在浏览器中打开此网址？ Open this address in your browser?',
        detail: url,
      });
      return response === 0;
    },
    open: (url) => shell.openExternal(url),
  };
}

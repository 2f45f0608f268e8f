// Electron glue for the contract: one ipcMain.handle per channel, each checking who is asking first.
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { EventChannel, Handlers, MainEvents } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/schemas';
import { fail } from '../../../shared/ipc/result';
import { isTrustedRendererUrl } from '../../../shared/security/trust';
import { dispatch, type HandlerFailure } from './dispatch';

function trustedSender(event: IpcMainInvokeEvent, entryUrl: string): boolean {
  const frame = event.senderFrame;
  // Only the top frame of our own document may call in; a subframe or a navigated page may not.
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, entryUrl);
}

export function registerIpc(handlers: Handlers, entryUrl: () => string, toError: HandlerFailure): void {
  for (const channel of Object.keys(requestSchemas)) {
    ipcMain.handle(channel, (event, raw: unknown) =>
      trustedSender(event, entryUrl())
        ? dispatch(handlers, channel, raw, toError)
        : fail({ code: 'untrusted-sender', message: `Refused ${channel} from an untrusted frame` }),
    );
  }
}

export function sendEvent<E extends EventChannel>(target: WebContents | undefined, channel: E, payload: MainEvents[E]): void {
  if (target && !target.isDestroyed()) target.send(channel, payload);
}

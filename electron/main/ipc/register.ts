// Electron glue for the contract: one handler per channel, each checking who is asking first. The IPC
// host is passed in (ipcMain in the app; the e2e harness passes its own, fed by the page bridge), so
// the sender check the tests exercise is this one. Nothing here loads Electron at run time.
import type { WebContents } from 'electron';
import type { EventChannel, Handlers, MainEvents } from '../../../shared/ipc/contract';
import { requestSchemas } from '../../../shared/ipc/schemas';
import { fail } from '../../../shared/ipc/result';
import { isTrustedRendererUrl } from '../../../shared/security/trust';
import { dispatch, type HandlerFailure } from './dispatch';

/** The parts of IpcMainInvokeEvent the sender check reads. */
export interface InvokeEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

/** ipcMain's handle(), as far as registration needs it. */
export interface IpcHost {
  handle(channel: string, listener: (event: InvokeEvent, raw: unknown) => Promise<unknown>): void;
}

function trustedSender(event: InvokeEvent, entryUrl: string): boolean {
  const frame = event.senderFrame;
  // Only the top frame of our own document may call in; a subframe or a navigated page may not.
  return frame !== null && frame.parent === null && isTrustedRendererUrl(frame.url, entryUrl);
}

export function registerIpc(ipc: IpcHost, handlers: Handlers, entryUrl: () => string, toError: HandlerFailure): void {
  for (const channel of Object.keys(requestSchemas)) {
    ipc.handle(channel, (event, raw) =>
      trustedSender(event, entryUrl())
        ? dispatch(handlers, channel, raw, toError)
        : Promise.resolve(fail({ code: 'untrusted-sender', message: `Refused ${channel} from an untrusted frame` })),
    );
  }
}

export function sendEvent<E extends EventChannel>(target: WebContents | undefined, channel: E, payload: MainEvents[E]): void {
  if (target && !target.isDestroyed()) target.send(channel, payload);
}

// The one thing page rendering (and web capture) needs from a browser: a DevTools-protocol session.
// In the app it is webContents.debugger; in tests, Playwright's CDPSession on real Chromium. The same
// code drives both, so what the tests check is what the app does.

export type CdpParams = Record<string, unknown>;

export interface CdpSession {
  send(method: string, params?: CdpParams): Promise<CdpParams>;
  /** Subscribes to an event; returns the unsubscribe. */
  on(event: string, listener: (params: CdpParams) => void): () => void;
}

/** A browser tab in a locked-down session: no app preload, no shared cookies, scripts off. */
export interface RenderTab {
  cdp: CdpSession;
  /** Loads `url` and resolves when the load event fired; rejects on failure or after `timeoutMs`. */
  navigate(url: string, timeoutMs: number): Promise<void>;
  /** The page as PDF; hosts whose CDP cannot print (a visible Electron window) print their own way. */
  printToPdf?(opts: { maxPages: number }): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface RenderHost {
  open(): Promise<RenderTab>;
}

export class RenderTimeout extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RenderTimeout';
  }
}

export function str(params: CdpParams, key: string): string {
  const v = params[key];
  return typeof v === 'string' ? v : '';
}

/** Navigation over CDP alone: Page.navigate, then the load event, within `timeoutMs`. */
export async function cdpNavigate(cdp: CdpSession, url: string, timeoutMs: number): Promise<void> {
  let off = (): void => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const loaded = new Promise<void>((resolve, reject) => {
    off = cdp.on('Page.loadEventFired', () => resolve());
    timer = setTimeout(() => reject(new RenderTimeout(`The page did not finish loading within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
  });
  try {
    await cdp.send('Page.enable');
    const nav = await cdp.send('Page.navigate', { url });
    const error = str(nav, 'errorText');
    if (error !== '') throw new Error(`The page could not be loaded (${error}).`);
    await loaded;
  } finally {
    off();
    clearTimeout(timer);
  }
}

// The page renderer's host in tests: a fresh Playwright context on real Chromium (scripts off, no
// service workers, no downloads) and its raw CDPSession, driven by the app's own render code.
import type { Browser, CDPSession } from '@playwright/test';
import { cdpNavigate, type CdpParams, type CdpSession, type RenderHost } from '../../electron/main/webpage/cdp';

/** Playwright types each protocol method; the app's session is deliberately untyped (method, params). */
interface LooseSession {
  send(method: string, params?: CdpParams): Promise<CdpParams>;
  on(event: string, listener: (params: CdpParams) => void): unknown;
  off(event: string, listener: (params: CdpParams) => void): unknown;
}

export function asCdpSession(session: CDPSession): CdpSession {
  const loose = session as unknown as LooseSession;
  return {
    send: (method, params) => loose.send(method, params),
    on(event, listener) {
      loose.on(event, listener);
      return () => void loose.off(event, listener);
    },
  };
}

export function playwrightRenderHost(browser: Browser): RenderHost {
  return {
    async open() {
      const context = await browser.newContext({ javaScriptEnabled: false, serviceWorkers: 'block', acceptDownloads: false });
      const page = await context.newPage();
      const cdp = asCdpSession(await context.newCDPSession(page));
      return { cdp, navigate: (url, timeoutMs) => cdpNavigate(cdp, url, timeoutMs), close: () => context.close() };
    },
  };
}

/** A live-page tab for web capture: scripts on (pages need them), no downloads, optionally trusting the test's own certificate. */
export function playwrightCaptureHost(browser: Browser, opts: { ignoreHTTPSErrors?: boolean } = {}): RenderHost {
  return {
    async open() {
      const context = await browser.newContext({ serviceWorkers: 'block', acceptDownloads: false, ignoreHTTPSErrors: opts.ignoreHTTPSErrors ?? false });
      const page = await context.newPage();
      const cdp = asCdpSession(await context.newCDPSession(page));
      return { cdp, navigate: (url, timeoutMs) => cdpNavigate(cdp, url, timeoutMs), close: () => context.close() };
    },
  };
}

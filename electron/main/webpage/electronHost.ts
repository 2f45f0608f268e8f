// The page renderer's host in the app: a hidden, sandboxed window with scripts off, in an in-memory
// partition of its own (no app preload, no cookies shared with anything), driven over
// webContents.debugger, the same DevTools protocol the tests drive on Playwright's Chromium.
import { mkdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BrowserWindow, session } from 'electron';
import { captureWindowPreferences, hardenCaptureSession, hardenPageSession, markCaptureContents, pageRenderPreferences } from '../security';
import type { CapturePolicy } from '../../../shared/capture/urlPolicy';
import { RenderTimeout, type CdpParams, type CdpSession, type RenderHost, type RenderTab } from './cdp';

/** No "persist:" prefix: the partition lives in memory and is gone when the app quits. */
const PARTITION = 'liuzheng-page-render';

export function createElectronRenderHost(renderRoot: string): RenderHost {
  let hardened = false;
  const pageSession = () => {
    const ses = session.fromPartition(PARTITION, { cache: false });
    if (!hardened) {
      mkdirSync(renderRoot, { recursive: true });
      hardenPageSession(ses, `${pathToFileURL(renderRoot).href}/`);
      hardened = true;
    }
    return ses;
  };
  return { open: async () => openTab(new BrowserWindow({ show: false, width: 1024, height: 1200, webPreferences: pageRenderPreferences(pageSession()) })) };
}

/** 抓取网页's browser: hidden windows in an in-memory session of their own, never the app's. */
export function createElectronCaptureHost(policy: CapturePolicy): RenderHost {
  let hardened = false;
  const captureSession = () => {
    const ses = session.fromPartition('liuzheng-web-capture', { cache: false });
    if (!hardened) {
      hardenCaptureSession(ses, policy);
      hardened = true;
    }
    return ses;
  };
  return {
    async open() {
      const win = new BrowserWindow({ show: false, width: 1280, height: 900, webPreferences: captureWindowPreferences(captureSession()) });
      markCaptureContents(win.webContents);
      return openTab(win);
    },
  };
}

async function openTab(win: BrowserWindow): Promise<RenderTab> {
  const wc = win.webContents;
  wc.setWindowOpenHandler(() => ({ action: 'deny' }));
  wc.debugger.attach('1.3');
  const cdp: CdpSession = {
    send: async (method, params) => (await wc.debugger.sendCommand(method, params)) as CdpParams,
    on(event, listener) {
      const handler = (_e: unknown, method: string, params: CdpParams) => {
        if (method === event) listener(params);
      };
      wc.debugger.on('message', handler);
      return () => void wc.debugger.off('message', handler);
    },
  };
  return {
    cdp,
    async navigate(url, timeoutMs) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new RenderTimeout(`The page did not finish loading within ${Math.round(timeoutMs / 1000)} s.`)), timeoutMs);
      });
      try {
        await Promise.race([wc.loadURL(url), timeout]);
      } finally {
        clearTimeout(timer);
      }
    },
    // CDP's Page.printToPDF is headless-only; a window prints through Electron's own call.
    printToPdf: async ({ maxPages }) => wc.printToPDF({ printBackground: true, pageSize: 'A4', pageRanges: `1-${maxPages}` }),
    async close() {
      try {
        wc.debugger.detach();
      } catch {
        // Already detached (the window crashed): nothing left to release.
      }
      win.destroy();
    },
  };
}

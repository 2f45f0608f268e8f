// Attaches the built renderer, in a real Chromium page, to the real main-process handlers running in
// this Node process, over a vault folder of its own. Used by the e2e fixture and the benchmarks.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { expect, type Page } from '@playwright/test';
import { ipcError } from '../../../electron/main/ipc/errors';
import { registerIpc, type InvokeEvent } from '../../../electron/main/ipc/register';
import { API_EVENTS, API_METHODS } from '../../../shared/ipc/api';
import type { EventChannel, MainEvents } from '../../../shared/ipc/contract';
import { createTestMain, newTestDesktop, type TestDesktop, type TestMain } from './mainProcess';
import { installPageBridge } from './pageBridge';
import { decodeFromWire, encodeForWire } from './wire';
import { playwrightCaptureHost, playwrightRenderHost } from '../../support/renderHost';

export const APP_ORIGIN = 'https://app.liuzheng.test';
export const ENTRY_URL = `${APP_ORIGIN}/index.html`;
const RENDERER_DIR = join(process.cwd(), 'out', 'renderer');
const MIME: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.woff2': 'font/woff2', '.json': 'application/json' };

export interface AppHarness {
  page: Page;
  vaultDir: string;
  /** Paths the next "file dialog" returns; an empty array means the user cancelled. */
  queueFileDialog(paths: string[]): void;
  queueFolderDialog(dir: string | null): void;
  queueSaveDialog(path: string | null): void;
  /** Dialogs, notifications, opened files and the main clock, as the desktop would see them. */
  desktop: TestDesktop;
  /** Requests that tried to leave the app. Must stay empty. */
  externalRequests: string[];
  /** A fresh main process over the same vault folder, as after quitting and starting the app again. */
  restartMain(): Promise<void>;
  vault(): TestMain['vault'];
  /** Main's OCR queue, to finish work before the page has heard of it. */
  ocr(): TestMain['ocr'];
  reminders(): TestMain['reminders'];
  /** Sets the page's and main's clocks to the same instant, then wakes main as after sleep. */
  setClock(epochMs: number): Promise<void>;
  goto(): Promise<void>;
  screenshot(name: string): Promise<void>;
}

export async function attachApp(page: Page, opts: { screenshotPath?: (name: string) => string } = {}): Promise<AppHarness & { dispose(): Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), 'liuzheng-e2e-'));
    const desktop = newTestDesktop();
    const externalRequests: string[] = [];
    const emit = <E extends EventChannel>(channel: E, payload: MainEvents[E]) => {
      // Sent as JSON text: Playwright's deep Serializable typing cannot follow the recursive Wire type.
      const message = JSON.stringify({ channel, payload: encodeForWire(payload) });
      void page
        .evaluate((json: string) => {
          const { channel: c, payload: p } = JSON.parse(json) as { channel: string; payload: unknown };
          (window as unknown as { __liuzhengEmit?: (c: string, p: unknown) => void }).__liuzhengEmit?.(c, p);
        }, message)
        .catch(() => undefined);
    };

    // The app's own registration, sender check included, over a host the page bridge calls into.
    const listeners = new Map<string, (event: InvokeEvent, raw: unknown) => Promise<unknown>>();
    const makeMain = () => {
      // Saved pages render in a context of their own on the same Chromium (scripts off, every request
      // outside the page copy failed), never in the app's page, whose requests are checked below.
      const browser = page.context().browser();
      const made = createTestMain(root, desktop, emit, browser ? { pageHost: () => playwrightRenderHost(browser), captureHost: playwrightCaptureHost(browser) } : {});
      registerIpc({ handle: (channel, listener) => void listeners.set(channel, listener) }, made.handlers, () => ENTRY_URL, ipcError);
      return made;
    };
    let main = makeMain();

    await page.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== APP_ORIGIN) {
        externalRequests.push(url.href);
        return route.abort('blockedbyclient');
      }
      const file = normalize(join(RENDERER_DIR, decodeURIComponent(url.pathname)));
      if (!file.startsWith(RENDERER_DIR + sep)) return route.fulfill({ status: 403 });
      try {
        const body = await readFile(file);
        return route.fulfill({ status: 200, body, contentType: MIME[extname(file)] ?? 'application/octet-stream' });
      } catch {
        return route.fulfill({ status: 404 });
      }
    });
    page.on('request', (req) => {
      if (!req.url().startsWith(APP_ORIGIN) && !/^(blob|data):/.test(req.url())) externalRequests.push(req.url());
    });

    await page.exposeBinding('__liuzhengInvoke', async (source, channel: string, payload: unknown) => {
      const listener = listeners.get(channel);
      if (!listener) return encodeForWire({ ok: false, error: { code: 'unknown-channel', message: `Unknown channel "${channel.slice(0, 80)}"` } });
      // What Electron reports as the sender: the calling frame's URL and its parent (null at the top).
      const event: InvokeEvent = { senderFrame: { url: source.frame.url(), parent: source.frame.parentFrame() } };
      return encodeForWire(await listener(event, decodeFromWire(payload)));
    });
    // tsx (used by the benchmarks) compiles with esbuild's keepNames, which wraps functions in a
    // __name() helper that does not exist in the page; functions serialised into it need the shim.
    await page.addInitScript({ content: 'globalThis.__name ??= (fn) => fn;' });
    await page.addInitScript(installPageBridge, { methods: { ...API_METHODS }, events: { ...API_EVENTS } });

    const harness: AppHarness = {
      page,
      vaultDir: join(root, 'vault'),
      queueFileDialog: (paths) => void desktop.fileDialogs.push(paths),
      queueFolderDialog: (dir) => void desktop.folderDialogs.push(dir),
      queueSaveDialog: (path) => void desktop.saveDialogs.push(path),
      desktop,
      externalRequests,
      async restartMain() {
        await main.dispose();
        main = makeMain();
        await page.reload();
      },
      vault: () => main.vault,
      ocr: () => main.ocr,
      reminders: () => main.reminders,
      async setClock(epochMs) {
        desktop.clock.now = epochMs;
        await page.clock.setFixedTime(epochMs);
        await main.reminders.resume();
        // The OS focuses the window again after a wake; the app refreshes its countdowns on focus.
        await page.evaluate(() => window.dispatchEvent(new Event('focus'))).catch(() => undefined);
      },
      async goto() {
        await page.goto(ENTRY_URL);
        await expect(page.getByTestId('case-list')).toHaveAttribute('data-ready', 'true');
      },
      async screenshot(name) {
        // Kept in one stable folder so people and CI artifacts can find every main screen.
        await page.screenshot({ path: opts.screenshotPath?.(name) ?? join(process.cwd(), 'test-results', 'screenshots', `${name}.png`) });
      },
    };

    return {
    ...harness,
    async dispose() {
      await main.dispose();
      await rm(root, { recursive: true, force: true });
    },
  };
}

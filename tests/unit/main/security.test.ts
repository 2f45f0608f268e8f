// The main-process security rules, run against a stand-in for Electron's app/session/webContents/ipcMain
// that records every handler the rules install, then drives those handlers the way Chromium would.
import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { InvokeEvent } from '../../../electron/main/ipc/register';

type Listener = (...args: unknown[]) => void;

const fake = vi.hoisted(() => ({
  permissionRequest: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | ((...args: unknown[]) => boolean),
  headers: null as null | ((details: { responseHeaders?: Record<string, string[]> }, cb: (r: { responseHeaders?: Record<string, string[]> }) => void) => void),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  appListeners: new Map<string, Listener>(),
  ipc: new Map<string, (event: unknown, raw: unknown) => Promise<unknown>>(),
  sandboxed: false,
}));

vi.mock('electron', () => ({
  app: {
    enableSandbox: () => {
      fake.sandboxed = true;
    },
    on: (name: string, fn: Listener) => fake.appListeners.set(name, fn),
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof fake.permissionRequest) => (fake.permissionRequest = fn),
      setPermissionCheckHandler: (fn: typeof fake.permissionCheck) => (fake.permissionCheck = fn),
      webRequest: {
        onHeadersReceived: (fn: typeof fake.headers) => (fake.headers = fn),
        onBeforeRequest: (fn: typeof fake.beforeRequest) => (fake.beforeRequest = fn),
      },
    },
  },
}));

const { installAppSecurity, secureWebPreferences } = await import('../../../electron/main/security');
const { registerIpc } = await import('../../../electron/main/ipc/register');
const { CONTENT_SECURITY_POLICY } = await import('../../../shared/security/csp');
const { ipcError } = await import('../../../electron/main/ipc/errors');

const ENTRY = 'file:///opt/LiuZheng/resources/app.asar/out/renderer/index.html';

/** A webContents stand-in: real events, and the window-open handler kept for the test to call. */
class FakeContents extends EventEmitter {
  openHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(fn: (details: { url: string }) => { action: string }): void {
    this.openHandler = fn;
  }
  /** Emits like Chromium does; true when a listener called preventDefault. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

function newContents(): FakeContents {
  const contents = new FakeContents();
  fake.appListeners.get('web-contents-created')?.({}, contents);
  return contents;
}

beforeEach(() => {
  fake.appListeners.clear();
  installAppSecurity(() => ENTRY);
});

describe('secureWebPreferences', () => {
  it('turns on isolation and the sandbox, and every Node or insecure switch off', () => {
    expect(secureWebPreferences('/p/preload.cjs', false)).toMatchObject({
      preload: '/p/preload.cjs',
      devTools: false,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(fake.sandboxed).toBe(true);
  });

  it('keeps the developer tools for development builds only', () => {
    expect(secureWebPreferences('/p/preload.cjs', true).devTools).toBe(true);
    expect(secureWebPreferences('/p/preload.cjs', false).devTools).toBe(false);
  });
});

describe('every web contents the app creates', () => {
  it.each([
    ['https://www.taobao.com/', true],
    ['http://localhost:5173/', true],
    ['file:///etc/passwd', true],
    ['javascript:alert(1)', true],
    ['data:text/html,<script>alert(1)</script>', true],
    [`${ENTRY}#/case/1`, false],
  ])('navigation and redirects to %s blocked: %s', (url, blocked) => {
    const contents = newContents();
    expect(contents.attempt('will-navigate', url)).toBe(blocked);
    expect(contents.attempt('will-redirect', url)).toBe(blocked);
  });

  it('refuses to attach any <webview> and denies every window.open / target=_blank', () => {
    const contents = newContents();
    expect(contents.attempt('will-attach-webview', 'https://example.com/')).toBe(true);
    for (const url of ['https://www.12315.cn/', ENTRY, 'about:blank', 'file:///etc/passwd']) {
      expect(contents.openHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });
});

describe('the session', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial', 'usb', 'unknown'])(
    'denies the %s permission, on request and on check',
    (permission) => {
      const answers: boolean[] = [];
      fake.permissionRequest?.({}, permission, (ok) => answers.push(ok));
      expect(answers).toEqual([false]);
      expect(fake.permissionCheck?.({}, permission, ENTRY, {})).toBe(false);
    },
  );

  it('adds the CSP header to every response', () => {
    let headers: Record<string, string[]> | undefined;
    fake.headers?.({ responseHeaders: { 'X-Other': ['1'] } }, (r) => (headers = r.responseHeaders));
    expect(headers).toEqual({ 'X-Other': ['1'], 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] });
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("object-src 'none'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)|\*/);
  });

  it.each([
    ['https://cdn.example.com/x.js', true],
    ['http://127.0.0.1:8080/', true],
    ['ws://evil.example/', true],
    ['file:///home/user/.ssh/id_rsa', true],
    ['file:///opt/LiuZheng/resources/app.asar/out/renderer/assets/index.js', false],
    ['blob:file:///1234', false],
  ])('network request to %s cancelled: %s', (url, cancelled) => {
    let answer: boolean | undefined;
    fake.beforeRequest?.({ url }, (r) => (answer = r.cancel));
    expect(answer).toBe(cancelled);
  });
});

describe('IPC senders', () => {
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });
  const handlers = new Proxy({}, { get: () => async () => ({ blobCount: 0 }) });

  it('answers only the top frame of the app document', async () => {
    registerIpc({ handle: (channel, fn) => void fake.ipc.set(channel, (event, raw) => fn(event as InvokeEvent, raw)) }, handlers as never, () => ENTRY, ipcError);
    const call = (event: unknown) => fake.ipc.get('vault:info')?.(event, {});
    expect(await call(frame(ENTRY))).toMatchObject({ ok: true });
    for (const event of [frame('https://evil.example/'), frame(ENTRY, { url: ENTRY }), frame('file:///tmp/evil.html'), { senderFrame: null }]) {
      expect(await call(event)).toMatchObject({ ok: false, error: { code: 'untrusted-sender' } });
    }
  });
});

// The window and session that render saved web pages, against a stand-in session that records what
// security.ts installs; then each handler is driven the way Chromium would call it.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ app: { enableSandbox: () => undefined, on: () => undefined }, session: { defaultSession: {} } }));
const { hardenPageSession, pageRenderPreferences } = await import('../../../electron/main/security');

type BeforeRequest = (details: { url: string }, cb: (r: { cancel: boolean }) => void) => void;

class FakeSession extends EventEmitter {
  permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
  permissionCheck: (() => boolean) | null = null;
  beforeRequest: BeforeRequest | null = null;
  webRequest = { onBeforeRequest: (fn: BeforeRequest) => void (this.beforeRequest = fn) };
  setPermissionRequestHandler(fn: FakeSession['permissionRequest']) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['permissionCheck']) {
    this.permissionCheck = fn;
  }
}

const ROOT = 'file:///tmp/liuzheng-open/render/';

function hardened(): FakeSession {
  const ses = new FakeSession();
  hardenPageSession(ses as unknown as Parameters<typeof hardenPageSession>[0], ROOT);
  return ses;
}

describe('pageRenderPreferences', () => {
  it('renders untrusted pages with scripts off, sandboxed, without preload or dev tools, in the given session', () => {
    const ses = new FakeSession();
    const prefs = pageRenderPreferences(ses as unknown as Parameters<typeof pageRenderPreferences>[0]);
    expect(prefs).toMatchObject({ session: ses, javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false, webSecurity: true, devTools: false, webviewTag: false, plugins: false, webgl: false });
    expect(prefs.preload).toBeUndefined();
    expect(prefs.partition).toBeUndefined();
  });
});

describe('hardenPageSession', () => {
  it.each([
    ['file:///tmp/liuzheng-open/render/lz-render-1/page.mhtml', false],
    ['file:///tmp/liuzheng-open/render/lz-render-1/page_files/a.css', false],
    ['https://shop.kameng.example/refund-policy', true],
    ['http://127.0.0.1:9222/json', true],
    ['file:///home/buyer/.config/LiuZheng/vault/blobs/ab/x', true],
    ['file:///tmp/liuzheng-open/render/../vault', true],
    ['ws://evil.example/', true],
    ['data:text/html,x', true],
  ])('request %s cancelled: %s', (url, cancel) => {
    const ses = hardened();
    let answer: boolean | null = null;
    ses.beforeRequest?.({ url }, (r) => (answer = r.cancel));
    expect(answer).toBe(cancel);
  });

  it('refuses every permission and every download', () => {
    const ses = hardened();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let ok: boolean | null = null;
      ses.permissionRequest?.({}, permission, (v) => (ok = v));
      expect(ok).toBe(false);
    }
    expect(ses.permissionCheck?.()).toBe(false);
    let prevented = false;
    ses.emit('will-download', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
  });
});

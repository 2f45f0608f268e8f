// Every window-level security rule in one place, applied before any content loads.
import { app, session, type BrowserWindowConstructorOptions, type Session, type WebContents } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../../shared/security/csp';
import { isAllowedNavigation, isAppResource } from '../../shared/security/trust';
import { isInsideRenderRoot } from '../../shared/security/pageTrust';
import { checkCaptureUrl, type CapturePolicy } from '../../shared/capture/urlPolicy';

export function secureWebPreferences(preload: string, devTools: boolean): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload,
    // Off in installed builds: the console would reach window.liuzheng, and through it the vault.
    devTools,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

/** Call once, before the first window: covers every webContents the app will ever create. */
export function installAppSecurity(entryUrl: () => string): void {
  app.enableSandbox();

  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  // The app is offline by design: refuse anything that is not the app's own files or devtools.
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isAppResource(details.url, entryUrl()) });
  });

  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, entryUrl));
}

/**
 * The hidden 抓取网页 windows: they must follow the site's redirects, so the app-window navigation
 * rule does not apply to them; their own session's request rule (hardenCaptureSession) does.
 */
const captureContents = new WeakSet<WebContents>();
export function markCaptureContents(contents: WebContents): void {
  captureContents.add(contents);
}

export function hardenWebContents(contents: WebContents, entryUrl: () => string): void {
  contents.on('will-navigate', (event, url) => {
    if (!captureContents.has(contents) && !isAllowedNavigation(url, entryUrl())) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!captureContents.has(contents) && !isAllowedNavigation(url, entryUrl())) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/**
 * The window that renders a saved web page: untrusted content, so no preload, no scripts, sandboxed,
 * never shown, in its own in-memory session (`ses`), never the app's.
 */
export function pageRenderPreferences(ses: Session): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    session: ses,
    javascript: false,
    sandbox: true,
    contextIsolation: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    devTools: false,
    webgl: false,
    plugins: false,
    images: true,
    disableDialogs: true,
    autoplayPolicy: 'document-user-activation-required',
    backgroundThrottling: false,
  };
}

/** Locks the page-render session: no permissions, no downloads, no request outside the render folder. */
export function hardenPageSession(ses: Session, renderRootUrl: string): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !isInsideRenderRoot(details.url, renderRootUrl) });
  });
}

/** The hidden window of 抓取网页: a live page, so scripts run, but sandboxed, without preload or dev tools. */
export function captureWindowPreferences(ses: Session): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return { ...pageRenderPreferences(ses), javascript: true, images: true };
}

/** The capture session: no permissions, no downloads, and only requests the capture policy allows. */
export function hardenCaptureSession(ses: Session, policy: CapturePolicy): void {
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.on('will-download', (event) => event.preventDefault());
  ses.webRequest.onBeforeRequest((details, callback) => {
    callback({ cancel: !(/^(data|blob):/.test(details.url) || checkCaptureUrl(details.url, policy).ok) });
  });
}

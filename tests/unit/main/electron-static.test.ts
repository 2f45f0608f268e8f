// A static check for Electron misconfiguration, in place of electronegativity (it installs from npm but
// will not run offline: it insists on fetching Electron's release list). It scans every source file
// under electron/ and the renderer's HTML for the settings and calls that open an Electron app up, and
// checks that shell.openExternal is only reachable through the confirmed-https gate.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openConfirmedLink } from '../../../shared/security/trust';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const RULES: Array<{ name: string; pattern: RegExp }> = [
  { name: 'nodeIntegration on', pattern: /nodeIntegration(InWorker|InSubFrames)?\s*:\s*true/ },
  { name: 'contextIsolation off', pattern: /contextIsolation\s*:\s*false/ },
  { name: 'sandbox off', pattern: /sandbox\s*:\s*false/ },
  { name: 'webSecurity off', pattern: /webSecurity\s*:\s*false/ },
  { name: 'insecure content allowed', pattern: /allowRunningInsecureContent\s*:\s*true/ },
  { name: 'remote module', pattern: /enableRemoteModule|@electron\/remote/ },
  { name: 'experimental features', pattern: /experimentalFeatures\s*:\s*true|enableBlinkFeatures/ },
  { name: '<webview> enabled', pattern: /webviewTag\s*:\s*true|<webview|allowpopups/i },
  { name: 'custom or insecure protocol handler', pattern: /protocol\.(handle|register\w*Protocol|intercept\w*Protocol)|setAsDefaultProtocolClient/ },
  { name: 'certificate errors ignored', pattern: /ignore-certificate-errors|certificate-error|setCertificateVerifyProc/ },
  { name: 'web security switched off by flag', pattern: /disable-web-security|disable-site-isolation|no-sandbox/ },
  { name: 'arbitrary code run in a page', pattern: /executeJavaScript\s*\(/ },
  { name: 'generic IPC passthrough in preload', pattern: /exposeInMainWorld\([^)]*ipcRenderer\s*\)|invoke\(\s*(channel|name|ch)\b/ },
  { name: 'shell.openExternal outside the gate', pattern: /openExternal\s*\(/ },
];

/** The gate itself is the one file allowed to call shell.openExternal. */
const ALLOWED: Record<string, string[]> = { 'shell.openExternal outside the gate': ['electron/main/external.ts'] };

function scan(file: string, text: string): string[] {
  const found: string[] = [];
  for (const rule of RULES) {
    if (ALLOWED[rule.name]?.includes(file)) continue;
    text.split('\n').forEach((line, i) => {
      if (!line.trim().startsWith('//') && rule.pattern.test(line)) found.push(`${file}:${i + 1}: ${rule.name}`);
    });
  }
  return found;
}

function sources(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.(ts|tsx|html|mjs|cjs|js)$/.test(e.name))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
}

describe('static Electron configuration check', () => {
  it('flags each misconfiguration in a deliberately bad file (so it can fail)', () => {
    const bad = [
      'new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false,',
      '  webSecurity: false, allowRunningInsecureContent: true, enableRemoteModule: true, experimentalFeatures: true, webviewTag: true } });',
      "protocol.registerFileProtocol('app', cb); app.commandLine.appendSwitch('ignore-certificate-errors');",
      "contextBridge.exposeInMainWorld('ipc', ipcRenderer); void shell.openExternal(url); win.webContents.executeJavaScript(code);",
      "app.commandLine.appendSwitch('disable-web-security'); const x = (channel) => ipcRenderer.invoke(channel);",
    ].join('\n');
    const names = new Set(scan('bad.ts', bad).map((f) => f.replace(/^bad\.ts:\d+: /, '')));
    expect([...names].sort()).toEqual(RULES.map((r) => r.name).sort());
  });

  it('finds nothing in electron/, the preload or the renderer entry', () => {
    const files = [...sources('electron'), 'renderer/index.html'];
    expect(files).toContain('electron/main/security.ts');
    expect(files).toContain('electron/preload/index.ts');
    expect(files.flatMap((f) => scan(f, readFileSync(path.join(ROOT, f), 'utf8')))).toEqual([]);
  });

  it('the app window uses secureWebPreferences; the hidden page renderer, pageRenderPreferences', () => {
    const windows = sources('electron').filter((f) => readFileSync(path.join(ROOT, f), 'utf8').includes('new BrowserWindow('));
    expect(windows.sort()).toEqual(['electron/main/index.ts', 'electron/main/webpage/electronHost.ts']);
    expect(readFileSync(path.join(ROOT, 'electron/main/index.ts'), 'utf8')).toMatch(/webPreferences:\s*secureWebPreferences\(/);
    expect(readFileSync(path.join(ROOT, 'electron/main/webpage/electronHost.ts'), 'utf8')).toMatch(/show:\s*false[^)]*webPreferences:\s*pageRenderPreferences\(/);
  });

  it('installed builds get neither the developer tools nor their menu item', () => {
    const index = readFileSync(path.join(ROOT, 'electron/main/index.ts'), 'utf8');
    expect(index).toMatch(/secureWebPreferences\(preloadPath, !app\.isPackaged\)/);
    expect(index).toMatch(/buildAppMenu\(\{ devTools: !app\.isPackaged/);
  });
});

describe('openConfirmedLink (the gate electron/main/external.ts opens links through)', () => {
  const ports = () => {
    const asked: string[] = [];
    const opened: string[] = [];
    return { asked, opened, make: (answer: boolean) => ({ confirm: async (u: string) => (asked.push(u), answer), open: async (u: string) => void opened.push(u) }) };
  };

  it('opens a clicked https link only after the buyer confirms it', async () => {
    const p = ports();
    expect(await openConfirmedLink('https://www.12315.cn/', true, p.make(true))).toBe(true);
    expect(p.asked).toEqual(['https://www.12315.cn/']);
    expect(p.opened).toEqual(['https://www.12315.cn/']);
    const q = ports();
    expect(await openConfirmedLink('https://www.12315.cn/', true, q.make(false))).toBe(false);
    expect(q.opened).toEqual([]);
  });

  it.each([
    ['http://www.12315.cn/', true],
    ['file:///C:/Windows/System32/calc.exe', true],
    ['javascript:alert(1)', true],
    ['smb://evil/share', true],
    ['ms-msdt:/id PCWDiagnostic', true],
    ['https://user:pw@www.12315.cn/', true],
    ['https://127.0.0.1/', true],
    ['https://www.12315.cn/', false],
  ])('%s (clicked: %s) is never opened, and the buyer is not even asked', async (url, clicked) => {
    const p = ports();
    expect(await openConfirmedLink(url, clicked, p.make(true))).toBe(false);
    expect(p.asked).toEqual([]);
    expect(p.opened).toEqual([]);
  });
});

// Trust decisions as pure functions, so the adversarial cases can be tested without Electron.

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/**
 * True only for the app's own entry document. Query strings and fragments are ignored because the
 * renderer may use them for its own state; anything else (another file, another host, a data: URL,
 * an iframe pointing elsewhere) is refused.
 */
export function isTrustedRendererUrl(candidate: string | null | undefined, entryUrl: string): boolean {
  if (!candidate) return false;
  const a = parse(candidate);
  const b = parse(entryUrl);
  if (!a || !b) return false;
  if (a.protocol !== b.protocol) return false;
  if (a.protocol === 'file:') return a.host === b.host && decodeURIComponent(a.pathname) === decodeURIComponent(b.pathname);
  if (a.protocol !== 'http:' && a.protocol !== 'https:') return false;
  return a.origin === b.origin && a.username === '' && a.password === '';
}

/**
 * The window never leaves the app: only a same-document move (a hash change or a reload of the entry)
 * is allowed. Everything else, including redirects to look-alike hosts, is blocked.
 */
export function isAllowedNavigation(target: string, entryUrl: string): boolean {
  return isTrustedRendererUrl(target, entryUrl);
}

/** Links the user may open outside the app: https only, no credentials, no IP-literal tricks. */
export function isSafeExternalUrl(url: string): boolean {
  const u = parse(url);
  if (!u || u.protocol !== 'https:') return false;
  if (u.username || u.password) return false;
  return u.hostname.includes('.') && !/^[\d.]+$/.test(u.hostname) && !u.hostname.startsWith('[');
}

/**
 * What the window may load at all: files inside the renderer's own folder, or the dev server's
 * origin (its HMR socket included). blob:/data: come from the page itself and are allowed by CSP.
 */
export function isAppResource(url: string, entryUrl: string): boolean {
  const u = parse(url);
  const entry = parse(entryUrl);
  if (!u || !entry) return false;
  if (u.protocol === 'blob:' || u.protocol === 'data:' || u.protocol === 'devtools:') return true;
  if (entry.protocol === 'file:') {
    if (u.protocol !== 'file:' || u.host !== entry.host) return false;
    const dir = decodeURIComponent(entry.pathname).replace(/[^/]*$/, '');
    const path = decodeURIComponent(u.pathname);
    return path.startsWith(dir) && !path.slice(dir.length).split('/').includes('..');
  }
  const sameHost = u.host === entry.host && u.username === '' && u.password === '';
  const schemes = entry.protocol === 'https:' ? ['https:', 'wss:'] : ['http:', 'ws:'];
  return sameHost && schemes.includes(u.protocol);
}

/** What opening a link outside the app needs from the desktop: the buyer's yes, then the OS. */
export interface ExternalLinkPorts {
  confirm(url: string): Promise<boolean>;
  open(url: string): Promise<void>;
}

/** The gate in front of the system browser: a clicked, safe https link the buyer confirms; returns whether it opened. */
export async function openConfirmedLink(url: string, clickedByUser: boolean, ports: ExternalLinkPorts): Promise<boolean> {
  if (!clickedByUser || !isSafeExternalUrl(url)) return false;
  if (!(await ports.confirm(url))) return false;
  await ports.open(url);
  return true;
}

/** Extensions whose programs run what the file holds: spreadsheet formulas, PDF scripts, web pages. */
const ACTIVE_CONTENT: ReadonlyArray<readonly [readonly string[], string]> = [
  [['csv', 'tsv'], '表格软件打开 CSV 时会执行其中以 = + - @ 开头的公式，聊天记录可能由对方写入这类内容。Spreadsheet programs run formulas a CSV holds; a chat export may carry ones the other party wrote.'],
  [['pdf'], 'PDF 阅读器可能执行文件中的脚本或打开其中的链接。A PDF reader may run scripts or open links the file holds.'],
  [['html', 'htm', 'mhtml', 'mht', 'xhtml', 'svg', 'xml'], '浏览器打开网页文件时会运行其中的脚本。A browser runs the scripts a web page holds.'],
];

/**
 * The warning to show before handing a copy named `fileName` to another program, or null when its
 * program only displays it. The copy's extension is what the OS picks the program by.
 */
export function activeContentWarning(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  const ext = dot >= 0 ? fileName.slice(dot + 1).toLowerCase() : '';
  return ACTIVE_CONTENT.find(([exts]) => exts.includes(ext))?.[1] ?? null;
}

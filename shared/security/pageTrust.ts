// Trust decisions for showing a saved web page, as pure functions so hostile cases are tested without
// a browser. The page is untrusted content: it is rendered in its own session with scripts off, and
// the only thing it may load is its own copy on disk (an MHTML serves its parts from inside itself;
// an HTML save may also read its `_files` folder). Every other request, to any scheme, is refused.

export interface PageRequestScope {
  /** The file: URL of the page copy being shown. */
  document: string;
  /** The file: URL of the folder holding its resources, ending in "/"; absent when it has none. */
  resourceDir?: string;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** A file: URL's path as the OS would read it, or null when it is not a plain local path. */
function localPath(u: URL): string | null {
  if (u.protocol !== 'file:' || u.host !== '' || u.username !== '' || u.password !== '') return null;
  let path: string;
  try {
    path = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  // An encoded separator or dot-segment would be read by the OS differently from how the URL parser
  // normalised it; a NUL ends a path early.
  if (/[\\\0]/.test(path) || path.split('/').some((s) => s === '..' || s === '.')) return null;
  if (/%2f|%5c|%2e/i.test(u.pathname)) return null;
  return path;
}

/** Whether the page renderer may load `url` at all. */
export function isAllowedPageRequest(url: string, scope: PageRequestScope): boolean {
  const u = parse(url);
  const doc = parse(scope.document);
  if (!u || !doc) return false;
  const path = localPath(u);
  const docPath = localPath(doc);
  if (path === null || docPath === null) return false;
  if (path === docPath) return true;
  if (scope.resourceDir === undefined) return false;
  const dir = parse(scope.resourceDir);
  const dirPath = dir ? localPath(dir) : null;
  if (dirPath === null || !dirPath.endsWith('/') || dirPath === '/') return false;
  return path.startsWith(dirPath) && path.length > dirPath.length;
}

/**
 * The session-wide rule under the per-page one: the render session may load local files inside the
 * render folder and nothing else, whichever page is open. `root` is that folder's file: URL with "/".
 */
export function isInsideRenderRoot(url: string, root: string): boolean {
  // A document path that can never match stands in, so only the folder rule applies.
  return isAllowedPageRequest(url, { document: `${root}\u0000`, resourceDir: root });
}

/**
 * What the renderer answers a paused request with. `refuse` fails it; `stay` answers a document
 * request with "204 No Content", which Chromium treats as "do not navigate", so the tab keeps showing
 * the saved page. Failing a navigation instead would commit an error page, and a `<meta refresh>` or a
 * self-reload firing while the picture is taken makes the capture fail or shows the error page.
 */
export type PageRequestAnswer = 'continue' | 'refuse' | 'stay';

export function answerPageRequest(
  req: { url: string; resourceType: string; isMainFrame: boolean },
  scope: PageRequestScope,
  documentLoaded: boolean,
): PageRequestAnswer {
  const allowed = isAllowedPageRequest(req.url, scope);
  if (req.resourceType !== 'Document') return allowed ? 'continue' : 'refuse';
  // The main frame loads the copy once; anything after that (refresh, reload, navigation) stays put.
  if (req.isMainFrame) return allowed && !documentLoaded ? 'continue' : 'stay';
  // A saved frame from the `_files` folder may load; any other frame stays empty.
  return allowed ? 'continue' : 'stay';
}

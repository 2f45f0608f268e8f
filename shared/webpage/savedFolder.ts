// "网页，全部" saves (Ctrl+S in Chrome, Edge, Firefox) write `页面.html` plus a folder of its images and
// styles: `页面_files` (Chrome, Edge, Firefox) or `页面.files` (some localised IE builds). Dropped or
// imported together, the folder belongs to the page: one evidence item, not dozens of stray images.

const PAGE_NAME = /^(.*)\.(html?|xhtml)$/i;
export const RESOURCE_SUFFIXES = ['_files', '.files'] as const;

/** Bounds on one page's folder: far above a real save, and a hostile one cannot fill the vault. */
export const RESOURCE_LIMITS = { files: 2000, bytes: 200 * 1024 * 1024 };

/** The folder names a saved `name` (a path with "/" separators) may have written beside itself. */
export function resourceFolderNames(name: string): string[] {
  const m = PAGE_NAME.exec(name);
  if (!m || m[1] === undefined || m[1] === '' || m[1].endsWith('/')) return [];
  return RESOURCE_SUFFIXES.map((s) => `${m[1]}${s}`);
}

export interface SavedPageGroup<T> {
  page: T;
  /** The folder the resources came from, as the page names it ("规则_files"). */
  folder: string;
  /** Each resource with its path inside the folder ("img/a.png"). */
  resources: { input: T; path: string }[];
}

/**
 * Splits a drop or a folder walk into saved pages with their folders and everything else. Files of a
 * `_files` folder whose page is not among the inputs stay ordinary files.
 */
export function groupSavedPages<T extends { name: string }>(inputs: readonly T[]): { pages: SavedPageGroup<T>[]; rest: T[] } {
  const byFolder = new Map<string, SavedPageGroup<T>>();
  const pages: SavedPageGroup<T>[] = [];
  for (const input of inputs) {
    const folders = resourceFolderNames(input.name).filter((f) => !byFolder.has(f));
    if (folders.length === 0) continue;
    const group: SavedPageGroup<T> = { page: input, folder: '', resources: [] };
    for (const f of folders) byFolder.set(f, group);
    pages.push(group);
  }
  const rest: T[] = [];
  const claimed = new Set<T>(pages.map((p) => p.page));
  for (const input of inputs) {
    if (claimed.has(input)) continue;
    const found = findFolder(input.name, byFolder);
    const group = found ? byFolder.get(found[0]) : undefined;
    // One folder per page: the first one seen wins; another folder of the same stem stays ordinary files.
    if (found && group && (group.folder === '' || group.folder === baseName(found[0])) && group.resources.length < RESOURCE_LIMITS.files) {
      group.folder = baseName(found[0]);
      group.resources.push({ input, path: found[1] });
      continue;
    }
    rest.push(input);
  }
  return { pages, rest };
}

const baseName = (p: string) => p.split('/').pop() ?? p;

/** The resource folder `name` lies in, among the known ones, and its path inside it. */
function findFolder(name: string, folders: ReadonlyMap<string, unknown>): [string, string] | null {
  for (let i = name.indexOf('/'); i !== -1; i = name.indexOf('/', i + 1)) {
    const folder = name.slice(0, i);
    if (folders.has(folder)) return [folder, name.slice(i + 1)];
  }
  return null;
}

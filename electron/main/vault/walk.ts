// The folder walk for "import folder": files only, in a stable order, never through a symlink (a link
// could lead anywhere on disk, or loop), and without the OS's hidden litter.
import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import type { ImportFailure } from '../../../shared/ipc/contract';
import { VaultError, toAppError } from './errors';

const SYSTEM_NAMES = new Set(['thumbs.db', 'ehthumbs.db', 'desktop.ini', '__macosx', '$recycle.bin', 'system volume information']);

export function isHiddenName(name: string): boolean {
  return name.startsWith('.') || SYSTEM_NAMES.has(name.toLowerCase());
}

export interface WalkedFile {
  path: string;
  /** Relative to the chosen folder's parent, "/"-separated: "证据/聊天/1.png". */
  name: string;
}

export interface Walk {
  files: WalkedFile[];
  failures: ImportFailure[];
}

export async function walkFolder(dir: string): Promise<Walk> {
  const root = path.resolve(dir);
  const rootName = path.basename(root) || root;
  const files: WalkedFile[] = [];
  const failures: ImportFailure[] = [];
  try {
    const info = await stat(root);
    if (!info.isDirectory()) throw new VaultError('not-found', 'This is not a folder.');
  } catch (err) {
    return { files, failures: [toAppError(err, rootName)] };
  }

  const visit = async (abs: string, segments: string[]): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await readdir(abs, { withFileTypes: true });
    } catch (err) {
      // One unreadable subfolder must not cost the buyer the rest of the folder.
      failures.push(toAppError(err, segments.join('/')));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      if (isHiddenName(entry.name) || entry.isSymbolicLink()) continue;
      const child = path.join(abs, entry.name);
      const childSegments = [...segments, entry.name];
      if (entry.isDirectory()) await visit(child, childSegments);
      else if (entry.isFile()) files.push({ path: child, name: childSegments.join('/') });
    }
  };
  await visit(root, [rootName]);
  return { files, failures };
}

// How an export reaches the buyer's disk. Nothing appears under its final name until it is whole:
// PDFs are written to temp names and renamed once every part is written, and a folder export is
// built in a hidden sibling folder that is renamed into place at the very end. A crash or a kill
// mid-export leaves only a ".tmp" file or a ".partial" folder, never a finished-looking bundle,
// and the next export to the same place sweeps those leftovers.
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, rm, rmdir } from 'node:fs/promises';
import path from 'node:path';
import { renameWithRetry } from '../fs/atomic';
import { errorCode } from '../fs/errors';
import { BundleError } from './errors';

const TOKEN = /^[0-9a-f]{12}$/;

/** Leftovers of an interrupted export: `<name>.<12 hex>.<suffix>` beside `target`. */
async function sweepLeftovers(target: string, suffix: 'tmp' | 'partial'): Promise<void> {
  const dir = path.dirname(target);
  const base = path.basename(target);
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return;
  }
  for (const name of names) {
    if (!name.startsWith(`${base}.`) || !name.endsWith(`.${suffix}`)) continue;
    const token = name.slice(base.length + 1, -(suffix.length + 1));
    if (TOKEN.test(token)) await rm(path.join(dir, name), { recursive: true, force: true }).catch(() => undefined);
  }
}

async function writeDurably(file: string, bytes: Uint8Array): Promise<void> {
  const fh = await open(file, 'wx');
  try {
    await fh.writeFile(bytes);
    await fh.sync();
  } finally {
    await fh.close();
  }
}

/** A sentence for the buyer; the two failures they can act on (free space, pick another place) are named. */
function writeFailure(file: string, err: unknown): string {
  const code = errorCode(err);
  if (code === 'ENOSPC' || code === 'EDQUOT') return `There is not enough disk space to write ${file}.`;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') return `Permission was denied writing ${file}; choose another place to save.`;
  return `Could not write ${file}: ${err instanceof Error ? err.message : String(err)}`;
}

/** Writes every file under a temp name first, then renames them all: parts appear together or not at all. */
export async function publishFiles(files: readonly string[], contents: readonly Uint8Array[]): Promise<void> {
  const staged: Array<{ tmp: string; file: string }> = [];
  try {
    for (const [i, file] of files.entries()) {
      await mkdir(path.dirname(file), { recursive: true });
      await sweepLeftovers(file, 'tmp');
      const tmp = `${file}.${randomBytes(6).toString('hex')}.tmp`;
      staged.push({ tmp, file });
      await writeDurably(tmp, contents[i] ?? new Uint8Array());
    }
    for (const { tmp, file } of staged) await renameWithRetry(tmp, file);
  } catch (err) {
    await Promise.all(staged.map(({ tmp }) => rm(tmp, { force: true })));
    throw new BundleError('write-failed', writeFailure(staged.at(-1)?.file ?? files[0] ?? '', err), {}, { cause: err });
  }
}

/**
 * Runs `build` against a fresh staging folder beside `outDir`, then moves the finished folder to
 * `outDir` (which must be missing or empty). On failure the staging folder is removed.
 */
export async function publishFolder<T>(outDir: string, build: (stagingDir: string) => Promise<T>): Promise<T> {
  await sweepLeftovers(outDir, 'partial');
  const staging = `${outDir}.${randomBytes(6).toString('hex')}.partial`;
  await mkdir(staging, { recursive: true });
  try {
    const result = await build(staging);
    // An empty folder the buyer made for the export is replaced; rmdir refuses one that filled up meanwhile.
    await rmdir(outDir).catch((err: unknown) => {
      if (errorCode(err) !== 'ENOENT') throw new BundleError('output-exists', `The folder ${outDir} is not empty; choose an empty or new folder.`, {}, { cause: err });
    });
    await renameWithRetry(staging, outDir);
    return result;
  } catch (err) {
    await rm(staging, { recursive: true, force: true }).catch(() => undefined);
    throw err;
  }
}

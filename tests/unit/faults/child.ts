// The main-process services in a child process, for the kill tests. Run with tsx:
//   tsx tests/unit/faults/child.ts <job.json>
// The job names a mode and, optionally, a stall point: the first matching file-system call (after
// `skip` earlier matches) prints "STALL <op> <path>" and never returns, so the parent's SIGKILL lands
// at exactly that step of the real code. Everything else is the app's own importer, reconcile, OCR
// queue and bundle exporter, unmodified. Each finished mode prints "RESULT <json>".
import fs from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { readFileSync } from 'node:fs';

export interface Stall {
  op: 'open' | 'write' | 'rename' | 'link' | 'copyFile';
  /** A regular expression tested against the path (the destination, for rename/link/copyFile). */
  match: string;
  /** Matching calls to let through before stalling. */
  skip?: number;
}

export type Job =
  | { mode: 'import'; vaultDir: string; files: string[]; caseId: string; stall?: Stall }
  | { mode: 'reconcile'; vaultDir: string; known: string[] }
  | { mode: 'ocr'; vaultDir: string; shas: string[] }
  | { mode: 'ocr-resume'; vaultDir: string }
  | { mode: 'export-pdf'; vaultDir: string; inputFile: string; outFile: string; stall?: Stall }
  | { mode: 'export-folder'; vaultDir: string; inputFile: string; outDir: string; stall?: Stall };

const say = (line: string): void => {
  process.stdout.write(`${line}\n`);
};

const forever = (): Promise<never> => new Promise<never>(() => setInterval(() => undefined, 60_000));

async function installStall(stall: Stall): Promise<void> {
  const re = new RegExp(stall.match);
  let left = stall.skip ?? 0;
  const hit = async (op: string, file: string): Promise<void> => {
    if (op !== stall.op || !re.test(file)) return;
    if (left-- > 0) return;
    say(`STALL ${op} ${file}`);
    await forever();
  };
  const handles = new WeakMap<object, string>();
  const real = { open: fs.open, rename: fs.rename, link: fs.link, copyFile: fs.copyFile };
  fs.open = (async (file, flags, mode) => {
    await hit('open', String(file));
    const fh = await real.open(file, flags, mode);
    handles.set(fh, String(file));
    return fh;
  }) satisfies typeof fs.open;
  fs.rename = (async (from, to) => {
    await hit('rename', String(to));
    return real.rename(from, to);
  }) satisfies typeof fs.rename;
  fs.link = (async (from, to) => {
    await hit('link', String(to));
    return real.link(from, to);
  }) satisfies typeof fs.link;
  fs.copyFile = (async (from, to, mode) => {
    await hit('copyFile', String(to));
    return real.copyFile(from, to, mode);
  }) satisfies typeof fs.copyFile;
  // FileHandle.write is a method on a class node does not export; reach it through a handle.
  const probe = await real.open(new URL(import.meta.url), 'r');
  const proto: unknown = Object.getPrototypeOf(probe);
  await probe.close();
  const write: unknown = typeof proto === 'object' && proto !== null ? Reflect.get(proto, 'write') : undefined;
  if (typeof proto !== 'object' || proto === null || typeof write !== 'function') throw new Error('FileHandle.write not found');
  Reflect.set(proto, 'write', async function (this: object, ...args: unknown[]) {
    await hit('write', handles.get(this) ?? '');
    return Reflect.apply(write, this, args) as unknown;
  });
  // Named imports of node:fs/promises (what the app's modules use) see the patched functions too.
  syncBuiltinESMExports();
}

/** The user a job runs as, when not the parent's: set by the harness, never by a test directly. */
type Placed = Job & { dropTo?: { uid: number; gid: number } };

/** Gives up root for good, after every module is loaded from the checkout. */
function dropPrivileges(to: { uid: number; gid: number }): void {
  process.setgroups?.([to.gid]);
  process.setgid?.(to.gid);
  process.setuid?.(to.uid);
  if (process.getuid?.() !== to.uid) throw new Error(`could not drop to uid ${to.uid}`);
}

async function run(job: Placed): Promise<unknown> {
  if ('stall' in job && job.stall) await installStall(job.stall);
  // Imported after the stall is installed, exactly as the app would load them.
  const { createVaultService } = await import('../../../electron/main/vault');
  if (job.dropTo) dropPrivileges(job.dropTo);
  switch (job.mode) {
    case 'import': {
      const vault = createVaultService({ vaultDir: job.vaultDir, onProgress: (p) => say(`PROGRESS ${JSON.stringify(p)}`) });
      return vault.importPaths(job.caseId, job.files, 'dialog');
    }
    case 'reconcile':
      return createVaultService({ vaultDir: job.vaultDir }).reconcile(job.known);
    case 'ocr':
    case 'ocr-resume': {
      const { createOcrService } = await import('../../../electron/main/ocr/queue');
      const ocr = createOcrService({
        vaultDir: job.vaultDir,
        engineOptions: { size: 1, idleMs: 0 },
        onProgress: (e) => say(`OCR ${JSON.stringify(e.item)}`),
      });
      // What main does at start-up: reconcile, then pick up the interrupted queue.
      if (job.mode === 'ocr') await ocr.enqueue(job.shas);
      else {
        await createVaultService({ vaultDir: job.vaultDir }).reconcile([]);
        await ocr.resume();
      }
      await ocr.idle();
      const status = await ocr.status();
      const results = await Promise.all(status.items.map(async (i) => (await ocr.result(i.sha256))?.text.length ?? -1));
      await ocr.dispose();
      return { status, results };
    }
    case 'export-pdf':
    case 'export-folder': {
      const { createBundleService } = await import('../../../electron/main/bundle');
      const bundle = createBundleService({ vaultDir: job.vaultDir });
      const input: unknown = JSON.parse(readFileSync(job.inputFile, 'utf8'));
      // The input was produced by the parent from a real import; the service validates it again.
      const typed = input as Parameters<typeof bundle.exportBundle>[0];
      if (job.mode === 'export-pdf') return bundle.exportBundle(typed, { outFile: job.outFile, maxBytes: null });
      return bundle.exportFolder(typed, { outDir: job.outDir, maxBytes: null });
    }
  }
}

const jobFile = process.argv[2];
if (jobFile === undefined) throw new Error('usage: child.ts <job.json>');
const job = JSON.parse(readFileSync(jobFile, 'utf8')) as Placed;
run(job).then(
  (result) => {
    say(`RESULT ${JSON.stringify(result)}`);
    process.exit(0);
  },
  (err: unknown) => {
    say(`ERROR ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  },
);

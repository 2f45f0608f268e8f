// Runs tests/unit/faults/child.ts in a real child process and SIGKILLs it when a chosen line appears,
// plus the checks every test makes of a vault after a restart.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Job } from './child';

const CHILD = fileURLToPath(new URL('./child.ts', import.meta.url));

export interface ChildRun {
  lines: string[];
  killed: boolean;
  code: number | null;
  /** The parsed "RESULT" line, when the child finished. */
  result: unknown;
}

export interface RunOptions {
  /** SIGKILL the child as soon as a line matches. */
  killOn?: RegExp;
  /** Run the job as this user. The child loads its modules first and only then drops to it, so the
   * checkout may sit in a folder the user cannot enter (a private mktemp -d folder, root's home). */
  dropTo?: { uid: number; gid: number };
}

let jobs = 0;

export async function runChild(dir: string, job: Job, opts: RunOptions = {}): Promise<ChildRun> {
  const jobFile = path.join(dir, `job-${process.pid}-${jobs++}.json`);
  await writeFile(jobFile, JSON.stringify({ ...job, dropTo: opts.dropTo }));
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, jobFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let killed = false;
  let stderr = '';
  let pending = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.on('data', (d: Buffer) => {
    pending += d.toString();
    const parts = pending.split('\n');
    pending = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      if (!killed && opts.killOn?.test(line)) {
        killed = child.kill('SIGKILL');
      }
    }
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
  const resultLine = lines.find((l) => l.startsWith('RESULT '));
  if (!killed && resultLine === undefined) throw new Error(`child failed (${code}): ${lines.join('\n')}\n${stderr}`);
  if (opts.killOn && !killed) throw new Error(`the kill point ${String(opts.killOn)} was never reached: ${lines.join('\n')}`);
  return { lines, killed, code, result: resultLine === undefined ? undefined : JSON.parse(resultLine.slice(7)) };
}

async function names(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch {
    return [];
  }
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** Every stored blob, after checking that its bytes hash to its name (no half-written original). */
export async function soundBlobs(vaultDir: string): Promise<string[]> {
  const shas: string[] = [];
  for (const prefix of await names(path.join(vaultDir, 'blobs'))) {
    for (const name of await names(path.join(vaultDir, 'blobs', prefix))) {
      const bytes = await readFile(path.join(vaultDir, 'blobs', prefix, name));
      if (sha256(bytes) !== name) throw new Error(`blob ${name} holds bytes hashing to ${sha256(bytes)}`);
      shas.push(name);
    }
  }
  return shas.sort();
}

/** Sidecars and derived copies by sha: after reconcile, none may be left without its blob. */
export async function companions(vaultDir: string): Promise<{ meta: string[]; thumb: string[]; display: string[]; tmp: string[] }> {
  const strip = (list: string[], ext: string) => list.map((n) => n.slice(0, -ext.length));
  return {
    meta: strip(await names(path.join(vaultDir, 'meta')), '.json'),
    thumb: strip(await names(path.join(vaultDir, 'derived', 'thumb')), '.webp'),
    display: strip(await names(path.join(vaultDir, 'derived', 'display')), '.webp'),
    tmp: await names(path.join(vaultDir, 'tmp')),
  };
}

// The whole `scan` CLI as a buyer runs it, for bench:ocr's throughput goal: one process started
// cold on every image of a set (start-up, model loading, PP-OCR, the tesseract.js second reader and
// extraction all inside the wall time), its JSON lines scored like every other column.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { ScanJson } from '../../shared/extract';
import type { Agreement } from '../../electron/main/ocr/confirm';

const run = promisify(execFile);
const GNU_TIME = '/usr/bin/time';

export interface ScanCliRun {
  wallMs: number;
  /** By the path given on the command line; a file scan could not read has no entry. */
  lines: Map<string, ScanJson & { agree?: Agreement }>;
  peakRssKb: number | null;
}

export async function scanCli(files: readonly string[]): Promise<ScanCliRun> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-scan-bench-'));
  try {
    const rss = path.join(dir, 'rss');
    const timed = existsSync(GNU_TIME);
    const node = [process.execPath, '--import', 'tsx', path.join('cli', 'index.ts'), 'scan', '--', ...files];
    const started = Date.now();
    // A failed file makes scan exit 1 with the other lines printed; the bench scores what it got.
    const out = await run(timed ? GNU_TIME : node[0] ?? 'node', timed ? ['-f', '%M', '-o', rss, ...node] : node.slice(1), { maxBuffer: 256 * 1024 * 1024 }).catch((err: { stdout?: string }) => ({ stdout: err.stdout ?? '' }));
    const wallMs = Date.now() - started;
    const lines = new Map<string, ScanJson & { agree?: Agreement }>();
    for (const line of out.stdout.split('\n')) {
      if (line.trim() === '') continue;
      const json = JSON.parse(line) as ScanJson & { file: string; error?: string; agree?: Agreement };
      if (json.error === undefined) lines.set(json.file, json);
    }
    const peak = timed ? Number((await readFile(rss, 'utf8')).trim().split('\n').pop()) : NaN;
    return { wallMs, lines, peakRssKb: Number.isFinite(peak) ? peak : null };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

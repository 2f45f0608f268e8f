// The native tesseract CLI on the same prepared images, for the side-by-side in bench:ocr. One
// process per image with OMP_THREAD_LIMIT=1 (without it, OpenMP threads fight and it runs ~7×
// slower on two cores), as many processes at once as there are cores.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseTsv } from '../../electron/main/ocr/tsv';
import type { OcrWord } from '../../shared/extract';

const run = promisify(execFile);

export interface NativeInfo {
  version: string;
  langs: string[];
}

/** The installed CLI and its languages, or null when it is missing or lacks chi_sim. */
export async function nativeTesseract(): Promise<NativeInfo | null> {
  try {
    const version = (await run('tesseract', ['--version'])).stdout.split('\n')[0] ?? 'tesseract';
    const langs = (await run('tesseract', ['--list-langs'])).stdout.split('\n').slice(1).map((l) => l.trim()).filter(Boolean);
    return langs.includes('chi_sim') && langs.includes('eng') ? { version: version.trim(), langs } : null;
  } catch {
    return null;
  }
}

export interface NativeRecognition {
  text: string;
  words: OcrWord[];
  ms: number;
  /** The process's peak resident set, from GNU time when it is installed. */
  peakRssKb?: number;
}

const GNU_TIME = '/usr/bin/time';

export async function recognizeNative(png: Buffer, psm: string): Promise<NativeRecognition> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'liuzheng-native-'));
  try {
    const input = path.join(dir, 'in.png');
    await writeFile(input, png);
    const started = Date.now();
    const args = [input, path.join(dir, 'out'), '-l', 'chi_sim+eng', '--psm', psm, '-c', 'preserve_interword_spaces=1', 'txt', 'tsv'];
    const rss = path.join(dir, 'rss');
    const timed = existsSync(GNU_TIME);
    await run(timed ? GNU_TIME : 'tesseract', timed ? ['-f', '%M', '-o', rss, 'tesseract', ...args] : args, {
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
    });
    const ms = Date.now() - started;
    const [text, tsv] = await Promise.all([readFile(path.join(dir, 'out.txt'), 'utf8'), readFile(path.join(dir, 'out.tsv'), 'utf8')]);
    const peakRssKb = timed ? Number((await readFile(rss, 'utf8')).trim().split('\n').pop()) : undefined;
    return { text, words: parseTsv(tsv), ms, ...(peakRssKb !== undefined && Number.isFinite(peakRssKb) ? { peakRssKb } : {}) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

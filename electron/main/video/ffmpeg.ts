// The ffmpeg binary that ships inside an npm package (@ffmpeg-installer/<platform>-<arch>, a static
// build with the H.264, HEVC, VP8/VP9 and AV1 decoders), and one way to run it: no shell, no stdin,
// killed on cancel or timeout, output bounded. Nothing is downloaded at install or run time.
// Chosen over Chromium's decoder by measurement (README "Screen recordings"; bench/video.ts): it also
// serves the CLI, which has no browser, and it decodes HEVC, which Chromium on Linux/Windows does not.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export class FfmpegMissingError extends Error {
  override name = 'FfmpegMissingError';
}

/** The package's binary; inside a packaged app the asar-unpacked copy (electron-builder asarUnpack). */
export function ffmpegPath(): string {
  const fromEnv = process.env['LIUZHENG_FFMPEG'];
  if (fromEnv) return fromEnv;
  const pkg = `@ffmpeg-installer/${process.platform}-${process.arch}`;
  let dir: string;
  try {
    dir = path.dirname(createRequire(import.meta.url).resolve(`${pkg}/package.json`));
  } catch {
    throw new FfmpegMissingError(`No video decoder ships for ${process.platform}-${process.arch} (${pkg} is not installed).`);
  }
  const file = path.join(dir.replace(`app.asar${path.sep}`, `app.asar.unpacked${path.sep}`), process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
  if (!existsSync(file)) throw new FfmpegMissingError(`The video decoder is missing: ${file}.`);
  return file;
}

export interface RunOptions {
  signal?: AbortSignal;
  timeoutMs?: number;
  /** stdout beyond this many bytes kills the process (a hostile file cannot fill memory). */
  maxStdout?: number;
  /** Each complete stderr line as it arrives (showinfo timestamps), before the tail is kept. */
  onStderrLine?: (line: string) => void;
  /** Each stdout chunk as it arrives; when set, stdout is not collected. */
  onStdout?: (chunk: Buffer) => void;
}

export interface RunResult {
  code: number | null;
  stdout: Buffer;
  /** The last 16 KB of stderr: enough for ffmpeg's error lines. */
  stderr: string;
}

export class FfmpegRunError extends Error {
  override name = 'FfmpegRunError';
  constructor(
    readonly reason: 'cancelled' | 'timeout' | 'too-much-output' | 'spawn',
    message: string,
  ) {
    super(message);
  }
}

const STDERR_TAIL = 16 * 1024;

export function runFfmpeg(bin: string, args: readonly string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    if (opts.signal?.aborted) return reject(new FfmpegRunError('cancelled', 'Cancelled.'));
    const child = spawn(bin, ['-hide_banner', '-nostdin', ...args], { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    const chunks: Buffer[] = [];
    let outBytes = 0;
    let stderr = '';
    let pending = '';
    let failure: FfmpegRunError | null = null;
    const stop = (err: FfmpegRunError) => {
      failure ??= err;
      child.kill('SIGKILL');
    };
    const onAbort = () => stop(new FfmpegRunError('cancelled', 'Cancelled.'));
    opts.signal?.addEventListener('abort', onAbort, { once: true });
    const timer = opts.timeoutMs ? setTimeout(() => stop(new FfmpegRunError('timeout', `The decoder took longer than ${Math.round((opts.timeoutMs ?? 0) / 1000)} s.`)), opts.timeoutMs) : null;
    child.stdout.on('data', (chunk: Buffer) => {
      outBytes += chunk.length;
      if (opts.maxStdout !== undefined && outBytes > opts.maxStdout) return stop(new FfmpegRunError('too-much-output', 'The decoder produced more output than expected.'));
      if (opts.onStdout) opts.onStdout(chunk);
      else chunks.push(chunk);
    });
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (text: string) => {
      if (opts.onStderrLine) {
        const lines = (pending + text).split(/\r?\n|\r/);
        pending = lines.pop() ?? '';
        for (const line of lines) opts.onStderrLine(line);
      }
      stderr = (stderr + text).slice(-STDERR_TAIL);
    });
    child.on('error', (err) => stop(new FfmpegRunError('spawn', `The video decoder could not start (${err.message}).`)));
    child.on('close', (code) => {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', onAbort);
      if (pending && opts.onStderrLine) opts.onStderrLine(pending);
      if (failure) reject(failure);
      else resolve({ code, stdout: Buffer.concat(chunks), stderr });
    });
  });
}

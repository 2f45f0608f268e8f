// VideoDecoder over the shipped ffmpeg binary. Two kinds of run: one pass through the whole video
// producing 48×48 greyscale samples (twice a second; key frames only for long videos), then one short
// run per kept frame, seeking straight to it. Every run is killed on cancel and bounded in time.
import { stat } from 'node:fs/promises';
import type { ProbeInfo } from '../../../shared/video/probe';
import { parseProbe } from '../../../shared/video/probe';
import type { Sample } from '../../../shared/video/plan';
import type { DecodeOptions, ScanResult, VideoDecoder } from './decoder';
import { ffmpegPath, runFfmpeg } from './ffmpeg';

export const SAMPLE_SIZE = 48;
export const SAMPLE_FPS = 2;
/** Longer than this, only key frames are decoded for the scan (a 4-hour recording stays minutes of work). */
export const FULL_SCAN_MAX_SEC = 20 * 60;
/** Without a stated duration, files above this size are treated as long. */
const FULL_SCAN_MAX_BYTES = 600 * 1024 * 1024;
const SCAN_TIMEOUT_MS = 30 * 60_000;
const FRAME_TIMEOUT_MS = 60_000;
const PROBE_TIMEOUT_MS = 30_000;
/** A frame over ~16 megapixels of JPEG is no screen recording. */
const MAX_FRAME_BYTES = 48 * 1024 * 1024;

const PTS = /pts_time:\s*(-?[\d.]+)/u;

/**
 * Before every -i: ffmpeg probes by content, and a playlist-like file would otherwise make it open
 * URLs (nothing leaves the machine) or other files. Only the one local file is read.
 */
const SAFE_INPUT = ['-protocol_whitelist', 'file'];

export interface FfmpegDecoderOptions {
  /** Another ffmpeg (the bench compares Debian's); by default the one the npm package ships. */
  bin?: string;
}

export function createFfmpegDecoder(opts: FfmpegDecoderOptions = {}): VideoDecoder {
  let bin: string | null = opts.bin ?? null;
  const binary = (): string => (bin ??= ffmpegPath());
  return {
    get name() {
      return `ffmpeg (${binary().split(/[\\/]/u).slice(-2, -1)[0] ?? 'ffmpeg'})`;
    },
    async probe(file, o: DecodeOptions = {}) {
      const run = await runFfmpeg(binary(), [...SAFE_INPUT, '-i', file], { signal: o.signal, timeoutMs: PROBE_TIMEOUT_MS, maxStdout: 0 });
      return parseProbe(run.stderr);
    },
    async scan(file, info: ProbeInfo, o: DecodeOptions = {}): Promise<ScanResult> {
      const size = (await stat(file)).size;
      const long = info.durationSec !== null ? info.durationSec > FULL_SCAN_MAX_SEC : size > FULL_SCAN_MAX_BYTES;
      const frameBytes = SAMPLE_SIZE * SAMPLE_SIZE;
      const times: number[] = [];
      const chunks: Buffer[] = [];
      let received = 0;
      // Loop filter and non-reference frames are skipped: a 48×48 thumbnail does not need them, and
      // they are most of the decoding time (measured: 60 s 1080p H.264 7.9 → 5.5 s of CPU).
      const input = long ? ['-skip_frame', 'nokey'] : ['-skip_loop_filter', 'all', '-skip_frame', 'noref'];
      // The first showinfo sees every decoded frame (which are key frames), the last one the samples.
      const filter = `showinfo,${long ? '' : `fps=${SAMPLE_FPS},`}scale=${SAMPLE_SIZE}:${SAMPLE_SIZE}:flags=area,format=gray,showinfo`;
      const keyTimes: number[] = [];
      const run = await runFfmpeg(
        binary(),
        ['-loglevel', 'info', ...input, ...SAFE_INPUT, '-i', file, '-map', '0:v:0', '-an', '-sn', '-dn', '-vf', filter, ...(long ? ['-vsync', 'vfr'] : []), '-f', 'rawvideo', '-pix_fmt', 'gray', 'pipe:1'],
        {
          signal: o.signal,
          timeoutMs: SCAN_TIMEOUT_MS,
          // Twice a second for 20 minutes, or a key frame a second for 24 hours, is far below this.
          maxStdout: 100_000 * frameBytes,
          onStdout: (chunk) => {
            chunks.push(chunk);
            received += chunk.length;
          },
          onStderrLine: (line) => {
            if (!line.includes('Parsed_showinfo')) return;
            const m = PTS.exec(line);
            if (!m) return;
            const t = Number(m[1]);
            if (line.includes('Parsed_showinfo_0')) {
              if (/iskey:1/u.test(line)) keyTimes.push(t);
              return;
            }
            times.push(t);
            if (info.durationSec) o.onProgress?.(Math.min(1, t / info.durationSec));
          },
        },
      );
      const all = Buffer.concat(chunks, received);
      const count = Math.min(times.length, Math.floor(all.length / frameBytes));
      if (count === 0) throw new Error(decodeFailure(run.stderr));
      const samples: Sample[] = [];
      for (let i = 0; i < count; i++) samples.push({ t: Math.max(0, times[i] ?? 0), pixels: new Uint8Array(all.subarray(i * frameBytes, (i + 1) * frameBytes)) });
      return { samples, keyTimes, lastT: samples[samples.length - 1]?.t ?? 0, mode: long ? 'keyframes' : 'all' };
    },
    async frame(file, t, o: DecodeOptions & { keyframe?: boolean } = {}) {
      // A key frame is decoded alone; any other time needs the frames from the key frame before it.
      const skip = o.keyframe ? ['-skip_frame', 'nokey'] : [];
      const run = await runFfmpeg(
        binary(),
        ['-loglevel', 'error', ...skip, '-ss', (o.keyframe ? Math.max(0, t - 0.001) : t).toFixed(3), ...SAFE_INPUT, '-i', file, '-map', '0:v:0', '-frames:v', '1', '-pix_fmt', 'yuvj420p', '-q:v', '2', '-f', 'image2pipe', '-c:v', 'mjpeg', 'pipe:1'],
        { signal: o.signal, timeoutMs: FRAME_TIMEOUT_MS, maxStdout: MAX_FRAME_BYTES },
      );
      return run.stdout.length > 0 ? run.stdout : null;
    },
  };
}

/** ffmpeg's own last error line, shortened, for "could not decode" messages. */
export function decodeFailure(stderr: string): string {
  const lines = stderr.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '' && !l.startsWith('[Parsed_showinfo'));
  const err = lines.reverse().find((l) => /error|invalid|not (?:supported|implemented)|no decoder|unsupported|could not/iu.test(l));
  return err ? `no frame could be decoded (${err.replace(/^\[[^\]]*\]\s*/u, '').slice(0, 200)})` : 'no frame could be decoded';
}

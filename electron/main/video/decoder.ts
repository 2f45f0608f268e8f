// The decoder seam: what frame extraction needs from a video decoder. ffmpegDecoder is the one the
// app, the CLI and the tests use; bench/video.ts measures Chromium's <video> decoder beside it.
import type { ProbeInfo } from '../../../shared/video/probe';
import type { Sample } from '../../../shared/video/plan';

export interface ScanResult {
  samples: Sample[];
  /** Times of the key frames met on the way: evenly spaced frames snap to them (one decode each). */
  keyTimes: number[];
  /** The last decoded timestamp: the duration where the container states none (MediaRecorder WebM). */
  lastT: number;
  /** 'all' decoded every frame; 'keyframes' only key frames (long videos, so the work stays bounded). */
  mode: 'all' | 'keyframes';
}

export interface DecodeOptions {
  signal?: AbortSignal;
  /** 0–1 through the scan, when the duration is known. */
  onProgress?: (fraction: number) => void;
}

export interface VideoDecoder {
  /** e.g. "ffmpeg N-47683 (@ffmpeg-installer/linux-x64 4.1.0)", stored with the frames. */
  readonly name: string;
  probe(file: string, opts?: DecodeOptions): Promise<ProbeInfo>;
  /** Tiny greyscale samples through the whole video, for finding scene changes. */
  scan(file: string, info: ProbeInfo, opts?: DecodeOptions): Promise<ScanResult>;
  /** One full-size frame at `t` seconds, as JPEG; null when there is no frame there (past the end). */
  frame(file: string, t: number, opts?: DecodeOptions & { keyframe?: boolean }): Promise<Buffer | null>;
}

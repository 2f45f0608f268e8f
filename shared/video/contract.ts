// IPC contract for screen recordings: key frames (derived data, rebuilt if lost), their offsets,
// wall-clock times and OCR text, and the original's bytes for in-app playback. Channels `video:*`.
import { z } from 'zod';
import type { FrameReason } from './plan';
import type { RecordingStart } from './startTime';

export const FRAMES_VERSION = 1;

export interface VideoFrame {
  /** 0-based, in time order; the file names in derived/frames/<sha>/ follow it. */
  index: number;
  /** Seconds into the video. */
  offsetSec: number;
  /** Local Shanghai wall clock "YYYY-MM-DDTHH:mm:ss.s" when the start is known, else null. */
  wallClock: string | null;
  reason: FrameReason;
  width: number;
  height: number;
  /** Cleaned OCR text of this frame ('' when nothing was read or OCR did not run). */
  text: string;
  /** The first line of each field or scam signal found on this frame, and the frame's other lines, shortest first. */
  keyLines: string[];
  /** Chosen for the bundle unless the buyer chooses otherwise. */
  suggested: boolean;
}

export interface VideoFrames {
  version: number;
  sha256: string;
  originalName: string;
  /** Which decoder extracted the frames, e.g. "ffmpeg (linux-x64)". */
  decoder: string;
  codec: string | null;
  width: number | null;
  height: number | null;
  durationSec: number | null;
  start: RecordingStart | null;
  /** 'keyframes': a long video was scanned by key frames only, so scene changes are approximate. */
  scan: 'all' | 'keyframes';
  /** True when there were more scene changes than the frame cap allowed. */
  capped: boolean;
  /** Which OCR engine read the frames, or null when they were not read (the CLI bundle's quick path). */
  ocrEngine: string | null;
  createdAt: string;
  frames: VideoFrame[];
}

export const VIDEO_STATES = ['pending', 'running', 'done', 'failed', 'cancelled'] as const;
export type VideoState = (typeof VIDEO_STATES)[number];

/** Why frames could not be made; the renderer words each one, naming the file. */
export const VIDEO_ERROR_CODES = ['empty', 'missing', 'not-video', 'truncated', 'undecodable', 'no-decoder', 'timeout', 'failed'] as const;
export type VideoErrorCode = (typeof VIDEO_ERROR_CODES)[number];

export interface VideoStatus {
  sha256: string;
  state: VideoState;
  /** 'scan' reads the whole video for scene changes, 'frames' extracts the kept ones, 'ocr' reads them. */
  stage: 'scan' | 'frames' | 'ocr' | null;
  /** 0–1 over all stages. */
  progress: number;
  /** A plain message naming the file (ffmpeg's reason included), for the item's page. */
  error: string | null;
  errorCode: VideoErrorCode | null;
}

export interface VideoFramesReply {
  status: VideoStatus;
  /** Present once extraction finished. */
  frames: VideoFrames | null;
}

export interface FrameRef {
  sha256: string;
  index: number;
}

export interface VideoBytes {
  bytes: Uint8Array;
  mime: string;
}

export interface ShaOnly {
  sha256: string;
}

export type VideoApi = {
  /** The frames and their state; starts extraction when they are missing (never run, or lost). */
  'video:frames': (req: ShaOnly) => Promise<VideoFramesReply>;
  'video:frameImage': (req: FrameRef & { size: 'thumb' | 'full' }) => Promise<VideoBytes>;
  'video:cancel': (req: ShaOnly) => Promise<void>;
  /** Extracts the frames again (after a failure or cancel). */
  'video:retry': (req: ShaOnly) => Promise<void>;
  /** The original for the in-app player; refused above MAX_PLAYBACK_BYTES (then "open in system app"). */
  'video:original': (req: ShaOnly) => Promise<VideoBytes>;
};

export type VideoEvents = {
  'video:progress': VideoStatus;
};

/** Held in memory as one blob URL in the renderer; longer recordings open in the system player. */
export const MAX_PLAYBACK_BYTES = 512 * 1024 * 1024;

export const VIDEO_API_METHODS = {
  videoFrames: 'video:frames',
  videoFrameImage: 'video:frameImage',
  cancelVideo: 'video:cancel',
  retryVideo: 'video:retry',
  readVideoOriginal: 'video:original',
} as const satisfies Record<string, keyof VideoApi>;

export const VIDEO_API_EVENTS = {
  onVideoProgress: 'video:progress',
} as const satisfies Record<string, keyof VideoEvents>;

const sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'expected a lowercase hex SHA-256');
const shaOnly = z.object({ sha256 }).strict();

export const videoSchemas = {
  'video:frames': shaOnly,
  'video:frameImage': z.object({ sha256, index: z.number().int().min(0).max(999), size: z.enum(['thumb', 'full']) }).strict(),
  'video:cancel': shaOnly,
  'video:retry': shaOnly,
  'video:original': shaOnly,
} satisfies { [C in keyof VideoApi]: z.ZodType<Parameters<VideoApi[C]>[0]> };

const frameSchema = z.object({
  index: z.number().int().min(0),
  offsetSec: z.number().min(0),
  wallClock: z.string().max(40).nullable(),
  reason: z.enum(['start', 'interval', 'scene', 'end']),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  text: z.string().max(200_000),
  keyLines: z.array(z.string().max(400)).max(40),
  suggested: z.boolean(),
});

/** The stored manifest, parsed whenever it is read back: a torn or hand-edited file counts as missing. */
export const videoFramesSchema = z.object({
  version: z.number().int(),
  sha256,
  originalName: z.string().max(1024),
  decoder: z.string().max(200),
  codec: z.string().max(40).nullable(),
  width: z.number().int().nullable(),
  height: z.number().int().nullable(),
  durationSec: z.number().nullable(),
  start: z.object({ at: z.string().max(40), source: z.enum(['filename', 'metadata']), raw: z.string().max(1024) }).nullable(),
  scan: z.enum(['all', 'keyframes']),
  capped: z.boolean(),
  ocrEngine: z.string().max(200).nullable(),
  createdAt: z.string().max(64),
  frames: z.array(frameSchema).max(1000),
}) satisfies z.ZodType<VideoFrames>;

// Key frames of screen recordings, one video at a time in the background: probe, scan for scene
// changes, extract the kept frames, OCR them with the app's engine and read their fields with the
// same function screenshots use (fields/extract.ts). Frames are derived data under
// derived/frames/<sha>/: rebuilt when missing, never evidence on their own. The original is only read.
import { mkdir, rm, stat } from 'node:fs/promises';
import sharp from 'sharp';
import type { EvidenceFields } from '../../../shared/fields/contract';
import { FIELDS_VERSION } from '../../../shared/fields/contract';
import type { OcrWord } from '../../../shared/extract';
import { DEFAULT_PLAN, planFrames, sceneChanges, snapToKeyframes } from '../../../shared/video/plan';
import { frameWallClock, recordingStart } from '../../../shared/video/startTime';
import { hasKeyText, keyLines, mergeFrameReadings, type FrameReading } from '../../../shared/video/text';
import type { VideoFrame, VideoFrames, VideoFramesReply, VideoStatus } from '../../../shared/video/contract';
import { FRAMES_VERSION } from '../../../shared/video/contract';
import { writeFileAtomic } from '../fs/atomic';
import { extractEvidenceFields } from '../fields/extract';
import { assertSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import { writeDerived } from '../vault/store';
import type { VideoDecoder } from './decoder';
import { FfmpegRunError } from './ffmpeg';
import { createFfmpegDecoder } from './ffmpegDecoder';
import { VideoError, describeVideoError } from './errors';
import { loadFrames, mapLimit, suggest } from './frames';
import { isCutIsoMedia } from './isoBoxes';

export interface FrameOcr {
  text: string;
  rawText: string;
  words: OcrWord[];
  engine: string;
  kind: 'paddle' | 'tesseract';
}

export interface VideoServiceOptions {
  vaultDir: string;
  now: () => Date;
  decoder?: VideoDecoder;
  /** Reads one frame with the app's OCR engine; absent, frames are kept without text. */
  readFrame?: (jpeg: Buffer, signal: AbortSignal) => Promise<FrameOcr>;
  onProgress?: (status: VideoStatus) => void;
}

export interface VideoService {
  enqueue(sha256s: readonly string[]): void;
  frames(sha256: string): Promise<VideoFramesReply>;
  /** The stored frames, extracting them now (without OCR when `ocr` is false) when missing. */
  ensure(sha256: string, opts?: { ocr?: boolean; signal?: AbortSignal }): Promise<VideoFrames>;
  cancel(sha256: string): void;
  retry(sha256: string): void;
  status(sha256: string): VideoStatus;
  idle(): Promise<void>;
  dispose(): Promise<void>;
}

/** Frames are stored with this long side at most: a phone's 1080×2400 stays whole, 4K is halved. */
const FRAME_LONG = 2400;
const THUMB_WIDTH = 240;

const WEIGHTS = { scan: 0.45, frames: 0.2, ocr: 0.35 };

export function createVideoService(opts: VideoServiceOptions): VideoService {
  const layout = vaultLayout(opts.vaultDir);
  const decoder = opts.decoder ?? createFfmpegDecoder();
  const states = new Map<string, VideoStatus & { abort: AbortController | null }>();
  const queue: string[] = [];
  let running: Promise<void> | null = null;
  let disposed = false;
  let idleWaiters: Array<() => void> = [];

  const statusOf = (sha: string): VideoStatus => {
    const s = states.get(sha);
    return s
      ? { sha256: s.sha256, state: s.state, stage: s.stage, progress: s.progress, error: s.error, errorCode: s.errorCode }
      : { sha256: sha, state: 'pending', stage: null, progress: 0, error: null, errorCode: null };
  };
  const set = (sha: string, patch: Partial<VideoStatus>): void => {
    const prev = states.get(sha) ?? { ...statusOf(sha), abort: null };
    const next = { ...prev, ...patch };
    states.set(sha, next);
    try {
      opts.onProgress?.(statusOf(sha));
    } catch {
      // A listener's bug must not stop extraction.
    }
  };

  const load = (sha: string): Promise<VideoFrames | null> => loadFrames(layout, sha);

  const extract = async (sha: string, signal: AbortSignal, ocr: boolean, progress: (stage: VideoStatus['stage'], p: number) => void): Promise<VideoFrames> => {
    const sidecar = await readSidecar(layout, sha);
    if (!sidecar || sidecar.blob.mediaType !== 'video') throw new VideoError('not-video', sidecar?.blob.originalName ?? sha, 'it is not a video in the vault');
    const name = sidecar.blob.originalName;
    const file = layout.blob(sha);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size < 0) throw new VideoError('missing', name, 'the original is not in the vault');
    if (size === 0) throw new VideoError('empty', name, 'the file is empty');
    const info = await decoder.probe(file, { signal });
    if (info.unreadable !== null || info.video === null) {
      const cut = /incomplete/u.test(info.unreadable ?? '') && (await isCutIsoMedia(file));
      throw new VideoError(cut ? 'truncated' : 'not-video', name, cut ? (info.unreadable ?? '') : 'the file is not a video ffmpeg recognises, or it is damaged');
    }
    progress('scan', 0);
    let scan;
    try {
      scan = await decoder.scan(file, info, { signal, onProgress: (p) => progress('scan', p * WEIGHTS.scan) });
    } catch (err) {
      if (err instanceof FfmpegRunError) throw err;
      throw new VideoError('undecodable', name, `${info.video.codec.toUpperCase()}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const duration = Math.max(info.durationSec ?? 0, scan.lastT);
    const scenes = sceneChanges(scan.samples, DEFAULT_PLAN.sceneThreshold);
    const planned = planFrames(duration, scenes);
    const interval = Math.max(DEFAULT_PLAN.minIntervalSec, duration / Math.max(2, Math.floor(DEFAULT_PLAN.maxFrames / 2)));
    const plan = snapToKeyframes(planned, scan.keyTimes, Math.min(1.5, interval / 3));
    const start = recordingStart(name, info.creationTime);
    await rm(layout.framesDir(sha), { recursive: true, force: true });
    await mkdir(layout.framesDir(sha), { recursive: true });
    const frames: VideoFrame[] = [];
    const readings: FrameReading[] = [];
    let engine: string | null = null;
    let engineKind: 'paddle' | 'tesseract' | null = null;
    let prevText: string | null = null;
    const keyed = new Set<number>();
    // Two decoders at once: the frames are independent, and this machine class has two cores.
    let extracted = 0;
    const decoded = await mapLimit(plan, 2, async (p) => {
      signal.throwIfAborted();
      // Past the last decodable frame (a stated duration longer than the data): step back once.
      const jpeg = (await decoder.frame(file, p.t, { signal, keyframe: p.keyframe })) ?? (p.t > 1 ? await decoder.frame(file, Math.max(0, p.t - 1), { signal }) : null);
      progress('frames', WEIGHTS.scan + (WEIGHTS.frames * ++extracted) / plan.length);
      return jpeg;
    });
    for (const [k, p] of plan.entries()) {
      signal.throwIfAborted();
      const jpeg = decoded[k] ?? null;
      if (jpeg === null) continue;
      const index = frames.length;
      const img = sharp(jpeg, { failOn: 'error' }).resize({ width: FRAME_LONG, height: FRAME_LONG, fit: 'inside', withoutEnlargement: true });
      const full = await img.clone().jpeg({ quality: 85 }).toBuffer({ resolveWithObject: true });
      await writeDerived(layout, layout.frameImage(sha, index), full.data);
      await writeDerived(layout, layout.frameThumb(sha, index), await sharp(full.data).resize({ width: THUMB_WIDTH }).webp({ quality: 70 }).toBuffer());
      const wallClock = start === null ? null : frameWallClock(start.at, p.t);
      let text = '';
      let lines: string[] = [];
      if (ocr && opts.readFrame) {
        const read = await opts.readFrame(full.data, signal);
        engine = read.engine;
        engineKind = read.kind;
        text = read.text;
        // The same function screenshots go through; relative chat stamps resolve against this frame's time.
        const capturedAt = wallClock?.slice(0, 19) ?? sidecar.blob.capturedAt;
        // A start time from the recorder's file name or the container's creation_time was written at
        // recording, like a screenshot's name or EXIF; without one the item's own (maybe weak) source holds.
        const captureSource = wallClock === null || start === null ? sidecar.blob.captureSource : start.source === 'filename' ? 'filename' : 'exif';
        const extraction = await extractEvidenceFields({ kind: 'image', image: full.data, ocr: { rawText: read.rawText, words: read.words }, capturedAt, captureSource });
        lines = keyLines(extraction);
        if (hasKeyText(extraction)) keyed.add(index);
        // A frame showing the same screen as the one before adds nothing to the merged text.
        if (text.trim() !== '' && text !== prevText) readings.push({ no: index + 1, offsetSec: p.t, wallClock, extraction });
        prevText = text;
        progress('ocr', WEIGHTS.scan + WEIGHTS.frames + (WEIGHTS.ocr * (k + 1)) / plan.length);
      }
      frames.push({ index, offsetSec: Math.round(p.t * 10) / 10, wallClock, reason: p.reason, width: full.info.width, height: full.info.height, text, keyLines: lines, suggested: false });
    }
    if (frames.length === 0) throw new VideoError('undecodable', name, `${info.video.codec.toUpperCase()}: no frame could be decoded`);
    suggest(frames, keyed);
    const manifest: VideoFrames = {
      version: FRAMES_VERSION,
      sha256: sha,
      originalName: name,
      decoder: decoder.name,
      codec: info.video.codec,
      width: info.video.width,
      height: info.video.height,
      durationSec: duration > 0 ? Math.round(duration * 1000) / 1000 : null,
      start,
      scan: scan.mode,
      capped: scenes.length + plan.length > DEFAULT_PLAN.maxFrames && plan.length >= DEFAULT_PLAN.maxFrames,
      ocrEngine: engine,
      createdAt: opts.now().toISOString(),
      frames,
    };
    await writeDerived(layout, layout.framesManifest(sha), Buffer.from(`${JSON.stringify(manifest)}\n`));
    if (engineKind !== null) {
      const fields: EvidenceFields = { version: FIELDS_VERSION, sha256: sha, source: 'ocr', capturedAt: sidecar.blob.capturedAt, captureSource: sidecar.blob.captureSource, ocrAt: manifest.createdAt, createdAt: manifest.createdAt, engine: engineKind, extraction: mergeFrameReadings(readings) };
      await writeFileAtomic(layout.fields(sha), `${JSON.stringify(fields)}\n`);
    }
    return manifest;
  };

  const run = async (sha: string): Promise<void> => {
    const abort = new AbortController();
    set(sha, { state: 'running', stage: 'scan', progress: 0, error: null, errorCode: null });
    const entry = states.get(sha);
    if (entry) entry.abort = abort;
    try {
      await extract(sha, abort.signal, true, (stage, p) => {
        const s = states.get(sha);
        if (s && (Math.round(p * 100) !== Math.round(s.progress * 100) || s.stage !== stage)) set(sha, { stage, progress: p });
      });
      set(sha, { state: 'done', stage: null, progress: 1, error: null, errorCode: null });
    } catch (err) {
      if (disposed) set(sha, { state: 'pending', stage: null, progress: 0 });
      else if (abort.signal.aborted) set(sha, { state: 'cancelled', stage: null, progress: 0, error: null, errorCode: null });
      else {
        const name = (await readSidecar(layout, sha).catch(() => null))?.blob.originalName ?? sha;
        const d = describeVideoError(err, name);
        set(sha, { state: 'failed', stage: null, progress: 0, error: d.message, errorCode: d.code });
      }
    } finally {
      const s = states.get(sha);
      if (s) s.abort = null;
    }
  };

  const pump = (): void => {
    if (running || disposed) return;
    const next = queue.shift();
    if (next === undefined) {
      for (const done of idleWaiters.splice(0)) done();
      return;
    }
    running = run(next).finally(() => {
      running = null;
      pump();
    });
  };

  const enqueueOne = (sha: string): void => {
    const s = states.get(sha)?.state;
    if (s === 'pending' && queue.includes(sha)) return;
    if (s === 'running') return;
    set(sha, { state: 'pending', stage: null, progress: 0, error: null, errorCode: null });
    queue.push(sha);
  };

  return {
    enqueue(sha256s) {
      for (const raw of sha256s) enqueueOne(assertSha256(raw));
      pump();
    },
    async frames(sha256) {
      const sha = assertSha256(sha256);
      const stored = await load(sha);
      if (stored) return { status: { ...statusOf(sha), state: 'done', stage: null, progress: 1, error: null, errorCode: null }, frames: stored };
      const state = states.get(sha)?.state;
      // Never run, or the frames were lost (a restore, a cleaned derived/ folder): extract them again.
      if (state === undefined || state === 'done') {
        enqueueOne(sha);
        pump();
      }
      return { status: statusOf(sha), frames: null };
    },
    async ensure(sha256, o = {}) {
      const sha = assertSha256(sha256);
      const stored = await load(sha);
      if (stored) return stored;
      return extract(sha, o.signal ?? new AbortController().signal, o.ocr ?? false, () => undefined);
    },
    cancel(sha256) {
      const sha = assertSha256(sha256);
      const i = queue.indexOf(sha);
      if (i >= 0) {
        queue.splice(i, 1);
        set(sha, { state: 'cancelled', stage: null, progress: 0, error: null, errorCode: null });
      }
      states.get(sha)?.abort?.abort();
    },
    retry(sha256) {
      enqueueOne(assertSha256(sha256));
      pump();
    },
    status: (sha256) => statusOf(assertSha256(sha256)),
    async idle() {
      if (!running && queue.length === 0) return;
      await new Promise<void>((resolve) => idleWaiters.push(resolve));
    },
    async dispose() {
      disposed = true;
      queue.length = 0;
      for (const s of states.values()) s.abort?.abort();
      await running;
      idleWaiters.forEach((done) => done());
      idleWaiters = [];
    },
  };
}

// Which frames of a recording to keep: one every few seconds (fewer for long videos, so the total is
// capped) plus each scene change (a new screen, a dialog appearing), found from tiny greyscale samples
// of the whole video. Pure: the decoder supplies samples, this decides.

export interface FramePlanOptions {
  /** Evenly spaced frames at least this far apart. */
  minIntervalSec: number;
  /** Frames kept in all, scene changes included. */
  maxFrames: number;
  /** Mean absolute difference of two samples (0–1) that counts as a new screen. */
  sceneThreshold: number;
}

export const DEFAULT_PLAN: FramePlanOptions = { minIntervalSec: 3, maxFrames: 48, sceneThreshold: 0.035 };

export type FrameReason = 'start' | 'interval' | 'scene' | 'end';

export interface PlannedFrame {
  t: number;
  reason: FrameReason;
  /** How strongly the screen changed, for scene frames (0–1); 0 otherwise. */
  score: number;
}

export interface Sample {
  t: number;
  /** Greyscale pixels, all samples the same size. */
  pixels: Uint8Array;
}

/** Mean absolute difference of two equally sized greyscale samples, 0–1. */
export function sampleDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  if (n === 0) return 0;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.abs((a[i] ?? 0) - (b[i] ?? 0));
  return sum / n / 255;
}

/**
 * Scene changes: a sample that differs from the one before by more than the threshold. The frame
 * kept is the first calm sample after it (an animation settles), at most two samples later.
 */
export function sceneChanges(samples: readonly Sample[], threshold: number): PlannedFrame[] {
  const diffs = samples.map((s, i) => (i === 0 ? 0 : sampleDiff(samples[i - 1]?.pixels ?? s.pixels, s.pixels)));
  const out: PlannedFrame[] = [];
  for (let i = 1; i < samples.length; i++) {
    const d = diffs[i] ?? 0;
    if (d < threshold) continue;
    let j = i;
    while (j + 1 < samples.length && j < i + 2 && (diffs[j + 1] ?? 0) >= threshold / 2) j++;
    const t = samples[j]?.t ?? 0;
    if (out.length > 0 && t <= (out[out.length - 1]?.t ?? -1)) {
      const last = out[out.length - 1];
      if (last) last.score = Math.max(last.score, d);
      continue;
    }
    out.push({ t, reason: 'scene', score: d });
    i = j;
  }
  return out;
}

/** Evenly spaced frames plus scene changes, capped; interval frames near a scene frame are dropped. */
export function planFrames(durationSec: number, scenes: readonly PlannedFrame[], opts: FramePlanOptions = DEFAULT_PLAN): PlannedFrame[] {
  if (!(durationSec > 0)) return [{ t: 0, reason: 'start', score: 0 }];
  const end = Math.max(0, durationSec - 0.2);
  // Half the budget for even spacing, so a long video still gets its scene changes.
  const evenBudget = Math.max(2, Math.floor(opts.maxFrames / 2));
  const interval = Math.max(opts.minIntervalSec, durationSec / evenBudget);
  const even: PlannedFrame[] = [{ t: 0, reason: 'start', score: 0 }];
  for (let t = interval; t < end - interval / 3; t += interval) even.push({ t: Math.round(t * 10) / 10, reason: 'interval', score: 0 });
  if (end > 0.5) even.push({ t: Math.round(end * 10) / 10, reason: 'end', score: 0 });
  const near = (t: number) => scenes.some((s) => Math.abs(s.t - t) < Math.min(1.5, interval / 2));
  let evenKept = even.filter((f) => f.reason === 'start' || f.reason === 'end' || !near(f.t));
  let scenesKept = scenes.filter((s) => s.t > 0.3 && s.t < end);
  const sceneRoom = Math.max(0, opts.maxFrames - Math.min(evenKept.length, evenBudget));
  // Too many changes (a scrolling feed): keep the strongest.
  if (scenesKept.length > sceneRoom) scenesKept = [...scenesKept].sort((a, b) => b.score - a.score).slice(0, sceneRoom);
  const evenRoom = Math.max(0, opts.maxFrames - scenesKept.length);
  if (evenKept.length > evenRoom) {
    const step = (evenKept.length - 1) / Math.max(1, evenRoom - 1);
    evenKept = Array.from({ length: evenRoom }, (_, k) => evenKept[Math.round(k * step)]).filter((f): f is PlannedFrame => f !== undefined);
  }
  return [...evenKept, ...scenesKept].sort((a, b) => a.t - b.t);
}

export interface SnappedFrame extends PlannedFrame {
  /** True when `t` is a key frame's own time: it decodes alone, without the frames before it. */
  keyframe: boolean;
}

/**
 * Evenly spaced frames need not be at an exact time: each moves to the nearest key frame within
 * `tolerance` seconds, which costs one decode instead of a run from the key frame before it
 * (measured on a 60 s 1080p recording: most of the extraction time). Scene frames keep their time:
 * the key frame before a dialog may not show it. Two frames landing on one time become one.
 */
export function snapToKeyframes(plan: readonly PlannedFrame[], keyTimes: readonly number[], tolerance: number): SnappedFrame[] {
  const keys = [...keyTimes].sort((a, b) => a - b);
  const out: SnappedFrame[] = [];
  for (const p of plan) {
    let best: number | null = null;
    if (p.reason !== 'scene') {
      for (const k of keys) if (Math.abs(k - p.t) <= tolerance && (best === null || Math.abs(k - p.t) < Math.abs(best - p.t))) best = k;
    }
    const f: SnappedFrame = best === null ? { ...p, keyframe: false } : { ...p, t: best, keyframe: true };
    if (out.some((o) => Math.abs(o.t - f.t) < 0.05)) continue;
    out.push(f);
  }
  return out.sort((a, b) => a.t - b.t);
}

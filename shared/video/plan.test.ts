import { describe, expect, it } from 'vitest';
import { DEFAULT_PLAN, planFrames, sampleDiff, sceneChanges, type Sample } from './plan';
import { parseProbe } from './probe';

const flat = (v: number, n = 16) => new Uint8Array(n).fill(v);

describe('sampleDiff', () => {
  it('is 0 for equal samples and 1 for black against white', () => {
    expect(sampleDiff(flat(10), flat(10))).toBe(0);
    expect(sampleDiff(flat(0), flat(255))).toBe(1);
  });
});

describe('sceneChanges', () => {
  it('finds a dialog appearing and keeps the settled frame after a fade', () => {
    const samples: Sample[] = [0, 0, 0, 0, 60, 120, 122, 122, 122].map((v, i) => ({ t: i * 0.5, pixels: flat(v) }));
    const scenes = sceneChanges(samples, DEFAULT_PLAN.sceneThreshold);
    expect(scenes).toHaveLength(1);
    expect(scenes[0]?.t).toBe(2.5);
    expect(scenes[0]?.reason).toBe('scene');
  });
  it('ignores typing-sized changes', () => {
    const samples: Sample[] = [100, 101, 102, 103].map((v, i) => ({ t: i, pixels: flat(v) }));
    expect(sceneChanges(samples, DEFAULT_PLAN.sceneThreshold)).toEqual([]);
  });
});

describe('planFrames', () => {
  it('takes one every 3 s of a 12 s video, plus start and end', () => {
    expect(planFrames(12, []).map((f) => f.t)).toEqual([0, 3, 6, 9, 11.8]);
  });
  it('adds scene changes and drops an even frame right beside one', () => {
    const plan = planFrames(12, [{ t: 6.4, reason: 'scene', score: 0.3 }]);
    expect(plan.map((f) => [f.t, f.reason])).toEqual([
      [0, 'start'],
      [3, 'interval'],
      [6.4, 'scene'],
      [9, 'interval'],
      [11.8, 'end'],
    ]);
  });
  it('caps a 4-hour video, scene changes included', () => {
    const scenes = Array.from({ length: 500 }, (_, k) => ({ t: 10 + k * 28, reason: 'scene' as const, score: (k % 7) / 10 }));
    const plan = planFrames(4 * 3600, scenes);
    expect(plan.length).toBeLessThanOrEqual(DEFAULT_PLAN.maxFrames);
    expect(plan.filter((f) => f.reason !== 'scene').length).toBeGreaterThanOrEqual(DEFAULT_PLAN.maxFrames / 2 - 2);
    expect(plan[0]?.t).toBe(0);
    expect(plan.map((f) => f.t)).toEqual([...plan.map((f) => f.t)].sort((a, b) => a - b));
  });
  it('gives a frame for a video of unknown length', () => {
    expect(planFrames(0, [])).toEqual([{ t: 0, reason: 'start', score: 0 }]);
  });
});

describe('parseProbe', () => {
  const mp4 = `Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'a.mp4':
  Metadata:
    major_brand     : isom
    creation_time   : 2026-11-17T04:03:04.000000Z
  Duration: 00:01:00.05, start: 0.000000, bitrate: 1234 kb/s
    Stream #0:0(und): Video: h264 (High) (avc1 / 0x31637661), yuv420p, 1080x1920 [SAR 1:1 DAR 9:16], 1200 kb/s, 30 fps, 30 tbr, 15360 tbn, 60 tbc (default)
    Metadata:
      rotate          : 90
      creation_time   : 2026-11-17T04:03:05.000000Z
At least one output file must be specified`;
  it('reads an MP4', () => {
    expect(parseProbe(mp4)).toEqual({ durationSec: 60.05, creationTime: '2026-11-17T04:03:04.000000Z', video: { codec: 'h264', width: 1080, height: 1920, rotation: 90 }, unreadable: null });
  });
  it('reads a MediaRecorder WebM with no duration', () => {
    const webm = `Input #0, matroska,webm, from 'a.webm':
  Metadata:
    encoder         : Chrome
  Duration: N/A, start: 0.000000, bitrate: N/A
    Stream #0:0(eng): Video: vp8, yuv420p(progressive), 720x1280, SAR 1:1 DAR 9:16, 1k tbr, 1k tbn, 1k tbc (default)`;
    expect(parseProbe(webm)).toMatchObject({ durationSec: null, creationTime: null, video: { codec: 'vp8', width: 720, height: 1280 }, unreadable: null });
  });
  it.each([
    ["[mov,mp4,m4a,3gp,3g2,mj2 @ 0x1] moov atom not found\na.mp4: Invalid data found when processing input", /incomplete/],
    ['a.mp4: Invalid data found when processing input', /not a video/],
    ["Input #0, mp3, from 'a.mp4':\n  Duration: 00:00:03.00\n    Stream #0:0: Audio: mp3, 44100 Hz", /no video stream/],
  ])('says why %#', (stderr, reason) => expect(parseProbe(stderr).unreadable).toMatch(reason));
});

describe('snapToKeyframes', () => {
  it('moves evenly spaced frames to a nearby key frame, never a scene frame', async () => {
    const { snapToKeyframes } = await import('./plan');
    const plan = [
      { t: 0, reason: 'start' as const, score: 0 },
      { t: 3, reason: 'interval' as const, score: 0 },
      { t: 5.5, reason: 'scene' as const, score: 0.3 },
      { t: 9, reason: 'interval' as const, score: 0 },
    ];
    expect(snapToKeyframes(plan, [0, 2, 4, 6, 8, 10], 1).map((f) => [f.t, f.reason, f.keyframe])).toEqual([
      [0, 'start', true],
      [2, 'interval', true],
      [5.5, 'scene', false],
      [8, 'interval', true],
    ]);
    // No key frame close enough: the exact time is decoded.
    expect(snapToKeyframes([{ t: 3, reason: 'interval', score: 0 }], [0, 10], 1)[0]).toMatchObject({ t: 3, keyframe: false });
    // Two frames on one key frame become one.
    expect(snapToKeyframes([{ t: 3, reason: 'interval', score: 0 }, { t: 3.6, reason: 'interval', score: 0 }], [3.2], 1)).toHaveLength(1);
  });
});

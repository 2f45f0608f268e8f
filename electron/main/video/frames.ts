// A video's stored key frames: reading them back (the manifest, checked against its schema, and every
// frame file it names; anything torn, hand-edited, from another version or with a lost file counts as
// missing, so the frames are made again rather than shown with holes), and which to suggest for the bundle.
import { readFile, stat } from 'node:fs/promises';
import type { VideoFrame, VideoFrames } from '../../../shared/video/contract';
import { FRAMES_VERSION, videoFramesSchema } from '../../../shared/video/contract';
import { readJson } from '../ocr/store';
import { vaultLayout, type VaultLayout } from '../vault/layout';

/** At most this many frames are suggested for the bundle; the buyer can choose others. */
export const SUGGESTED_MAX = 12;

export async function loadFrames(layout: VaultLayout, sha: string): Promise<VideoFrames | null> {
  const parsed = videoFramesSchema.safeParse(await readJson(layout.framesManifest(sha)));
  if (!parsed.success || parsed.data.sha256 !== sha || parsed.data.version !== FRAMES_VERSION) return null;
  for (const f of parsed.data.frames) {
    const ok = await stat(layout.frameImage(sha, f.index)).then((st) => st.isFile(), () => false);
    if (!ok) return null;
  }
  return parsed.data;
}

/**
 * Suggested for the bundle: frames with fields or error words first, then scene changes, then the
 * start and end; never two in a row showing the same text; at most SUGGESTED_MAX.
 */
export function suggest(frames: VideoFrame[], keyed: ReadonlySet<number>): void {
  const rank = (f: VideoFrame): number => (keyed.has(f.index) ? 0 : f.reason === 'scene' ? 1 : f.reason === 'start' || f.reason === 'end' ? 2 : 3);
  const picked = new Set<number>();
  let prev: string | null = null;
  const distinct = frames.filter((f) => {
    const same = f.text !== '' && f.text === prev;
    prev = f.text;
    return !same;
  });
  for (const f of [...distinct].sort((a, b) => rank(a) - rank(b) || a.index - b.index)) {
    if (picked.size >= SUGGESTED_MAX) break;
    if (rank(f) < 3 || picked.size < 4) picked.add(f.index);
  }
  for (const f of frames) f.suggested = picked.has(f.index);
}

export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  const queue = items.entries();
  const lane = async () => {
    for (const [i, item] of queue) out[i] = await work(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/** The stored frame image or thumbnail, for the contact sheet and the bundle. */
export async function readFrameImage(vaultDir: string, sha: string, index: number, size: 'thumb' | 'full'): Promise<Buffer> {
  const layout = vaultLayout(vaultDir);
  return readFile(size === 'thumb' ? layout.frameThumb(sha, index) : layout.frameImage(sha, index));
}

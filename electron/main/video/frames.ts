// Reading a video's stored key frames back: the manifest, checked against its schema, and every frame
// file it names. Anything torn, hand-edited, from another version or with a lost file counts as
// missing, so the frames are made again from the original rather than shown with holes.
import { stat } from 'node:fs/promises';
import type { VideoFrames } from '../../../shared/video/contract';
import { FRAMES_VERSION, videoFramesSchema } from '../../../shared/video/contract';
import { readJson } from '../ocr/store';
import type { VaultLayout } from '../vault/layout';

export async function loadFrames(layout: VaultLayout, sha: string): Promise<VideoFrames | null> {
  const parsed = videoFramesSchema.safeParse(await readJson(layout.framesManifest(sha)));
  if (!parsed.success || parsed.data.sha256 !== sha || parsed.data.version !== FRAMES_VERSION) return null;
  for (const f of parsed.data.frames) {
    const ok = await stat(layout.frameImage(sha, f.index)).then((st) => st.isFile(), () => false);
    if (!ok) return null;
  }
  return parsed.data;
}

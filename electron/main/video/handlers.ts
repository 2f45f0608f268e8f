// Maps the video:* channels onto the frame service and the vault's stored originals.
import { readFile, stat } from 'node:fs/promises';
import type { VideoApi } from '../../../shared/video/contract';
import { MAX_PLAYBACK_BYTES } from '../../../shared/video/contract';
import { VaultError } from '../vault';
import { assertSha256, vaultLayout } from '../vault/layout';
import { readSidecar } from '../vault/sidecar';
import type { VideoService } from './service';
import { readFrameImage } from './frames';

export function createVideoHandlers(video: VideoService, vaultDir: string): VideoApi {
  const layout = vaultLayout(vaultDir);
  return {
    'video:frames': ({ sha256 }) => video.frames(sha256),
    'video:frameImage': async ({ sha256, index, size }) => {
      const bytes = await readFrameImage(vaultDir, assertSha256(sha256), index, size).catch(() => {
        throw new VaultError('not-found', 'This frame is not extracted (yet).');
      });
      return { bytes, mime: size === 'thumb' ? 'image/webp' : 'image/jpeg' };
    },
    'video:cancel': async ({ sha256 }) => video.cancel(sha256),
    'video:retry': async ({ sha256 }) => video.retry(sha256),
    'video:original': async ({ sha256 }) => {
      const sidecar = await readSidecar(layout, assertSha256(sha256));
      if (!sidecar || sidecar.blob.mediaType !== 'video') throw new VaultError('not-found', 'No video with this hash is in the vault.');
      const { size } = await stat(layout.blob(sha256));
      if (size > MAX_PLAYBACK_BYTES) throw new VaultError('too-large', `${sidecar.blob.originalName} is too large to play here; open it in the system player.`);
      return { bytes: await readFile(layout.blob(sha256)), mime: sidecar.blob.mime };
    },
  };
}

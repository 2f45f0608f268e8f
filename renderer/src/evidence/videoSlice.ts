import type { VideoFrames, VideoStatus } from '../../../shared/video/contract';
import type { Slice, StoreDeps } from '../store/types';

export interface VideoSlice {
  /** Frame extraction of each video, by sha256, as main last reported it. */
  videoStatus: Readonly<Record<string, VideoStatus>>;
  /** Extracted frames of the videos opened so far, by sha256. */
  videoFrames: Readonly<Record<string, VideoFrames>>;
  /** Asks main for a video's frames (main starts extracting them when they are missing). */
  loadVideo: (sha256: string) => Promise<void>;
  onVideoProgress: (status: VideoStatus) => void;
  cancelVideo: (sha256: string) => Promise<void>;
  retryVideo: (sha256: string) => Promise<void>;
  /** The frames (by offset) the buyer put into the bundle; null goes back to the suggested ones. */
  chooseFrames: (evidenceId: string, offsets: number[] | null) => Promise<void>;
}

async function fetchFrames(deps: StoreDeps, sha256: string) {
  const res = await deps.api.videoFrames({ sha256 });
  return res.ok ? res.value : null;
}

export const videoSlice: Slice<VideoSlice> = (deps) => (set, get) => ({
  videoStatus: {},
  videoFrames: {},

  async loadVideo(sha256) {
    const reply = await fetchFrames(deps, sha256);
    if (!reply) return;
    set({
      videoStatus: { ...get().videoStatus, [sha256]: reply.status },
      ...(reply.frames ? { videoFrames: { ...get().videoFrames, [sha256]: reply.frames } } : {}),
    });
  },

  onVideoProgress(status) {
    set({ videoStatus: { ...get().videoStatus, [status.sha256]: status } });
    if (status.state !== 'done') return;
    // The frames' text became the video's fields: searchable and checked for scam wording like a screenshot's.
    void get().loadVideo(status.sha256);
    void deps.extractions.evidenceWithSha(status.sha256).then((rows) => get().ingestEvidence(rows));
  },

  async cancelVideo(sha256) {
    await deps.api.cancelVideo({ sha256 });
  },

  async retryVideo(sha256) {
    await deps.api.retryVideo({ sha256 });
  },

  async chooseFrames(evidenceId, offsets) {
    // Shown at once; the record follows (Dexie drops the property when it is set to undefined).
    set({ evidence: get().evidence.map((e) => (e.id === evidenceId ? { ...e, frames: offsets ?? undefined } : e)) });
    await deps.repo.updateEvidence(evidenceId, { frames: offsets ?? undefined });
  },
});

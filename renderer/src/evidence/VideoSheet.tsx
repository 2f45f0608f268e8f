import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import type { VideoFrame, VideoFrames, VideoStatus } from '../../../shared/video/contract';
import { formatOffset } from '../../../shared/video/startTime';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import './video.css';

/** A screen recording on the evidence page: the player, extraction progress, and the contact sheet. */
export function VideoSheet({ item }: { item: EvidenceRecord }) {
  const { t } = useTranslation();
  const status = useApp((s) => s.videoStatus[item.sha256]);
  const frames = useApp((s) => s.videoFrames[item.sha256]);
  const loadVideo = useApp((s) => s.loadVideo);
  const player = useRef<HTMLVideoElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [playError, setPlayError] = useState<string | null>(null);

  useEffect(() => void loadVideo(item.sha256), [item.sha256, loadVideo]);
  useEffect(() => () => void (src && URL.revokeObjectURL(src)), [src]);

  // The original is fetched only when the buyer asks to play it: it may be hundreds of megabytes.
  const playAt = async (offset: number) => {
    let url = src;
    if (url === null) {
      const res = await window.liuzheng.readVideoOriginal({ sha256: item.sha256 });
      if (!res.ok) return setPlayError(res.error.code === 'too-large' ? t('video.tooLarge') : res.error.message);
      url = URL.createObjectURL(new Blob([res.value.bytes.slice()], { type: res.value.mime }));
      setSrc(url);
    }
    const video = player.current;
    if (!video) return;
    const seek = () => {
      video.currentTime = offset;
      void video.play().catch(() => undefined);
    };
    if (video.readyState >= 1 && video.src === url) seek();
    else video.addEventListener('loadedmetadata', seek, { once: true });
  };

  return (
    <section className="video-sheet" aria-label={t('video.sheet')} data-testid="video-sheet">
      <div className="video-player">
        <video ref={player} src={src ?? undefined} controls aria-label={item.title} data-testid="video-player" hidden={src === null} />
        {src === null && status?.errorCode !== 'not-video' && status?.errorCode !== 'empty' && (
          <button type="button" className="primary" onClick={() => void playAt(0)} data-testid="video-play">
            {t('video.play')}
          </button>
        )}
        {playError && <p className="muted small">{playError}</p>}
      </div>
      <Progress item={item} status={status} done={frames !== undefined} />
      {frames && <ContactSheet item={item} frames={frames} onPlay={(o) => void playAt(o)} />}
    </section>
  );
}

function Progress({ item, status, done }: { item: EvidenceRecord; status: VideoStatus | undefined; done: boolean }) {
  const { t } = useTranslation();
  const cancelVideo = useApp((s) => s.cancelVideo);
  const retryVideo = useApp((s) => s.retryVideo);
  if (done || !status || status.state === 'done') return null;
  if (status.state === 'failed' || status.state === 'cancelled') {
    return (
      <div className="video-status" role="alert" data-testid="video-error">
        <p>{status.state === 'cancelled' ? t('video.cancelled') : t(`video.error.${status.errorCode ?? 'failed'}`, { file: item.originalName })}</p>
        {status.error && <p className="muted small">{t('video.detail', { detail: status.error })}</p>}
        {status.errorCode !== 'not-video' && status.errorCode !== 'empty' && (
          <button type="button" onClick={() => void retryVideo(item.sha256)}>
            {t('video.retry')}
          </button>
        )}
      </div>
    );
  }
  const percent = Math.round(status.progress * 100);
  return (
    <div className="video-status" data-testid="video-progress">
      <span>{status.state === 'pending' || !status.stage ? t('video.pending') : t('video.progress', { stage: t(`video.stage.${status.stage}`), percent })}</span>
      <progress max={100} value={percent} aria-label={t('video.sheet')} />
      <button type="button" onClick={() => void cancelVideo(item.sha256)}>
        {t('video.cancel')}
      </button>
    </div>
  );
}

function ContactSheet({ item, frames, onPlay }: { item: EvidenceRecord; frames: VideoFrames; onPlay: (offset: number) => void }) {
  const { t } = useTranslation();
  const chooseFrames = useApp((s) => s.chooseFrames);
  const chosen = new Set(item.frames ?? frames.frames.filter((f) => f.suggested).map((f) => f.offsetSec));
  const toggle = (f: VideoFrame) => {
    const next = new Set(chosen);
    if (next.has(f.offsetSec)) next.delete(f.offsetSec);
    else next.add(f.offsetSec);
    void chooseFrames(item.id, [...next].sort((a, b) => a - b));
  };
  const start = frames.start;
  return (
    <div className="contact-sheet">
      <h3>{t('video.sheet')}</h3>
      <p className="muted small">{t('video.sheetHint')}</p>
      <p className="small" data-testid="video-start">
        {start ? t('video.start', { at: formatLocal(start.at.slice(0, 19), true), source: t(`video.source.${start.source}`) }) : t('video.startUnknown')}
      </p>
      {frames.scan === 'keyframes' && <p className="muted small">{t('video.keyframesOnly')}</p>}
      <p className="small">
        {t('video.chosenCount', { n: chosen.size, total: frames.frames.length })}
        {item.frames !== undefined && (
          <button type="button" className="link" onClick={() => void chooseFrames(item.id, null)}>
            {t('video.useSuggested')}
          </button>
        )}
      </p>
      <ol className="frames" data-testid="video-frames">
        {frames.frames.map((f) => (
          <FrameCell key={f.index} sha256={item.sha256} frame={f} chosen={chosen.has(f.offsetSec)} onPlay={onPlay} onToggle={() => toggle(f)} />
        ))}
      </ol>
    </div>
  );
}

function FrameCell({ sha256, frame, chosen, onPlay, onToggle }: { sha256: string; frame: VideoFrame; chosen: boolean; onPlay: (offset: number) => void; onToggle: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState<string | null>(null);
  useEffect(() => {
    let made: string | null = null;
    let live = true;
    void window.liuzheng.videoFrameImage({ sha256, index: frame.index, size: 'thumb' }).then((res) => {
      if (!res.ok) return;
      made = URL.createObjectURL(new Blob([res.value.bytes.slice()], { type: res.value.mime }));
      if (live) setUrl(made);
      else URL.revokeObjectURL(made);
    });
    return () => {
      live = false;
      if (made) URL.revokeObjectURL(made);
    };
  }, [sha256, frame.index]);
  const offset = formatOffset(frame.offsetSec);
  return (
    <li className={chosen ? 'frame chosen' : 'frame'} data-testid="video-frame" data-offset={frame.offsetSec}>
      <button type="button" className="frame-thumb" onClick={() => onPlay(frame.offsetSec)} aria-label={t('video.playAt', { offset })} title={frame.keyLines.join('\n')}>
        {url ? <img src={url} alt={t('video.frameAlt', { no: frame.index + 1, offset })} /> : <span className="frame-placeholder" />}
      </button>
      <span className="frame-time mono">
        {offset}
        {frame.wallClock && <span className="muted"> · {frame.wallClock.slice(11, 21)}</span>}
      </span>
      {frame.keyLines.length > 0 && <span className="frame-lines small">{frame.keyLines.slice(0, 2).join(' / ')}</span>}
      <label className="frame-choose small">
        <input type="checkbox" checked={chosen} onChange={onToggle} data-testid="video-frame-choose" />
        {t('video.choose')}
      </label>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import type { ScamSignal } from '../../../shared/extract/types';
import { useApp } from '../app/StoreContext';
import { frameAtLine, type FrameLink } from '../../../shared/video/text';

interface Hit {
  evidenceId: string;
  line: number | undefined;
  /** For a video: the frame and offset the words were read from. */
  frame: FrameLink | null;
  excerpt: string;
  labels: string[];
}

/** One entry per message that triggered, with every signal it carries, so the buyer sees the words. */
function group(evidenceId: string, signals: readonly ScamSignal[], text: string): Hit[] {
  const byMessage = new Map<string, Hit>();
  for (const s of signals) {
    const key = `${s.messageIndex ?? ''}|${s.line ?? ''}|${s.excerpt}`;
    const at = s.line !== undefined && s.messageIndex === undefined ? frameAtLine(text, s.line) : null;
    const hit = byMessage.get(key) ?? { evidenceId, line: s.line, frame: at, excerpt: s.excerpt, labels: [] };
    if (!hit.labels.includes(s.label)) hit.labels.push(s.label);
    byMessage.set(key, hit);
  }
  return [...byMessage.values()];
}

/** A refund-scam warning for the open case, naming the message that triggered it. */
export function ScamAlert() {
  const { t } = useTranslation();
  const extractions = useApp((s) => s.extractions);
  const evidence = useApp((s) => s.evidence);
  const openViewer = useApp((s) => s.openViewer);
  const hits = Object.values(extractions)
    .filter((x) => x.extraction.scam)
    .flatMap((x) => group(x.evidenceId, x.extraction.scamSignals, x.extraction.text));
  if (hits.length === 0) return null;

  return (
    <div className="scam-alert" role="alert" data-testid="scam-alert">
      <strong>{t('scam.title')}</strong>
      <p>{t('scam.body')}</p>
      <ul>
        {hits.map((h, i) => (
          <li key={`${h.evidenceId}-${i}`}>
            <button type="button" className="link" onClick={() => openViewer(h.evidenceId)}>
              {evidence.find((e) => e.id === h.evidenceId)?.title ?? ''}
            </button>
            {h.frame !== null ? (
              <span className="muted small" data-testid="scam-frame"> · {t('video.at', { ...h.frame })}</span>
            ) : (
              h.line !== undefined && <span className="muted small"> · {t('scam.line', { line: h.line })}</span>
            )}
            <span> ·「{h.excerpt}」</span>
            <span className="scam-labels">{h.labels.join('；')}</span>
          </li>
        ))}
      </ul>
      <p className="small">{t('scam.advice')}</p>
    </div>
  );
}

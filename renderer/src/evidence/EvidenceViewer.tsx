import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { reviewFields, type ReviewField } from '../../../shared/domain/review';
import { useDisplayImage } from '../common/useBlobUrl';
import { useApp } from '../app/StoreContext';
import { CaptureTimeEditor } from './CaptureTimeEditor';
import { ChatTranscript } from './ChatTranscript';
import { EvidenceDetails } from './EvidenceDetails';
import { FieldReview } from '../ocr-review/FieldReview';
import { HighlightedImage } from '../ocr-review/HighlightedImage';
import { MediaIcon } from '../common/MediaIcon';
import { Modal } from '../common/Modal';
import { PagePreview } from './PagePreview';
import { RefundClauses } from './RefundClauses';
import { VideoSheet } from './VideoSheet';
import { fieldFrames } from '../../../shared/video/text';

export function EvidenceViewer() {
  const { t } = useTranslation();
  const item = useApp((s) => (s.viewerId ? s.evidence.find((e) => e.id === s.viewerId) : undefined));
  const extraction = useApp((s) => (s.viewerId ? s.extractions[s.viewerId] : undefined));
  const openViewer = useApp((s) => s.openViewer);
  const ids = useApp((s) => s.evidence.map((e) => e.id).join('\n'));
  const [hover, setHover] = useState<string | null>(null);
  if (!item) return null;
  const fields = extraction ? reviewFields(extraction.extraction, extraction.corrections) : [];
  const order = ids.split('\n');
  const at = order.indexOf(item.id);
  const go = (delta: number) => {
    const next = order[at + delta];
    if (next) openViewer(next);
  };

  return (
    <Modal title={item.title} onClose={() => openViewer(null)} wide testId="evidence-viewer" initialFocus="dialog">
      <div className="viewer-nav">
        <button type="button" className="ghost small" disabled={at <= 0} aria-label={t('ux.shortcuts.prev')} title={`${t('ux.shortcuts.prev')} (←)`} data-testid="viewer-prev" onClick={() => go(-1)}>
          ← {t('ux.shortcuts.prev')}
        </button>
        <span className="muted small" data-testid="viewer-position">
          {at + 1} / {order.length}
        </span>
        <button type="button" className="ghost small" disabled={at >= order.length - 1} aria-label={t('ux.shortcuts.next')} title={`${t('ux.shortcuts.next')} (→)`} data-testid="viewer-next" onClick={() => go(1)}>
          {t('ux.shortcuts.next')} →
        </button>
      </div>
      <div className="viewer">
        {extraction?.messages ? (
          // Scrollable, so reachable by keyboard (arrow keys scroll it once it has focus).
          <div className="viewer-preview transcript-wrap" tabIndex={0} role="region" aria-label={item.title}>
            <ChatTranscript messages={extraction.messages} />
          </div>
        ) : item.mediaType === 'page' ? (
          <PagePreview item={item} />
        ) : (
          <Preview item={item} fields={fields} active={hover} />
        )}
        <div className="viewer-side">
          {item.mediaType === 'image' && <CaptureTimeEditor key={`${item.id}-${item.capturedAt}`} item={item} suspect={extraction?.extraction.captureSuspect === true} capture={extraction?.extraction.capture ?? null} />}
          <EvidenceDetails key={item.id} item={item} />
          {extraction ? (
            <>
              <FieldReview evidenceId={item.id} fields={fields} captureSource={item.captureSource} onHover={setHover} where={item.mediaType === 'video' ? fieldFrames(extraction.extraction) : undefined} amountChoices={extraction.extraction.amountChoices} />
              {extraction.source === 'page' && <RefundClauses item={item} clauses={extraction.clauses ?? []} />}
              {extraction.source === 'page' && (
                <details className="ocr-text">
                  <summary>{t('webpage.text')}</summary>
                  <pre data-testid="page-text">{extraction.extraction.text}</pre>
                </details>
              )}
              {extraction.source === 'ocr' && (
                <details className="ocr-text">
                  <summary>{t('fields.ocrText')}</summary>
                  <pre data-testid="ocr-text">{extraction.extraction.text}</pre>
                </details>
              )}
            </>
          ) : (
            (item.mediaType === 'image' || item.mediaType === 'video') && <p className="muted small viewer-pad">{t('fields.pending')}</p>
          )}
        </div>
      </div>
    </Modal>
  );
}

function Preview({ item, fields, active }: { item: EvidenceRecord; fields: ReviewField[]; active: string | null }) {
  const { t } = useTranslation();
  const url = useDisplayImage(item.mediaType === 'image' ? item.sha256 : null);
  if (item.mediaType === 'image') {
    if (url === undefined) return <div className="viewer-preview loading" />;
    return (
      <div className="viewer-preview" tabIndex={0} role="region" aria-label={item.title}>
        {url && item.width && item.height ? (
          <HighlightedImage url={url} alt={item.title} width={item.width} height={item.height} fields={fields} active={active} />
        ) : (
          <span>{t('evidence.noPreview')}</span>
        )}
      </div>
    );
  }
  if (item.mediaType === 'video') {
    return (
      <div className="viewer-preview video-preview">
        <VideoSheet item={item} />
      </div>
    );
  }
  return (
    <div className="viewer-preview no-preview">
      <MediaIcon type={item.mediaType} />
      <span>{t('evidence.noPreview')}</span>
      <button type="button" onClick={() => void window.liuzheng.openEvidence({ sha256: item.sha256, originalName: item.originalName })}>
        {t('evidence.openExternal')}
      </button>
    </div>
  );
}

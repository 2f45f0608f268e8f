import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { reviewFields, type ReviewField } from '../../../shared/domain/review';
import { useDisplayImage } from '../hooks/useBlobUrl';
import { useApp } from '../StoreContext';
import { ChatTranscript } from './ChatTranscript';
import { EvidenceDetails } from './EvidenceDetails';
import { FieldReview } from './FieldReview';
import { HighlightedImage } from './HighlightedImage';
import { MediaIcon } from './MediaIcon';
import { Modal } from './Modal';
import { VideoSheet } from './VideoSheet';
import { fieldFrames } from '../../../shared/video/text';

export function EvidenceViewer() {
  const { t } = useTranslation();
  const item = useApp((s) => (s.viewerId ? s.evidence.find((e) => e.id === s.viewerId) : undefined));
  const extraction = useApp((s) => (s.viewerId ? s.extractions[s.viewerId] : undefined));
  const openViewer = useApp((s) => s.openViewer);
  const [hover, setHover] = useState<string | null>(null);
  if (!item) return null;
  const fields = extraction ? reviewFields(extraction.extraction, extraction.corrections) : [];

  return (
    <Modal title={item.title} onClose={() => openViewer(null)} wide testId="evidence-viewer">
      <div className="viewer">
        {extraction?.messages ? (
          <div className="viewer-preview transcript-wrap">
            <ChatTranscript messages={extraction.messages} />
          </div>
        ) : (
          <Preview item={item} fields={fields} active={hover} />
        )}
        <div className="viewer-side">
          <EvidenceDetails key={item.id} item={item} />
          {extraction ? (
            <>
              <FieldReview evidenceId={item.id} fields={fields} onHover={setHover} where={item.mediaType === 'video' ? fieldFrames(extraction.extraction) : undefined} />
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
      <div className="viewer-preview">
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

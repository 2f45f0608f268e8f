import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { useDisplayImage } from '../hooks/useBlobUrl';
import { useApp } from '../StoreContext';
import { EvidenceDetails } from './EvidenceDetails';
import { MediaIcon } from './MediaIcon';
import { Modal } from './Modal';

export function EvidenceViewer() {
  const item = useApp((s) => (s.viewerId ? s.evidence.find((e) => e.id === s.viewerId) : undefined));
  const openViewer = useApp((s) => s.openViewer);
  if (!item) return null;
  return (
    <Modal title={item.title} onClose={() => openViewer(null)} wide testId="evidence-viewer">
      <div className="viewer">
        <Preview item={item} />
        <EvidenceDetails key={item.id} item={item} />
      </div>
    </Modal>
  );
}

function Preview({ item }: { item: EvidenceRecord }) {
  const { t } = useTranslation();
  const url = useDisplayImage(item.mediaType === 'image' ? item.sha256 : null);
  if (item.mediaType === 'image') {
    if (url === undefined) return <div className="viewer-preview loading" />;
    return <div className="viewer-preview">{url ? <img src={url} alt={item.title} data-testid="viewer-image" /> : <span>{t('evidence.noPreview')}</span>}</div>;
  }
  return (
    <div className="viewer-preview no-preview">
      <MediaIcon type={item.mediaType} />
      <span>{t('evidence.noPreview')}</span>
      <button
        type="button"
        onClick={() => void window.liuzheng.openEvidence({ sha256: item.sha256, originalName: item.originalName })}
      >
        {t('evidence.openExternal')}
      </button>
    </div>
  );
}

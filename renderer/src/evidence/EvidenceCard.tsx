import { useTranslation } from 'react-i18next';
import { captureTrust, type EvidenceRecord } from '../../../shared/domain/evidence';
import { formatLocal } from '../../../shared/time/shanghai';
import { formatDuration } from '../common/format';
import { useApp } from '../app/StoreContext';
import { OcrBadge } from '../ocr-review/OcrBadge';
import { Thumbnail } from './Thumbnail';

export function EvidenceCard({ item }: { item: EvidenceRecord }) {
  const { t } = useTranslation();
  const openViewer = useApp((s) => s.openViewer);
  const missing = useApp((s) => s.missingShas.has(item.sha256));

  return (
    <li>
      <button type="button" className="evidence-card" data-testid="evidence-card" data-sha={item.sha256} onClick={() => openViewer(item.id)}>
        <Thumbnail item={item} />
        <span className={`kind-badge kind-${item.kind}`}>{t(`kind.${item.kind}`)}</span>
        {missing && <span className="missing-badge">!</span>}
        <OcrBadge sha256={item.sha256} />
        <span className="evidence-card-title" title={item.title}>
          {item.title}
        </span>
        <span className="evidence-card-meta">
          <span title={`${t(`captureSource.${item.captureSource}`)} · ${t(`times.trustHint.${captureTrust(item.captureSource)}`)}`} data-trust={captureTrust(item.captureSource)}>
            {captureTrust(item.captureSource) === 'weak' ? t('times.approxAt', { at: formatLocal(item.capturedAt), from: t(`captureSource.${item.captureSource}`) }) : formatLocal(item.capturedAt)}
          </span>
          {item.durationSec !== null && <span>{formatDuration(item.durationSec)}</span>}
        </span>
      </button>
    </li>
  );
}

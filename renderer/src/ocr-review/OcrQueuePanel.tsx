import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** OCR progress for the open case: overall, per file, with cancel and retry. */
export function OcrQueuePanel() {
  const { t } = useTranslation();
  const evidence = useApp((s) => s.evidence);
  const items = useApp((s) => s.ocrItems);
  const cancel = useApp((s) => s.cancelOcr);
  const retry = useApp((s) => s.retryOcr);
  const active = evidence.map((e) => ({ e, s: items[e.sha256] })).filter(({ s }) => s && s.state !== 'done');
  if (active.length === 0) return null;
  const done = evidence.filter((e) => items[e.sha256]?.state === 'done').length;
  const total = done + active.length;

  return (
    <details className="ocr-panel" data-testid="ocr-panel" open>
      <summary>
        {t('ocr.overall', { done, total })}
        <span className="ocr-overall-bar">
          <span style={{ width: `${Math.round((done / Math.max(total, 1)) * 100)}%` }} />
        </span>
      </summary>
      <ul>
        {active.map(({ e, s }) =>
          s ? (
            <li key={e.id} data-testid="ocr-item">
              <span className="ocr-file">{e.title}</span>
              <span className={`ocr-badge ocr-${s.state}`}>{s.state === 'running' ? t('ocr.running', { pct: Math.round(s.progress * 100) }) : t(`ocr.state.${s.state}`)}</span>
              {s.error && <span className="muted small">{s.error}</span>}
              {(s.state === 'pending' || s.state === 'running') && (
                <button type="button" className="link small" onClick={() => void cancel(e.sha256)}>
                  {t('ocr.cancel')}
                </button>
              )}
              {(s.state === 'failed' || s.state === 'cancelled') && (
                <button type="button" className="link small" data-testid="ocr-retry" onClick={() => void retry(e.sha256)}>
                  {t('ocr.retry')}
                </button>
              )}
            </li>
          ) : null,
        )}
      </ul>
    </details>
  );
}

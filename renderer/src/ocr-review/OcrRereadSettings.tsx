import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** 文字识别: re-read every screenshot with the new engine in the background, with progress and cancel. */
export function OcrRereadSettings() {
  const { t } = useTranslation();
  const reread = useApp((s) => s.reread);
  const overall = useApp((s) => s.ocrOverall);
  const start = useApp((s) => s.rereadAll);
  const cancel = useApp((s) => s.cancelReread);
  // The queue's current batch: what this action (and any import running with it) still has to read.
  const busy = overall !== null && overall.total > 0 && overall.finished < overall.total;
  const pct = overall ? Math.round(overall.progress * 100) : 0;

  return (
    <div className="setting-line" data-testid="ocr-reread">
      <span className="setting-label">{t('deadlineSettings.ocr.label')}</span>
      <div className="setting-control">
        <span className="muted small">{t('deadlineSettings.ocr.hint')}</span>
        {busy && overall && (
          <span className="small" role="status" data-testid="ocr-reread-progress">
            {t('deadlineSettings.ocr.progress', { done: overall.finished, total: overall.total })}
            <span className="ocr-overall-bar" aria-hidden="true">
              <span style={{ width: `${pct}%` }} />
            </span>
          </span>
        )}
        {!busy && reread?.phase === 'queued' && (
          <span className="small" role="status" data-testid="ocr-reread-result">
            {reread.report.queued + reread.report.waiting === 0 ? t('deadlineSettings.ocr.nothing') : t('deadlineSettings.ocr.queued', { queued: reread.report.queued, current: reread.report.current })}
          </span>
        )}
        {!busy && reread?.phase === 'cancelled' && (
          <span className="small" role="status" data-testid="ocr-reread-result">
            {t('deadlineSettings.ocr.cancelled', { n: reread.cancelled })}
          </span>
        )}
        {reread?.phase === 'failed' && (
          <span className="setting-warning small" role="alert">
            {t('deadlineSettings.ocr.failed', { message: reread.message })}
          </span>
        )}
      </div>
      {busy ? (
        <button type="button" data-testid="ocr-reread-cancel" onClick={() => void cancel()}>
          {t('deadlineSettings.ocr.cancel')}
        </button>
      ) : (
        <button type="button" data-testid="ocr-reread-start" onClick={() => void start()}>
          {t('deadlineSettings.ocr.start')}
        </button>
      )}
    </div>
  );
}

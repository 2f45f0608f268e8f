import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { Modal } from '../common/Modal';

/** 抓取网页: the buyer names one site and confirms that this one action goes online. */
export function CaptureDialog({ caseId, onClose }: { caseId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const importInto = useApp((s) => s.importInto);
  const [url, setUrl] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const report = await importInto(caseId, { via: 'capture', url: url.trim() });
      if (report.added > 0 || report.duplicates.length > 0) onClose();
      else setError(report.failures[0]?.message ?? '');
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal title={t('webpage.capture.title')} onClose={onClose} testId="capture-dialog">
      <form
        className="capture-form viewer-pad"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <label>
          {t('webpage.capture.url')}
          <input type="url" inputMode="url" required value={url} placeholder={t('webpage.capture.urlPlaceholder')} onChange={(e) => setUrl(e.target.value)} data-testid="capture-url" />
        </label>
        <p className="muted small" data-testid="capture-notice">
          {t('webpage.capture.notice')}
        </p>
        <label className="check">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} data-testid="capture-confirm" />
          {t('webpage.capture.confirm')}
        </label>
        {error !== null && (
          <p className="error small" role="alert" data-testid="capture-error">
            {t('webpage.capture.failed', { reason: error })}
          </p>
        )}
        <div className="viewer-actions">
          <button type="submit" className="primary" disabled={!confirmed || busy || url.trim() === ''} data-testid="capture-start">
            {busy ? t('webpage.capture.running') : t('webpage.capture.start')}
          </button>
          <button type="button" onClick={onClose}>
            {t('webpage.cancel')}
          </button>
        </div>
      </form>
    </Modal>
  );
}

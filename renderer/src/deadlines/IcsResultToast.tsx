import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

export function IcsResultToast() {
  const { t } = useTranslation();
  const result = useApp((s) => s.icsResult);
  const dismiss = useApp((s) => s.dismissIcsResult);
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(dismiss, 8000);
    return () => clearTimeout(timer);
  }, [result, dismiss]);
  if (!result || (!result.saved && result.reason === 'cancelled')) return null;

  return (
    <div className={result.saved ? 'toast' : 'toast toast-warn'} role="status" data-testid="ics-result">
      <div className="toast-head">
        <span>{result.saved ? t('deadlines.icsSaved', { count: result.count, path: result.path }) : t('deadlines.icsEmpty')}</span>
        <button type="button" className="ghost icon" aria-label={t('import.dismiss')} onClick={dismiss}>
          ×
        </button>
      </div>
    </div>
  );
}

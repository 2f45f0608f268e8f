import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

export function ImportReportPanel() {
  const { t } = useTranslation();
  const report = useApp((s) => s.report);
  const dismiss = useApp((s) => s.dismissReport);
  const clean = report !== null && report.duplicates.length === 0 && report.failures.length === 0;
  // Good news fades on its own; problems stay until the buyer has read them.
  useEffect(() => {
    if (!clean) return;
    const timer = setTimeout(dismiss, 6000);
    return () => clearTimeout(timer);
  }, [clean, report, dismiss]);
  if (!report) return null;

  return (
    <div className={clean ? 'toast' : 'toast toast-warn'} role="status" data-testid="import-report">
      <div className="toast-head">
        <strong>{report.added > 0 ? t('import.added', { count: report.added }) : t('import.nothing')}</strong>
        <button type="button" className="ghost icon" aria-label={t('import.dismiss')} onClick={dismiss}>
          ×
        </button>
      </div>
      {!clean && (
        <ul className="toast-list">
          {report.duplicates.map((d) => (
            <li key={`dup-${d.file}-${d.sha256}`} className="dup" data-testid="import-duplicate">
              {t('import.duplicate', { file: d.file, caseTitle: d.existing.caseTitle })}
            </li>
          ))}
          {report.failures.map((f, i) => (
            <li key={`fail-${f.file}-${i}`} className="fail" data-testid="import-failure" title={f.message}>
              {t('import.failed', { file: f.file, reason: t(`errors.${f.code}`) })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

export function VerifyBundleView() {
  const { t } = useTranslation();
  const report = useApp((s) => s.bundleReport);
  const verify = useApp((s) => s.verifyExport);
  const busy = useApp((s) => s.verifyingExport);
  const cancel = useApp((s) => s.cancelVerifyExport);
  const bad = report ? report.summary.mismatch + report.summary.missing : 0;

  return (
    <section className="integ-panel" data-testid="verify-bundle">
      <p className="integ-lead">{t('integrity.verify.lead')}</p>
      <div className="integ-actions">
        <button type="button" className="primary" data-testid="verify-folder" disabled={busy} onClick={() => void verify('folder')}>
          {t('integrity.verify.pickFolder')}
        </button>
        <button type="button" data-testid="verify-pdf" disabled={busy} onClick={() => void verify('pdf')}>
          {t('integrity.verify.pickPdf')}
        </button>
        {busy && (
          <>
            <span className="muted small" role="status" data-testid="verify-running">
              {t('integrity.verify.running')}
            </span>
            <button type="button" className="ghost" data-testid="verify-cancel" onClick={() => void cancel()}>
              {t('integrity.verify.cancel')}
            </button>
          </>
        )}
      </div>
      {report && (
        <div data-testid="verify-report">
          <p className="summary-line" data-testid="verify-summary">
            <span className={bad === 0 ? 'chain-badge chain-ok' : 'chain-badge chain-bad'}>
              {bad === 0 ? `✓ ${t('integrity.verify.allMatch', { total: report.summary.total })}` : `⚠ ${t('integrity.verify.someBad', { bad, total: report.summary.total })}`}
            </span>
          </p>
          <p className="verify-source">
            {t('integrity.verify.source', {
              kind: t(report.kind === 'pdf' ? 'integrity.verify.kindPdf' : 'integrity.verify.kindFolder'),
              caseTitle: report.caseTitle,
              exportedAt: report.exportedAt.replace('T', ' '),
            })}
          </p>
          <table className="integ-table">
            <thead>
              <tr>
                <th>{t('integrity.verify.file')}</th>
                <th>{t('integrity.verify.hash')}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {report.items.map((item) => (
                <tr key={`${item.label}-${item.file ?? ''}`} className={item.status === 'match' ? undefined : 'row-bad'} data-testid="verify-item" data-status={item.status}>
                  <td className="col-detail">
                    {report.kind === 'pdf' && <strong>{item.label} </strong>}
                    {item.file ?? item.title}
                  </td>
                  <td className="hash-line">{item.expected}</td>
                  <td className="col-status">
                    <span className={`status-${item.status}`}>
                      {item.status === 'match' ? '✓ ' : '⚠ '}
                      {t(`integrity.verify.status.${item.status}`)}
                    </span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

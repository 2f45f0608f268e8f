import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { VaultCheckFindings } from './VaultCheckFindings';

export function VaultCheckView() {
  const { t } = useTranslation();
  const check = useApp((s) => s.vaultCheck);
  const start = useApp((s) => s.startVaultCheck);
  const cancel = useApp((s) => s.cancelVaultCheck);
  const report = check.report;
  const pct = check.total === 0 ? 0 : Math.round((check.done / check.total) * 100);

  return (
    <section className="integ-panel" data-testid="vault-check">
      <p className="integ-lead">{t('integrity.check.lead')}</p>
      <div className="integ-actions">
        <button type="button" className="primary" data-testid="vault-check-start" disabled={check.running} onClick={() => void start()}>
          {t('integrity.check.start')}
        </button>
        {check.running && (
          <>
            <div className="check-progress" data-testid="vault-check-progress">
              <div className="check-progress-bar" style={{ width: `${pct}%` }} />
              <span className="check-progress-text">{t('integrity.check.running', { done: check.done, total: check.total })}</span>
            </div>
            <button type="button" data-testid="vault-check-cancel" disabled={check.runId === null} onClick={() => void cancel()}>
              {t('integrity.check.cancel')}
            </button>
          </>
        )}
      </div>
      {report && (
        <div data-testid="vault-check-report">
          <p className="summary-line" data-testid="vault-check-summary">
            {report.cancelled
              ? t('integrity.check.cancelled', { checked: report.checked, total: report.total })
              : report.mismatches.length + report.missing.length + report.orphans.length === 0
                ? t('integrity.check.allGood', { matched: report.matched })
                : t('integrity.check.summary', { matched: report.matched, mismatches: report.mismatches.length, missing: report.missing.length, orphans: report.orphans.length })}
          </p>
          <VaultCheckFindings report={report} />
        </div>
      )}
    </section>
  );
}

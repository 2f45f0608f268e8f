import { useTranslation } from 'react-i18next';
import type { VaultCheckReport } from '../../../shared/integrity/contract';
import { sizeText } from '../../../shared/bundle/labels';
import { useApp } from '../app/StoreContext';

/** Mismatches (quarantine after confirming), missing originals, orphans and lost thumbnails (safe repair). */
export function VaultCheckFindings({ report }: { report: VaultCheckReport }) {
  const { t } = useTranslation();
  const quarantine = useApp((s) => s.quarantineOriginal);
  const repair = useApp((s) => s.repairVault);
  const safeRepairs = report.orphans.length + report.derivedMissing;

  return (
    <>
      {report.mismatches.length > 0 && (
        <div className="check-section" data-testid="check-mismatches">
          <h3>⚠ {t('integrity.check.mismatchTitle')}</h3>
          <p className="check-help">{t('integrity.check.mismatchHelp')}</p>
          {report.mismatches.map((m) => {
            const title = m.records.map((r) => r.title).join('、');
            return (
              <div key={m.sha256} className="check-item bad" data-testid="check-mismatch">
                <div>
                  <strong>{title}</strong>
                  <div className="hash-line">
                    {t('integrity.check.expected')} {m.sha256}
                  </div>
                  <div className="hash-line">
                    {t('integrity.check.actual')} {m.actual}
                  </div>
                </div>
                <button
                  type="button"
                  className="danger"
                  data-testid="check-quarantine"
                  onClick={() => window.confirm(t('integrity.check.quarantineConfirm', { title })) && void quarantine(m.sha256)}
                >
                  {t('integrity.check.quarantine')}
                </button>
              </div>
            );
          })}
        </div>
      )}
      {report.missing.length > 0 && (
        <div className="check-section" data-testid="check-missing">
          <h3>{t('integrity.check.missingTitle')}</h3>
          {report.missing.map((r) => (
            <div key={r.evidenceId} className="check-item bad">
              <div>
                <strong>{r.title}</strong>
                <div className="hash-line">{r.sha256}</div>
              </div>
            </div>
          ))}
        </div>
      )}
      {safeRepairs > 0 && (
        <div className="check-section" data-testid="check-repairable">
          {report.orphans.length > 0 && (
            <>
              <h3>{t('integrity.check.orphanTitle')}</h3>
              <p className="check-help">{t('integrity.check.orphanHelp')}</p>
              {report.orphans.map((o) => (
                <div key={o.sha256} className="check-item">
                  <div>
                    <strong>{o.originalName}</strong> <span className="muted small">{sizeText(o.size)}</span>
                    <div className="hash-line">{o.sha256}</div>
                  </div>
                </div>
              ))}
            </>
          )}
          {report.derivedMissing > 0 && <p className="check-help">{t('integrity.check.derivedMissing', { count: report.derivedMissing })}</p>}
          <div>
            <button type="button" className="primary" data-testid="check-repair" onClick={() => void repair()}>
              {t('integrity.check.repair')}
            </button>
          </div>
        </div>
      )}
    </>
  );
}

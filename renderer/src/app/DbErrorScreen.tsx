import { useTranslation } from 'react-i18next';
import '../backup/backup.css';
import { useBackup } from '../backup/context';
import { formatBytes } from '../common/format';
import { RestoreSection } from '../backup/RestoreSection';

/** Shown instead of the app when the database cannot be opened: never a blank window. */
export function DbErrorScreen({ reason }: { reason: string }) {
  const { t } = useTranslation();
  const dumping = useBackup((s) => s.dumping);
  const dumpResult = useBackup((s) => s.dumpResult);
  const dumpError = useBackup((s) => s.dumpError);
  const dumpReadable = useBackup((s) => s.dumpReadable);

  return (
    <div className="db-error" data-testid="db-error-screen">
      <div className="db-error-card">
        <header className="db-error-head">
          <span className="brand-seal" aria-hidden="true">
            证
          </span>
          <div>
            <h1>{t('backup.errorTitle')}</h1>
            <p className="muted">{t('backup.errorLead')}</p>
          </div>
        </header>
        <div className="db-error-reason">
          <span className="field-label">{t('backup.errorReason')}</span>
          <code data-testid="db-error-reason">{reason}</code>
        </div>
        <p className="small muted">{t('backup.errorFiles')}</p>
        <h2 className="db-error-what">{t('backup.errorWhat')}</h2>
        <div className="backup-grid">
          <section className="backup-card">
            <h2>{t('backup.dump')}</h2>
            <p className="muted">{t('backup.dumpHint')}</p>
            <div className="backup-actions">
              <button type="button" className="primary" data-testid="db-dump" disabled={dumping} onClick={() => void dumpReadable()}>
                {t('backup.dump')}
              </button>
            </div>
            {dumpResult && (
              <p className="backup-ok" data-testid="db-dump-result">
                {t('backup.dumped', { file: dumpResult.fileName, size: formatBytes(dumpResult.bytes) })}
              </p>
            )}
            {dumpError && (
              <p className="backup-error" role="alert">
                {t('backup.dumpNothing', { reason: dumpError })}
              </p>
            )}
          </section>
          <RestoreSection title={t('backup.restoreFromBackup')} hint={t('backup.restoreFromBackupHint')} />
        </div>
      </div>
    </div>
  );
}

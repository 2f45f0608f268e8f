import { useTranslation } from 'react-i18next';
import './backup.css';
import { BackupSection } from './BackupSection';
import { RestoreSection } from './RestoreSection';

/** Backup and restore, self-contained: it needs only the BackupContext, so it can live in any screen. */
export function BackupPanel() {
  const { t } = useTranslation();
  return (
    <div className="backup-panel" data-testid="backup-panel">
      <header className="backup-head">
        <h1>{t('backup.title')}</h1>
        <p className="muted">{t('backup.intro')}</p>
      </header>
      <div className="backup-grid">
        <BackupSection />
        <RestoreSection />
      </div>
    </div>
  );
}

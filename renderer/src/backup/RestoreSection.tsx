import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBackup } from './context';
import { BackupErrorNote } from './BackupErrorNote';
import { BackupProgressBar } from './BackupProgressBar';
import { RestoreConfirmDialog } from './RestoreConfirmDialog';

export function RestoreSection({ title, hint }: { title?: string; hint?: string }) {
  const { t } = useTranslation();
  const step = useBackup((s) => s.restoreStep);
  const picked = useBackup((s) => s.picked);
  const error = useBackup((s) => s.restoreError);
  const pickArchive = useBackup((s) => s.pickArchive);
  const verify = useBackup((s) => s.verify);
  const cancel = useBackup((s) => s.cancelRestore);
  const [password, setPassword] = useState('');
  const busy = step === 'verifying' || step === 'applying' || step === 'restarting';

  return (
    <section className="backup-card" data-testid="restore-section">
      <h2>{title ?? t('backup.restoreTitle')}</h2>
      <p className="muted">{hint ?? t('backup.restoreHint')}</p>
      <p className="backup-note">{t('backup.plainNote')}</p>
      {step === 'password' && picked && (
        <form
          className="backup-password"
          onSubmit={(e) => {
            e.preventDefault();
            void verify(password);
          }}
        >
          <span>{t('backup.encryptedArchive', { file: picked.fileName })}</span>
          <div className="backup-unlock">
            <input type="password" autoComplete="current-password" value={password} data-testid="restore-password" autoFocus onChange={(e) => setPassword(e.target.value)} />
            <button type="submit" className="primary" data-testid="restore-unlock" disabled={password.length === 0}>
              {t('backup.unlock')}
            </button>
            <button type="button" className="ghost" onClick={() => void cancel()}>
              {t('backup.cancel')}
            </button>
          </div>
        </form>
      )}
      <div className="backup-actions">
        <button type="button" data-testid="restore-pick" disabled={busy} onClick={() => void pickArchive()}>
          {t('backup.pick')}
        </button>
      </div>
      {step === 'verifying' && <BackupProgressBar label={t('backup.verifying')} />}
      {step === 'applying' && <BackupProgressBar label={t('backup.applying')} />}
      {step === 'restarting' && (
        <p className="backup-ok" data-testid="restore-done">
          {t('backup.restarting')}
        </p>
      )}
      {error && <BackupErrorNote error={error} testId="restore-error" unchanged={step !== 'restarting'} />}
      <RestoreConfirmDialog />
    </section>
  );
}

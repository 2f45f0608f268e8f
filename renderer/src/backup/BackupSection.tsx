import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { passwordProblem } from '../../../shared/backup/password';
import { useBackup } from './context';
import { formatBytes } from '../common/format';
import { BackupErrorNote } from './BackupErrorNote';
import { BackupProgressBar } from './BackupProgressBar';

export function BackupSection() {
  const { t } = useTranslation();
  const backingUp = useBackup((s) => s.backingUp);
  const result = useBackup((s) => s.backupResult);
  const error = useBackup((s) => s.backupError);
  const createBackup = useBackup((s) => s.createBackup);
  const [encrypt, setEncrypt] = useState(false);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const problem = encrypt ? passwordProblem(password, repeat) : null;
  // Only complain once the buyer has typed something into the field the problem is about.
  const shown = problem === 'passwordShort' ? password.length > 0 : problem === 'passwordMismatch' && repeat.length > 0;

  return (
    <section className="backup-card" data-testid="backup-section">
      <h2>{t('backup.backupTitle')}</h2>
      <p className="muted">{t('backup.backupHint')}</p>
      <label className="backup-check">
        <input type="checkbox" checked={encrypt} data-testid="backup-encrypt" onChange={(e) => setEncrypt(e.target.checked)} />
        {t('backup.encrypt')}
      </label>
      {!encrypt && (
        <p className="backup-note" data-testid="backup-plain-note">
          {t('backup.plainNote')}
        </p>
      )}
      {encrypt && (
        <div className="backup-password">
          <div className="inline-fields">
            <label className="field">
              <span className="field-label">{t('backup.password')}</span>
              <input type="password" autoComplete="new-password" value={password} data-testid="backup-password" onChange={(e) => setPassword(e.target.value)} />
            </label>
            <label className="field">
              <span className="field-label">{t('backup.passwordRepeat')}</span>
              <input type="password" autoComplete="new-password" value={repeat} data-testid="backup-password-repeat" onChange={(e) => setRepeat(e.target.value)} />
            </label>
          </div>
          {shown && problem && <span className="field-error">{t(`backup.${problem}`)}</span>}
          <p className="backup-warning" data-testid="backup-password-warning">
            {t('backup.lostPassword')}
          </p>
        </div>
      )}
      <div className="backup-actions">
        <button type="button" className="primary" data-testid="backup-create" disabled={backingUp || problem !== null} onClick={() => void createBackup(encrypt ? password : null)}>
          {t('backup.create')}
        </button>
      </div>
      {backingUp && <BackupProgressBar label={t('backup.creating')} />}
      {result && !backingUp && (
        <p className="backup-ok" data-testid="backup-result">
          {t('backup.created', { file: result.fileName, size: formatBytes(result.bytes), files: result.files, encrypted: result.encrypted ? t('backup.encryptedSuffix') : '' })}
        </p>
      )}
      {error && !backingUp && <BackupErrorNote error={error} testId="backup-error" />}
    </section>
  );
}

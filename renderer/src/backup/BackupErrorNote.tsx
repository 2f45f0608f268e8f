import { useTranslation } from 'react-i18next';
import type { AppError } from '../../../shared/ipc/result';

/** A failed backup or restore: the plain reason, the file in the archive it is about, and main's detail. */
export function BackupErrorNote({ error, testId, unchanged }: { error: AppError; testId: string; unchanged?: boolean }) {
  const { t } = useTranslation();
  // Main's message names the entry for logs; here the entry has its own line.
  const detail = error.file ? error.message.replace(error.file, '').trim() : error.message;
  return (
    <div className="backup-error" role="alert" data-testid={testId} data-code={error.code}>
      <strong>{t('backup.failed', { reason: t(`errors.${error.code}`) })}</strong>
      {error.file && <span className="mono small">{t('backup.failedFile', { file: error.file })}</span>}
      <span className="small muted">{detail}</span>
      {unchanged && <span className="small">{t('backup.unchanged')}</span>}
    </div>
  );
}

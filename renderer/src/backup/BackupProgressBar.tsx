import { useTranslation } from 'react-i18next';
import { useBackup } from './context';
import { formatBytes } from '../common/format';

/** The running backup's or check's progress, in bytes, with the entry being read or written. */
export function BackupProgressBar({ label }: { label: string }) {
  const { t } = useTranslation();
  const progress = useBackup((s) => s.progress);
  const share = progress && progress.totalBytes > 0 ? Math.min(1, progress.doneBytes / progress.totalBytes) : 0;
  return (
    <div className="backup-progress" data-testid="backup-progress" role="progressbar" aria-valuenow={Math.round(share * 100)} aria-valuemin={0} aria-valuemax={100}>
      <div className="backup-progress-bar" style={{ width: `${share * 100}%` }} />
      <span className="backup-progress-text">
        {label}
        {progress && progress.totalBytes > 0 && <span className="muted"> {t('backup.progress', { done: formatBytes(progress.doneBytes), total: formatBytes(progress.totalBytes) })}</span>}
      </span>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useBackup } from './context';
import { formatBytes } from '../common/format';
import { Modal } from '../common/Modal';

/** The last step before anything is replaced: what the verified archive holds, and what restoring costs. */
export function RestoreConfirmDialog() {
  const { t } = useTranslation();
  const step = useBackup((s) => s.restoreStep);
  const summary = useBackup((s) => s.summary);
  const confirm = useBackup((s) => s.confirmRestore);
  const cancel = useBackup((s) => s.cancelRestore);
  if ((step !== 'confirm' && step !== 'applying') || !summary) return null;
  const made = new Date(summary.createdAt).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  const rows: [id: string, label: string, value: string][] = [
    ['made', t('backup.made'), made],
    ['cases', t('backup.cases'), String(summary.counts.cases)],
    ['evidence', t('backup.evidence'), String(summary.counts.evidence)],
    ['deadlines', t('backup.deadlines'), String(summary.counts.deadlines)],
    ['originals', t('backup.originals'), `${summary.blobs} · ${formatBytes(summary.bytes)}`],
    ['version', t('backup.appVersion'), summary.encrypted ? `${summary.appVersion} · ${t('backup.encryptedYes')}` : summary.appVersion],
  ];
  return (
    <Modal title={t('backup.confirmTitle')} onClose={() => step === 'confirm' && void cancel()} testId="restore-confirm">
      <div className="modal-body">
        <p>{t('backup.confirmLead', { file: summary.fileName })}</p>
        <dl className="backup-summary">
          {rows.map(([id, label, value]) => (
            <div key={id}>
              <dt>{label}</dt>
              <dd data-testid={`restore-summary-${id}`}>{value}</dd>
            </div>
          ))}
        </dl>
        <p className="backup-warning">{t('backup.confirmWarning')}</p>
        <div className="backup-confirm-actions">
          <button type="button" onClick={() => void cancel()} disabled={step !== 'confirm'}>
            {t('backup.cancel')}
          </button>
          <button type="button" className="primary danger-fill" data-testid="restore-confirm-button" disabled={step !== 'confirm'} onClick={() => void confirm()}>
            {step === 'applying' ? t('backup.applying') : t('backup.confirm')}
          </button>
        </div>
      </div>
    </Modal>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** The outcome of a case folder export or import; errors name the file or field main complained about. */
export function PortableToast() {
  const { t } = useTranslation();
  const notice = useApp((s) => s.portableNotice);
  const dismiss = useApp((s) => s.dismissPortableNotice);
  if (!notice) return null;
  const error = notice.kind === 'error';
  return (
    <div className={error ? 'toast toast-warn' : 'toast'} role="status" data-testid="portable-result" data-kind={notice.kind}>
      <div className="toast-head">
        <span>
          {notice.kind === 'exported' && t('portable.exported', { files: notice.files })}
          {notice.kind === 'imported' && t('portable.imported', { title: notice.title, count: notice.count })}
          {error && (notice.action === 'export' ? t('portable.exportFailed') : t('portable.importFailed'))}
        </span>
        <button type="button" className="ghost icon" aria-label={t('portable.dismiss')} onClick={dismiss}>
          ×
        </button>
      </div>
      {notice.kind === 'exported' && <p className="mono small toast-detail">{notice.dir}</p>}
      {error && <p className="small toast-detail" data-testid="portable-error">{notice.message === 'noEvidence' ? t('portable.noEvidence') : notice.message}</p>}
    </div>
  );
}

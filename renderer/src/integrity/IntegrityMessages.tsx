import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';

/** The last integrity error or notice, above whichever tab is open. */
export function IntegrityMessages() {
  const { t } = useTranslation();
  const error = useApp((s) => s.integrityError);
  const notice = useApp((s) => s.integrityNotice);
  return (
    <>
      {error && (
        <div className="integ-message integ-error" role="alert" data-testid="integrity-error">
          {t('integrity.errorPrefix')}
          {error.message}
        </div>
      )}
      {notice && (
        <div className="integ-message integ-notice" role="status" data-testid="integrity-notice">
          {t(`integrity.${notice.key}`, notice.params)}
        </div>
      )}
    </>
  );
}

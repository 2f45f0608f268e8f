import { useTranslation } from 'react-i18next';
import { useApp } from './StoreContext';

export function VaultNoticeBanner() {
  const { t } = useTranslation();
  const notice = useApp((s) => s.vaultNotice);
  const dismiss = useApp((s) => s.dismissVaultNotice);
  const language = useApp((s) => s.language);
  if (!notice) return null;

  const parts = notice.error
    ? [t(`errors.${notice.error.code}`)]
    : [
        notice.recovered > 0 && t('vault.recoveredOrphans', { count: notice.recovered }),
        notice.removedTemp > 0 && t('vault.removedTemp', { count: notice.removedTemp }),
        notice.rebuilt > 0 && t('vault.rebuilt', { count: notice.rebuilt }),
        notice.missing > 0 && t('vault.missing', { count: notice.missing }),
        notice.finishedActions > 0 && t('vault.finishedActions', { count: notice.finishedActions }),
        notice.undoneActions > 0 && t('vault.undoneActions', { count: notice.undoneActions }),
      ].filter((p): p is string => typeof p === 'string');

  return (
    <div className={notice.error || notice.missing > 0 ? 'banner banner-warn' : 'banner'} role="status" data-testid="vault-notice">
      <span>{t('vault.reconciled', { summary: parts.join(language === 'en' ? '; ' : '；') })}</span>
      <button type="button" className="ghost" onClick={dismiss}>
        {t('import.dismiss')}
      </button>
    </div>
  );
}

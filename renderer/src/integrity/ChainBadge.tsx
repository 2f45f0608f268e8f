import { useTranslation } from 'react-i18next';
import type { CaseHistory } from '../../../shared/integrity/contract';

export function ChainBadge({ history }: { history: CaseHistory }) {
  const { t } = useTranslation();
  if (!history.intact) {
    return (
      <span className="chain-badge chain-bad" data-testid="chain-status" data-intact="false">
        ⚠ {t('integrity.history.broken')}
      </span>
    );
  }
  const crashed = history.issues.length > 0;
  return (
    <span className={crashed ? 'chain-badge chain-warn' : 'chain-badge chain-ok'} data-testid="chain-status" data-intact="true" title={crashed ? t('integrity.history.crash') : undefined}>
      ✓ {t('integrity.history.intact')}
      {crashed && ` · ${t('integrity.history.crash')}`}
    </span>
  );
}

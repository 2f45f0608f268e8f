import { useTranslation } from 'react-i18next';
import { sevenDayReturnWarning } from '../../../shared/deadlines/workflow';
import type { CaseRecord } from '../../../shared/domain/case';

export function SevenDayWarning({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const warning = sevenDayReturnWarning(record.goodsType, record.virtualState);
  if (!warning) return null;
  return (
    <div className="inline-warning" role="note" data-testid="seven-day-warning">
      <strong>{t(warning.key)}</strong>
      <span className="small">{warning.citation}</span>
    </div>
  );
}

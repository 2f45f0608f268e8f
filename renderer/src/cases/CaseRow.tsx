import { useTranslation } from 'react-i18next';
import { CLOSED_STATUSES, type CaseRecord } from '../../../shared/domain/case';
import { nextOpenDeadline } from '../../../shared/domain/deadline';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { Countdown } from '../deadlines/Countdown';

export function CaseRow({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const count = useApp((s) => s.evidenceCounts[record.id] ?? 0);
  const navigate = useApp((s) => s.navigate);
  const next = useApp((s) => nextOpenDeadline(s.deadlines.filter((d) => d.caseId === record.id)));
  const closed = CLOSED_STATUSES.includes(record.status);

  return (
    <li>
      <button type="button" className={closed ? 'case-row closed' : 'case-row'} data-testid="case-row" onClick={() => void navigate({ name: 'case', caseId: record.id })}>
        <span className={`platform-badge platform-${record.platform}`}>{t(`platform.${record.platform}`)}</span>
        <span className="case-row-main">
          <span className="case-row-title">{record.title || t('cases.untitled')}</span>
          <span className="case-row-meta">
            {record.shop && <span>{record.shop}</span>}
            <span>{t(`issueType.${record.issueType}`)}</span>
            {record.orderNumber && (
              <span className="mono">
                {t('cases.orderNumber')} {record.orderNumber}
              </span>
            )}
            {record.amount && <span>¥{record.amount}</span>}
          </span>
        </span>
        <span className={`status-chip status-${record.status}`}>{t(`status.${record.status}`)}</span>
        <span className="case-row-count">{t('cases.evidenceCount', { count })}</span>
        <span className="case-row-deadline" title={t('cases.nextDeadline')}>
          <span className="muted small">{next ? formatLocal(next.due) : t('cases.nextDeadline')}</span>
          {next ? <Countdown deadline={next} /> : <span className="muted">{t('cases.noDeadline')}</span>}
        </span>
        <span className="muted small case-row-updated">{t('cases.updated', { time: formatLocal(record.updatedAt) })}</span>
      </button>
    </li>
  );
}

import { useTranslation } from 'react-i18next';
import { allowedTransitions } from '../../../shared/deadlines/workflow';
import type { CaseRecord } from '../../../shared/domain/case';
import { useApp } from '../app/StoreContext';

/** The case's status as a menu of the moves the workflow allows from here. */
export function StatusControl({ record }: { record: CaseRecord }) {
  const { t } = useTranslation();
  const request = useApp((s) => s.requestStatusChange);
  const options = [record.status, ...allowedTransitions(record.status)];
  return (
    <select
      className={`status-select status-${record.status}`}
      value={record.status}
      data-testid="status-select"
      aria-label={t('form.status')}
      onChange={(e) => {
        const to = options.find((o) => o === e.target.value);
        if (to) void request(record.id, to);
      }}
    >
      {options.map((s) => (
        <option key={s} value={s}>
          {t(`status.${s}`)}
        </option>
      ))}
    </select>
  );
}

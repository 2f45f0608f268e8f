import { useTranslation } from 'react-i18next';
import { countdown, type DeadlineRecord } from '../../../shared/domain/deadline';
import { useApp } from '../app/StoreContext';

export function Countdown({ deadline }: { deadline: Pick<DeadlineRecord, 'dueAt' | 'done'> }) {
  const { t } = useTranslation();
  const now = useApp((s) => s.now);
  const c = countdown(deadline, now);
  const text =
    c.urgency === 'done'
      ? t('deadlines.done')
      : c.urgency === 'overdue'
        ? t('deadlines.overdue', { d: c.days, h: c.hours })
        : c.days === 0
          ? t('deadlines.leftHours', { h: c.hours, m: c.minutes })
          : t('deadlines.left', { d: c.days, h: c.hours });
  return (
    <span className={`countdown urgency-${c.urgency}`} data-testid="countdown" data-urgency={c.urgency}>
      {text}
    </span>
  );
}

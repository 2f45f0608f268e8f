import { useTranslation } from 'react-i18next';
import { offsetStates, remindersFrom, withOffset, withoutOffset } from '../../../shared/deadlines/offsets';
import { planReminders } from '../../../shared/deadlines/reminders';
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { OffsetChips } from './OffsetChips';

const NO_KEYS: readonly string[] = [];

/** A deadline's reminder offsets, editable, with which have fired and when the next one comes. */
export function DeadlineReminders({ d }: { d: DeadlineRecord }) {
  const { t } = useTranslation();
  const now = useApp((s) => s.now);
  const shownKeys = useApp((s) => s.reminderState?.shownKeys ?? NO_KEYS);
  const setOffsets = useApp((s) => s.setDeadlineOffsets);
  const planned = { ...d, createdAt: remindersFrom(d) };
  const shown = new Set(shownKeys);
  const states = offsetStates(planned, shown, now);
  const next = d.done ? null : planReminders([planned], shown, now).nextWakeAt;

  return (
    <div className="deadline-reminders" data-testid="deadline-reminders">
      <div className="deadline-reminders-head">
        <span className="deadline-reminders-label">{t('deadlineSettings.offsets.label')}</span>
        {!d.done && (
          <span className="next-reminder muted small" data-testid="next-reminder">
            {next === null ? t('deadlineSettings.offsets.noneLeft') : t('deadlineSettings.offsets.next', { time: formatLocal(toShanghaiLocal(next)) })}
          </span>
        )}
      </div>
      <OffsetChips
        offsets={states.map((s) => s.offsetMin)}
        states={states}
        disabled={d.done}
        testId="deadline-offsets"
        onAdd={(o) => void setOffsets(d.id, withOffset(d.offsetsMin, o))}
        onRemove={(o) => void setOffsets(d.id, withoutOffset(d.offsetsMin, o))}
      />
    </div>
  );
}

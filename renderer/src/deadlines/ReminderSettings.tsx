import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { isDefaultOffsets } from '../../../shared/deadlines/offsets';
import { useApp } from '../app/StoreContext';
import { OffsetChips } from './OffsetChips';

/** 提醒: the offsets a new deadline starts with. */
export function ReminderSettings() {
  const { t } = useTranslation();
  const offsets = useApp((s) => s.deadlineSettings.defaultOffsetsMin);
  const ensure = useApp((s) => s.ensureDeadlineSettings);
  const add = useApp((s) => s.addDefaultOffset);
  const remove = useApp((s) => s.removeDefaultOffset);
  const reset = useApp((s) => s.resetDefaultOffsets);
  useEffect(() => {
    void ensure();
  }, [ensure]);

  return (
    <div className="reminder-settings">
      <p className="settings-intro">{t('deadlineSettings.reminders.intro')}</p>
      <div className="setting-line">
        <span className="setting-label">{t('deadlineSettings.reminders.defaultOffsets')}</span>
        <div className="setting-control">
          <OffsetChips offsets={offsets} testId="default-offsets" onAdd={(o) => void add(o)} onRemove={(o) => void remove(o)} />
          <span className="muted small">{t('deadlineSettings.reminders.existingNote')}</span>
        </div>
        <button type="button" className="ghost small" disabled={isDefaultOffsets(offsets)} data-testid="default-offsets-reset" onClick={() => void reset()}>
          {t('deadlineSettings.reminders.reset')}
        </button>
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPreset } from '../../../shared/deadlines/presets';
import type { DeadlineRecord } from '../../../shared/domain/deadline';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { Countdown } from './Countdown';
import { CustomDeadlineForm } from './CustomDeadlineForm';
import { DeadlineReminders } from './DeadlineReminders';

export function DeadlinePanel({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const all = useApp((s) => s.deadlines);
  const exportIcs = useApp((s) => s.exportIcs);
  const deadlines = all.filter((d) => d.caseId === caseId);
  const [adding, setAdding] = useState(false);

  return (
    <section className="deadline-panel" data-testid="deadline-panel">
      <div className="panel-head">
        <h2>{t('deadlines.title')}</h2>
        <span className="spacer" />
        {deadlines.length > 0 && (
          <button type="button" className="ghost small" data-testid="export-ics" onClick={() => void exportIcs(caseId)}>
            {t('deadlines.exportIcs')}
          </button>
        )}
        <button type="button" className="ghost small" data-testid="add-deadline" onClick={() => setAdding((v) => !v)}>
          + {t('deadlines.add')}
        </button>
      </div>
      {adding && <CustomDeadlineForm caseId={caseId} onDone={() => setAdding(false)} />}
      {deadlines.length === 0 ? <p className="muted small">{t('deadlines.none')}</p> : <ul className="deadline-list">{deadlines.map((d) => <DeadlineItem key={d.id} d={d} />)}</ul>}
    </section>
  );
}

function DeadlineItem({ d }: { d: DeadlineRecord }) {
  const { t, i18n } = useTranslation();
  const markDone = useApp((s) => s.markDeadlineDone);
  const snooze = useApp((s) => s.snoozeDeadline);
  const now = useApp((s) => s.now);
  const snoozed = d.snoozedUntil !== null && d.snoozedUntil > now;
  const reminded = useApp((s) => s.remindedIds.has(d.id));
  const preset = d.presetId ? findPreset(d.presetId) : undefined;
  const label = preset ? (i18n.language === 'en' ? preset.label.en : preset.label.zh) : d.label;

  return (
    <li className={d.done ? 'deadline done' : 'deadline'} data-testid="deadline" data-preset={d.presetId ?? 'custom'}>
      <div className="deadline-top">
        <strong>{label}</strong>
        <Countdown deadline={d} />
      </div>
      <div className="deadline-meta">
        <span>{t('deadlines.due', { time: formatLocal(d.due) })}</span>
        {reminded && !d.done && <span className="reminded" data-testid="reminded">{t('deadlines.reminded')}</span>}
        {snoozed && d.snoozedUntil !== null && <span className="muted small">{t('deadlines.snoozedUntil', { time: formatLocal(toShanghaiLocal(d.snoozedUntil)) })}</span>}
        {!d.done && (
          <span className="deadline-actions">
            <button type="button" className="link small" data-testid="deadline-snooze" onClick={() => void snooze(d.id, 60)}>
              {t('deadlines.snooze')}
            </button>
            <button type="button" className="link small" data-testid="deadline-done" onClick={() => void markDone(d.id)}>
              {t('deadlines.markDone')}
            </button>
          </span>
        )}
      </div>
      <DeadlineReminders d={d} />
      {d.provisional && <div className="provisional small">{t('deadlines.provisional')}</div>}
      {preset && <div className="muted small source" title={preset.source}>{t('deadlines.source')} · {preset.source}</div>}
    </li>
  );
}

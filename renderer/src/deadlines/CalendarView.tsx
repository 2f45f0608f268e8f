import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dayInfo } from '../../../shared/deadlines/calendar';
import { countdown } from '../../../shared/domain/deadline';
import { monthGrid, shiftMonth } from '../../../shared/domain/monthGrid';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';

export function CalendarView() {
  const { t } = useTranslation();
  const deadlines = useApp((s) => s.deadlines);
  const cases = useApp((s) => s.cases);
  const now = useApp((s) => s.now);
  const navigate = useApp((s) => s.navigate);
  const today = toShanghaiLocal(now).slice(0, 10);
  const [month, setMonth] = useState(today.slice(0, 7));
  const byDay = new Map<string, typeof deadlines>();
  for (const d of deadlines) byDay.set(d.due.slice(0, 10), [...(byDay.get(d.due.slice(0, 10)) ?? []), d]);
  const titleOf = (caseId: string) => cases.find((c) => c.id === caseId)?.title ?? '';

  return (
    <section className="calendar" data-testid="calendar">
      <div className="section-head">
        <h1>{t('deadlines.calendar')}</h1>
        <div className="calendar-nav">
          <button type="button" className="ghost" aria-label={t('deadlines.prevMonth')} onClick={() => setMonth(shiftMonth(month, -1))}>
            ‹
          </button>
          <strong data-testid="calendar-month">{month}</strong>
          <button type="button" className="ghost" aria-label={t('deadlines.nextMonth')} onClick={() => setMonth(shiftMonth(month, 1))}>
            ›
          </button>
          <button type="button" onClick={() => setMonth(today.slice(0, 7))}>
            {t('deadlines.today')}
          </button>
        </div>
      </div>
      <div className="calendar-grid">
        {t('deadlines.weekdays')
          .split(',')
          .map((w) => (
            <div key={w} className="calendar-weekday">
              {w}
            </div>
          ))}
        {monthGrid(month).map((day) => (
          <div key={day.ymd} className={['calendar-day', day.inMonth ? '' : 'outside', day.ymd === today ? 'today' : ''].join(' ')}>
            <span className="calendar-date-row">
              <span className="calendar-date">{Number(day.ymd.slice(8))}</span>
              <DayBadge ymd={day.ymd} />
            </span>
            {(byDay.get(day.ymd) ?? []).map((d) => (
              <button
                type="button"
                key={d.id}
                className={`calendar-item urgency-${countdown(d, now).urgency}`}
                data-testid="calendar-item"
                title={`${titleOf(d.caseId)} · ${d.label} · ${d.due.slice(11, 16)}`}
                onClick={() => void navigate({ name: 'case', caseId: d.caseId })}
              >
                {d.due.slice(11, 16)} {titleOf(d.caseId)} · {d.label}
              </button>
            ))}
          </div>
        ))}
      </div>
    </section>
  );
}

/** 休 for a statutory day off, 班 for a 调休 working weekend: the days that move working-day deadlines. */
function DayBadge({ ymd }: { ymd: string }) {
  const { t } = useTranslation();
  const info = dayInfo(ymd);
  if (info.holiday) return <span className="day-badge off" title={info.holiday}>{t('deadlines.dayOff')}</span>;
  if (info.makeUp) return <span className="day-badge work">{t('deadlines.makeUpDay')}</span>;
  return null;
}

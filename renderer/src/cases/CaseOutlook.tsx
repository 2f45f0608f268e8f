import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { evidenceChecklist } from '../../../shared/bundle/checklist';
import { findPreset } from '../../../shared/deadlines/presets';
import type { CaseRecord } from '../../../shared/domain/case';
import { sevenDayVerdict } from '../../../shared/domain/outlook';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { Countdown } from '../deadlines/Countdown';

/** The case at a glance: 七日无理由 or why not, the issue's evidence checklist, and the first deadline to watch. */
export function CaseOutlook({ record }: { record: CaseRecord }) {
  const { t, i18n } = useTranslation();
  const evidence = useApp((s) => s.evidence);
  const extractions = useApp((s) => s.extractions);
  const deadlines = useApp((s) => s.deadlines);
  const verdict = sevenDayVerdict(record);
  const checklist = useMemo(
    () => evidenceChecklist(record.issueType, evidence.map((e) => ({ kind: e.kind, title: e.title, purpose: e.note, text: extractions[e.id]?.extraction.text ?? '' }))),
    [record.issueType, evidence, extractions],
  );
  const missingRequired = checklist.entries.filter((e) => !e.need.optional && e.missing > 0).length;
  const next = deadlines.filter((d) => d.caseId === record.id && !d.done).sort((a, b) => a.dueAt - b.dueAt)[0];
  const preset = next?.presetId ? findPreset(next.presetId) : undefined;
  const nextLabel = preset ? (i18n.language === 'en' ? preset.label.en : preset.label.zh) : next?.label;

  return (
    <section className="outlook" data-testid="case-outlook" aria-labelledby="outlook-title">
      <h2 id="outlook-title">{t('ux.outlook.title')}</h2>

      <div className={verdict.applies ? 'outlook-row' : 'outlook-row outlook-warn'} data-testid={verdict.applies ? 'seven-day-applies' : 'seven-day-warning'}>
        <h3>
          {t('ux.outlook.sevenDay')}
          <span className={verdict.applies ? 'verdict yes' : 'verdict no'}>{verdict.applies ? t('ux.outlook.applies') : t('ux.outlook.notApplies')}</span>
        </h3>
        {verdict.applies ? (
          <p>{t(verdict.basis === 'physical' ? 'ux.outlook.appliesPhysical' : 'ux.outlook.appliesVirtual')}</p>
        ) : (
          <>
            <p>
              <strong>{t(verdict.warning.key)}</strong>
            </p>
            <p className="small citation">
              {t('ux.outlook.exclusion')}：{verdict.warning.citation}
            </p>
          </>
        )}
      </div>

      <div className="outlook-row" data-testid="outlook-checklist">
        <h3>
          {t('ux.outlook.checklist', { issue: t(`issueType.${record.issueType}`) })}
          <span className={missingRequired === 0 ? 'verdict yes' : 'verdict no'} data-testid="checklist-summary">
            {missingRequired === 0 ? t('ux.outlook.complete') : t('ux.outlook.missingSummary', { count: missingRequired })}
          </span>
        </h3>
        <ul className="checklist">
          {checklist.entries.map((e) => (
            <li key={e.need.id} className={e.missing === 0 ? 'have' : e.need.optional ? 'optional' : 'missing'} data-testid="checklist-item" data-missing={e.missing}>
              <span className="check-mark" aria-hidden="true">
                {e.missing === 0 ? '✓' : '○'}
              </span>
              <span className="checklist-text">
                <span>
                  {e.need.label}
                  {e.need.optional && <span className="muted small"> ({t('ux.outlook.optional')})</span>}
                </span>
                <span className="muted small">{e.missing === 0 ? t('ux.outlook.have') : `${t('ux.outlook.missingCount', { count: e.missing })} · ${e.need.hint}`}</span>
              </span>
            </li>
          ))}
        </ul>
      </div>

      <div className="outlook-row" data-testid="outlook-first-deadline">
        <h3>{t('ux.outlook.firstDeadline')}</h3>
        {next ? (
          <p className="first-deadline">
            <strong>{nextLabel}</strong> <Countdown deadline={next} />
            <span className="muted small"> {t('ux.outlook.due', { time: formatLocal(next.due) })}</span>
          </p>
        ) : (
          <p className="muted small">{t('ux.outlook.noDeadline')}</p>
        )}
      </div>
    </section>
  );
}

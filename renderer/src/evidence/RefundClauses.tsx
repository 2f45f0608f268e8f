import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EvidenceRecord } from '../../../shared/domain/evidence';
import { toShanghaiLocal } from '../../../shared/time/shanghai';
import type { RefundClause } from '../../../shared/webpage/refund';
import { useApp } from '../app/StoreContext';

/**
 * The refund clauses quoted from a saved page. A period the page states ("2个工作日内审核") can become a
 * deadline, counted from a moment the buyer gives (when they applied), whose label names this snapshot.
 */
export function RefundClauses({ item, clauses }: { item: EvidenceRecord; clauses: readonly RefundClause[] }) {
  const { t } = useTranslation();
  return (
    <section className="refund-clauses viewer-pad" aria-label={t('webpage.clauses')} data-testid="refund-clauses">
      <h3>{t('webpage.clauses')}</h3>
      {clauses.length === 0 ? (
        <p className="muted small">{t('webpage.clausesNone')}</p>
      ) : (
        <ol>
          {clauses.map((c) => (
            <li key={`${c.line}:${c.quote}`} data-testid="refund-clause">
              <blockquote>{c.quote}</blockquote>
              <div className="clause-meta">
                {c.topics.map((topic) => (
                  <span key={topic} className="issue-chip">
                    {t(`webpage.topics.${topic}`)}
                  </span>
                ))}
                <span className="muted small">{t('webpage.clauseLine', { line: c.line })}</span>
              </div>
              {c.period && <PeriodDeadline item={item} clause={c} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function PeriodDeadline({ item, clause }: { item: EvidenceRecord; clause: RefundClause }) {
  const { t } = useTranslation();
  const add = useApp((s) => s.addCustomDeadline);
  const [open, setOpen] = useState(false);
  const [from, setFrom] = useState('');
  const [state, setState] = useState<'idle' | 'added' | { error: string }>('idle');
  const period = clause.period;
  if (!period) return null;
  const kind = period.shopPromise ? t('webpage.deadlineKindPromise') : t('webpage.deadlineKindLimit');
  const label = t('webpage.deadlineLabel', { kind, text: period.text, title: item.page?.title ?? item.title });
  const submit = async () => {
    try {
      await add(item.caseId, label, { kind: 'after', from, length: period.length, unit: period.unit });
      setState('added');
      setOpen(false);
    } catch (err) {
      setState({ error: err instanceof Error ? err.message : String(err) });
    }
  };
  return (
    <div className="clause-period">
      <strong>{period.shopPromise ? t('webpage.promise', { text: period.text }) : t('webpage.limit', { text: period.text })}</strong>
      {state === 'added' && <span className="ok small" role="status">{t('webpage.deadlineAdded')}</span>}
      {!open ? (
        <button
          type="button"
          data-testid="clause-add-deadline"
          onClick={() => {
            // Minutes only: the deadline form counts from a local date-time the buyer can read.
            setFrom(toShanghaiLocal(Date.now()).slice(0, 16));
            setOpen(true);
          }}
        >
          {t('webpage.addDeadline')}
        </button>
      ) : (
        <form
          className="clause-deadline-form"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <label>
            {t('webpage.deadlineStart')}
            <input type="datetime-local" value={from} required onChange={(e) => setFrom(e.target.value)} data-testid="clause-deadline-from" />
          </label>
          <button type="submit" className="primary" data-testid="clause-deadline-save">
            {t('webpage.addDeadline')}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            {t('webpage.cancel')}
          </button>
          {typeof state === 'object' && <p className="error small">{state.error}</p>}
        </form>
      )}
    </div>
  );
}

import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';
import { ChainBadge } from '../integrity/ChainBadge';
import '../integrity/integrity.css';

/** The case's audit history from main's hash-chained log, newest first. */
export function CaseHistory({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const history = useApp((s) => s.history);
  const loadHistory = useApp((s) => s.loadHistory);
  // Every change to the case refreshes events, evidence or the export result; the log has the entry by then.
  const events = useApp((s) => s.events);
  const evidence = useApp((s) => s.evidence);
  const exported = useApp((s) => s.exportResult);
  useEffect(() => {
    void loadHistory(caseId);
  }, [caseId, events, evidence, exported, loadHistory]);

  const entries = history ? [...history.entries].reverse() : [];
  return (
    <section className="integ-panel" data-testid="case-history">
      <div className="integ-head">
        <h2>{t('integrity.history.title')}</h2>
        {history && <ChainBadge history={history} />}
      </div>
      <p className="integ-lead">{t('integrity.history.lead')}</p>
      {entries.length === 0 ? (
        <p className="muted">{t('integrity.history.empty')}</p>
      ) : (
        <div className="history-scroll">
          <table className="integ-table">
            <thead>
              <tr>
                <th>{t('integrity.history.time')}</th>
                <th>{t('integrity.history.action')}</th>
                <th>{t('integrity.history.detail')}</th>
                <th>{t('integrity.history.chain')}</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.seq} className={e.status === 'ok' ? undefined : 'row-bad'} data-testid="history-row" data-action={e.action} data-status={e.status}>
                  <td className="col-time">{formatLocal(toShanghaiLocal(Date.parse(e.at)), true)}</td>
                  <td className="col-action">
                    <span className={`action-chip action-${e.action}`}>{t(`integrity.history.actions.${e.action}`)}</span>
                  </td>
                  <td className="col-detail">{e.detail}</td>
                  <td className="col-status">
                    {e.status === 'ok' ? (
                      <span className="entry-ok">{t('integrity.history.entryOk')}</span>
                    ) : (
                      <span className="entry-bad">{t(e.status === 'edited' ? 'integrity.history.entryEdited' : 'integrity.history.entryBroken')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

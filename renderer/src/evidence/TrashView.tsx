import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { useApp } from '../app/StoreContext';

export function TrashView() {
  const { t } = useTranslation();
  const items = useApp((s) => s.trashItems);
  const loadTrash = useApp((s) => s.loadTrash);
  const restore = useApp((s) => s.restoreFromTrash);
  const purge = useApp((s) => s.purgeFromTrash);
  useEffect(() => {
    void loadTrash();
  }, [loadTrash]);

  return (
    <section className="integ-panel" data-testid="trash-view">
      <p className="integ-lead">{t('integrity.trash.lead')}</p>
      {items.length === 0 ? (
        <p className="muted" data-testid="trash-empty">
          {t('integrity.trash.empty')}
        </p>
      ) : (
        <ul className="trash-list">
          {items.map((item) => (
            <li key={item.id} className="trash-item" data-testid="trash-item">
              <div className="trash-main">
                <span className="trash-title">
                  {item.record.title}
                </span>
                <span className="trash-meta">
                  <span>{t('integrity.trash.fromCase', { title: item.caseTitle })}</span>
                  <span>{formatLocal(toShanghaiLocal(Date.parse(item.trashedAt)))}</span>
                  <span className="mono">{item.sha256.slice(0, 16)}…</span>
                </span>
              </div>
              <span className={item.daysLeft <= 3 ? 'days-left days-soon' : 'days-left'} data-testid="trash-days">
                {item.daysLeft === 0 ? t('integrity.trash.lastDay') : t('integrity.trash.daysLeft', { days: item.daysLeft })}
              </span>
              <span className="trash-buttons">
                <button type="button" data-testid="trash-restore" onClick={() => void restore(item.id)}>
                  {t('integrity.trash.restore')}
                </button>
                <button
                  type="button"
                  className="danger"
                  data-testid="trash-purge"
                  onClick={() => window.confirm(t('integrity.trash.purgeConfirm', { title: item.record.title })) && void purge(item.id)}
                >
                  {t('integrity.trash.purge')}
                </button>
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

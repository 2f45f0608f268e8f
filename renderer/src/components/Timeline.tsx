import { useTranslation } from 'react-i18next';
import { formatLocal } from '../../../shared/time/shanghai';
import { useApp } from '../StoreContext';

export function Timeline() {
  const { t } = useTranslation();
  const events = useApp((s) => s.events);

  return (
    <aside className="timeline" data-testid="timeline">
      <h2>{t('timeline.title')}</h2>
      <ol>
        {[...events].reverse().map((e) => (
          <li key={e.id} className={`timeline-item ev-${e.type}`}>
            <time>{formatLocal(e.at)}</time>
            <span>
              {t(`timeline.${e.type}`, { detail: e.detail, status: e.status ? t(`status.${e.status}`) : '' })}
            </span>
          </li>
        ))}
      </ol>
    </aside>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from './StoreContext';
import { ImportCaseButton } from '../cases/ImportCaseButton';

/** What an empty vault opens on: what 留证 does, that nothing leaves the machine, and the two ways to start. */
export function FirstRunGuide() {
  const { t } = useTranslation();
  const setEditing = useApp((s) => s.setEditing);
  const points = [1, 2, 3] as const;

  return (
    <div className="guide" data-testid="first-run-guide">
      <div className="empty-seal" aria-hidden="true">
        证
      </div>
      <h2>{t('ux.guide.title')}</h2>
      <p className="guide-lead">{t('ux.guide.lead')}</p>
      <ol className="guide-points">
        {points.map((n) => (
          <li key={n}>
            <strong>{t(`ux.guide.point${n}Title`)}</strong>
            <span>{t(`ux.guide.point${n}`)}</span>
          </li>
        ))}
      </ol>
      <p className="guide-privacy" data-testid="guide-privacy">
        {t('ux.guide.privacy')}
      </p>
      <p className="muted small">{t('cases.emptyTitle')} · {t('ux.guide.start')}</p>
      <div className="guide-actions">
        <button type="button" className="primary" data-testid="new-case" onClick={() => setEditing('new')}>
          + {t('cases.new')}
        </button>
        <ImportCaseButton />
      </div>
      <p className="muted small">
        {t('ux.guide.importHint')} {t('ux.shortcuts.hint')}
      </p>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { THEME_CHOICES } from '../app/theme';

/** 外观: follow the OS, or always light, or always dark. Exports are never themed. */
export function ThemeSettings() {
  const { t } = useTranslation();
  const choice = useApp((s) => s.themeChoice);
  const setChoice = useApp((s) => s.setThemeChoice);

  return (
    <div className="setting-line">
      <span className="setting-label" id="theme-label">
        {t('ux.theme.label')}
      </span>
      <div className="setting-control">
        <span className="muted small">{t('ux.theme.hint')}</span>
      </div>
      <div className="segmented" role="radiogroup" aria-labelledby="theme-label">
        {THEME_CHOICES.map((c) => (
          <button
            type="button"
            key={c}
            role="radio"
            aria-checked={choice === c}
            className={choice === c ? 'active' : ''}
            data-testid={`theme-${c}`}
            onClick={() => setChoice(c)}
          >
            {t(`ux.theme.${c}`)}
          </button>
        ))}
      </div>
    </div>
  );
}

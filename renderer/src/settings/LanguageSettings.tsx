import { useTranslation } from 'react-i18next';
import { LANGUAGES } from '../i18n';
import { useApp } from '../app/StoreContext';

/** 语言: the same choice as the top bar's switch, as an explicit pick. */
export function LanguageSettings() {
  const { t } = useTranslation();
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);

  return (
    <div className="setting-line">
      <span className="setting-label">{t('deadlineSettings.language.label')}</span>
      <div className="setting-control">
        <span className="muted small">{t('deadlineSettings.language.hint')}</span>
      </div>
      <div className="segmented" role="radiogroup" aria-label={t('deadlineSettings.language.label')}>
        {LANGUAGES.map((lang) => (
          <button
            type="button"
            key={lang}
            role="radio"
            aria-checked={language === lang}
            className={language === lang ? 'active' : ''}
            data-testid={`language-${lang}`}
            onClick={() => setLanguage(lang)}
          >
            {t(lang === 'en' ? 'deadlineSettings.language.en' : 'deadlineSettings.language.zh')}
          </button>
        ))}
      </div>
    </div>
  );
}

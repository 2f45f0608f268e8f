import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import './settings.css';
import { SETTINGS_SECTIONS } from './settingsSections';

export function SettingsView() {
  const { t } = useTranslation();
  const error = useApp((s) => s.settingsError);
  const [active, setActive] = useState(SETTINGS_SECTIONS[0]?.id);

  return (
    <div className="settings" data-testid="settings">
      <header className="settings-head">
        <h1>{t('deadlineSettings.title')}</h1>
        <p className="muted">{t('deadlineSettings.subtitle')}</p>
      </header>
      {error && (
        <div className="settings-error" role="alert" data-testid="settings-error">
          {t('deadlineSettings.saveFailed', { message: error })}
        </div>
      )}
      <div className="settings-layout">
        <nav className="settings-nav" aria-label={t('deadlineSettings.title')}>
          {SETTINGS_SECTIONS.map((s) => (
            <a
              key={s.id}
              href={`#settings-${s.id}`}
              className={s.id === active ? 'active' : undefined}
              aria-current={s.id === active ? 'true' : undefined}
              onClick={(e) => {
                e.preventDefault();
                setActive(s.id);
                document.getElementById(`settings-${s.id}`)?.scrollIntoView({ behavior: 'smooth', block: 'start' });
              }}
            >
              {t(s.titleKey)}
            </a>
          ))}
        </nav>
        <div className="settings-sections">
          {SETTINGS_SECTIONS.map(({ id, titleKey, Component }) => (
            <section key={id} id={`settings-${id}`} className="settings-card" data-testid={`settings-${id}`} aria-labelledby={`settings-${id}-title`}>
              <h2 id={`settings-${id}-title`}>{t(titleKey)}</h2>
              <Component />
            </section>
          ))}
        </div>
      </div>
    </div>
  );
}

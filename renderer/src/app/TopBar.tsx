import { useTranslation } from 'react-i18next';
import { useApp } from './StoreContext';

export function TopBar() {
  const { t } = useTranslation();
  const route = useApp((s) => s.route);
  const navigate = useApp((s) => s.navigate);
  const language = useApp((s) => s.language);
  const setLanguage = useApp((s) => s.setLanguage);
  const setShortcutsOpen = useApp((s) => s.setShortcutsOpen);

  return (
    <header className="topbar">
      <button type="button" className="brand" onClick={() => void navigate({ name: 'cases' })}>
        <span className="brand-seal" aria-hidden="true">
          证
        </span>
        <span className="brand-name">{t('app.name')}</span>
        <span className="brand-tagline">{t('app.tagline')}</span>
      </button>
      <nav className="topbar-nav">
        {route.name !== 'cases' && (
          <button type="button" className="link" onClick={() => void navigate({ name: 'cases' })}>
            ← {t('nav.back')}
          </button>
        )}
        <button type="button" className={route.name === 'search' ? 'ghost nav-active' : 'ghost'} data-testid="nav-search" onClick={() => void navigate({ name: 'search' })}>
          {t('nav.search')}
        </button>
        <button
          type="button"
          className={route.name === 'calendar' ? 'ghost nav-active' : 'ghost'}
          data-testid="nav-calendar"
          onClick={() => void navigate({ name: 'calendar' })}
        >
          {t('nav.calendar')}
        </button>
        <button
          type="button"
          className={route.name === 'integrity' ? 'ghost nav-active' : 'ghost'}
          data-testid="nav-integrity"
          onClick={() => void navigate({ name: 'integrity', tab: 'trash' })}
        >
          {t('integrity.nav')}
        </button>
        <button type="button" className={route.name === 'backup' ? 'ghost nav-active' : 'ghost'} data-testid="nav-backup" onClick={() => void navigate({ name: 'backup' })}>
          {t('backup.nav')}
        </button>
        <button type="button" className={route.name === 'settings' ? 'ghost nav-active' : 'ghost'} data-testid="nav-settings" onClick={() => void navigate({ name: 'settings' })}>
          {t('deadlineSettings.nav')}
        </button>
      </nav>
      <button type="button" className="ghost icon-text" aria-label={t('ux.shortcuts.open')} title={t('ux.shortcuts.hint')} data-testid="shortcuts-open" onClick={() => setShortcutsOpen(true)}>
        ?
      </button>
      <button
        type="button"
        className="ghost lang-switch"
        title={t('app.languageSwitch')}
        data-testid="language-switch"
        onClick={() => setLanguage(language === 'en' ? 'zh-CN' : 'en')}
      >
        {t('app.language')}
      </button>
    </header>
  );
}

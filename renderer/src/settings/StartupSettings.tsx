import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useApp } from '../app/StoreContext';
import { Toggle } from '../common/Toggle';

/** 启动: launch at login, stored and applied by main. */
export function StartupSettings() {
  const { t } = useTranslation();
  const settings = useApp((s) => s.loginSettings);
  const load = useApp((s) => s.loadLoginSettings);
  const setLaunchAtLogin = useApp((s) => s.setLaunchAtLogin);
  useEffect(() => {
    void load();
  }, [load]);
  const supported = settings?.launchAtLoginSupported ?? false;

  return (
    <div className="setting-line">
      <span className="setting-label">{t('deadlineSettings.startup.launchAtLogin')}</span>
      <div className="setting-control">
        <span className="muted small">{t('deadlineSettings.startup.launchAtLoginHint')}</span>
        {settings === null ? (
          <span className="muted small">{t('deadlineSettings.startup.loading')}</span>
        ) : (
          !supported && <span className="setting-warning small" data-testid="launch-at-login-unsupported">{t('deadlineSettings.startup.unsupported')}</span>
        )}
      </div>
      <Toggle
        checked={settings?.launchAtLogin ?? false}
        disabled={!supported}
        label={t('deadlineSettings.startup.launchAtLogin')}
        testId="launch-at-login"
        onChange={(on) => void setLaunchAtLogin(on)}
      />
    </div>
  );
}

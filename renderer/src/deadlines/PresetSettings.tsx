import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { presetRows } from '../../../shared/deadlines/settings';
import { useApp } from '../app/StoreContext';
import { PresetSettingRow } from './PresetSettingRow';

/** 期限规则: every preset with its counting rule, source and an editable length. */
export function PresetSettings() {
  const { t } = useTranslation();
  const overrides = useApp((s) => s.deadlineSettings.presetOverrides);
  const loaded = useApp((s) => s.deadlineSettingsLoaded);
  const ensure = useApp((s) => s.ensureDeadlineSettings);
  useEffect(() => {
    void ensure();
  }, [ensure]);

  return (
    <div className="preset-settings">
      <p className="settings-intro">{t('deadlineSettings.presets.intro')}</p>
      <div className="preset-table" role="table" data-ready={loaded}>
        <div className="preset-row preset-header" role="row">
          <span role="columnheader">{t('deadlineSettings.presets.colRule')}</span>
          <span role="columnheader">{t('deadlineSettings.presets.colCounting')}</span>
          <span role="columnheader">{t('deadlineSettings.presets.colLength')}</span>
          <span role="columnheader">{t('deadlineSettings.presets.colSource')}</span>
          <span role="columnheader" />
        </div>
        {presetRows(overrides).map((row) => (
          <PresetSettingRow key={`${row.preset.id}-${row.preset.length}`} row={row} />
        ))}
      </div>
    </div>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { maxLengthOf, minLengthOf } from '../../../shared/deadlines/presets';
import { checkPresetLength, type PresetRow } from '../../../shared/deadlines/settings';
import { useApp } from '../app/StoreContext';

/** One preset; the length is saved on Enter or when the field loses focus, if it is valid. */
export function PresetSettingRow({ row }: { row: PresetRow }) {
  const { t, i18n } = useTranslation();
  const setLength = useApp((s) => s.setPresetLength);
  const reset = useApp((s) => s.resetPresetLength);
  const { preset, defaultLength, overridden } = row;
  const [text, setText] = useState(String(preset.length));
  const [error, setError] = useState<string | null>(null);
  const label = i18n.language === 'en' ? preset.label.en : preset.label.zh;

  const commit = () => {
    const check = checkPresetLength(preset.id, text);
    if (!check.ok) {
      setError(t(`deadlineSettings.presets.errors.${check.problem}`, { min: check.min, max: check.max }));
      return;
    }
    setError(null);
    if (check.length !== preset.length) void setLength(preset.id, check.length);
  };

  return (
    <div className={overridden ? 'preset-row overridden' : 'preset-row'} role="row" data-testid="preset-row" data-preset={preset.id}>
      <span className="preset-name" role="cell">
        <span className="preset-title">
          <strong>{label}</strong>
          {overridden && <span className="preset-modified" data-testid="preset-modified">{t('deadlineSettings.presets.modified')}</span>}
          {preset.unconfirmed && (
            <span className="preset-unconfirmed" data-testid="preset-unconfirmed" title={t('deadlineSettings.presets.unconfirmedHint')}>
              {t('deadlineSettings.presets.unconfirmed')}
            </span>
          )}
        </span>
        <span className="muted small">{i18n.language === 'en' ? preset.startsFrom.en : preset.startsFrom.zh}</span>
      </span>
      <span role="cell">
        <span className={`counting-pill unit-${preset.unit}`} title={t(`deadlineSettings.presets.countingHint.${preset.unit}`)} data-testid="preset-counting">
          {t(`deadlineSettings.presets.counting.${preset.unit}`)}
        </span>
      </span>
      <span className="preset-length" role="cell">
        <span className="length-input">
          <input
            type="number"
            min={minLengthOf(preset.unit)}
            readOnly={!preset.editable}
            max={maxLengthOf(preset.unit)}
            step={1}
            value={text}
            aria-label={t('deadlineSettings.presets.lengthLabel', { rule: label })}
            aria-invalid={error !== null}
            data-testid="preset-length"
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            onBlur={commit}
            onKeyDown={(e) => e.key === 'Enter' && commit()}
          />
          <span className="length-unit">{t(`deadlines.units.${preset.unit}`)}</span>
        </span>
        {error ? (
          <span className="field-error" data-testid="preset-error">{error}</span>
        ) : (
          <span className="muted small">{t('deadlineSettings.presets.defaultLength', { n: defaultLength })}</span>
        )}
      </span>
      <span className="preset-source" role="cell" title={preset.source}>
        <span className={`basis-tag basis-${preset.basis}`}>{t(`deadlineSettings.presets.basis.${preset.basis}`)}</span>
        <span className="preset-source-text small">{preset.source}</span>
        {preset.changedFrom && (
          <span className="preset-changed-from small" data-testid="preset-changed-from">
            {t('deadlineSettings.presets.changedFrom', { before: i18n.language === 'en' ? preset.changedFrom.en : preset.changedFrom.zh })}
          </span>
        )}
      </span>
      <span role="cell" className="preset-actions">
        <button type="button" className="ghost small" disabled={!overridden} data-testid="preset-reset" onClick={() => void reset(preset.id)}>
          {t('deadlineSettings.presets.reset')}
        </button>
      </span>
    </div>
  );
}

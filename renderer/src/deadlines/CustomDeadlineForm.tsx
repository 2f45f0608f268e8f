import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_PRESETS, DEADLINE_UNITS, findPreset, resolvePreset, type DeadlineUnit } from '../../../shared/deadlines/presets';
import { useApp } from '../app/StoreContext';
import { Field } from '../common/Field';

export function CustomDeadlineForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t, i18n } = useTranslation();
  const add = useApp((s) => s.addCustomDeadline);
  const overrides = useApp((s) => s.deadlineSettings.presetOverrides);
  const ensureSettings = useApp((s) => s.ensureDeadlineSettings);
  useEffect(() => {
    void ensureSettings();
  }, [ensureSettings]);
  const [rule, setRule] = useState('');
  const [label, setLabel] = useState('');
  const [mode, setMode] = useState<'at' | 'after'>('at');
  const [at, setAt] = useState('');
  const [length, setLength] = useState('3');
  const [unit, setUnit] = useState<DeadlineUnit>('working-days');
  const [error, setError] = useState<string | null>(null);

  const presetLabel = (id: string) => {
    const p = findPreset(id);
    return p ? (i18n.language === 'en' ? p.label.en : p.label.zh) : '';
  };
  const ruleLabel = mode === 'after' ? presetLabel(rule) : '';
  // Picking a rule copies its length as the buyer has set it in 设置; editing the numbers after that makes it custom.
  const pickRule = (id: string) => {
    setRule(id);
    const p = findPreset(id);
    if (!p) return;
    const resolved = resolvePreset(p.id, overrides);
    setLength(String(resolved.length));
    setUnit(resolved.unit);
  };

  const submit = async () => {
    try {
      const spec = mode === 'at' ? { kind: 'at' as const, at } : { kind: 'after' as const, from: at, length: Number(length), unit };
      await add(caseId, label.trim() || ruleLabel || t('deadlines.addCustom'), spec);
      onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form
      className="custom-deadline"
      data-testid="custom-deadline"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field label={t('deadlines.label')}>
        <input value={label} placeholder={ruleLabel || t('deadlines.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} data-testid="deadline-label" />
      </Field>
      <Field label={t('deadlines.mode')}>
        <select value={mode} onChange={(e) => setMode(e.target.value === 'after' ? 'after' : 'at')} data-testid="deadline-mode">
          <option value="at">{t('deadlines.modeAt')}</option>
          <option value="after">{t('deadlines.modeAfter')}</option>
        </select>
      </Field>
      <Field label={mode === 'at' ? t('deadlines.at') : t('deadlines.from')} error={error ?? undefined}>
        <input type="datetime-local" value={at} required onChange={(e) => setAt(e.target.value)} data-testid="deadline-at" />
      </Field>
      {mode === 'after' && (
        <Field label={t('deadlineSettings.custom.rule')}>
          <select value={rule} onChange={(e) => pickRule(e.target.value)} data-testid="deadline-rule">
            <option value="">{t('deadlineSettings.custom.ruleNone')}</option>
            {DEADLINE_PRESETS.map((p) => {
              const resolved = resolvePreset(p.id, overrides);
              return (
                <option key={p.id} value={p.id}>
                  {t('deadlineSettings.custom.ruleOption', { label: presetLabel(p.id), length: resolved.length, unit: t(`deadlines.units.${resolved.unit}`) })}
                </option>
              );
            })}
          </select>
        </Field>
      )}
      {mode === 'after' && (
        <div className="inline-fields">
          <Field label={t('deadlines.length')}>
            <input type="number" min={1} value={length} onChange={(e) => {
                setLength(e.target.value);
                setRule('');
              }} data-testid="deadline-length" />
          </Field>
          <Field label={t('deadlines.unit')}>
            <select value={unit} onChange={(e) => {
                setUnit(DEADLINE_UNITS.find((u) => u === e.target.value) ?? unit);
                setRule('');
              }} data-testid="deadline-unit">
              {DEADLINE_UNITS.map((u) => (
                <option key={u} value={u}>
                  {t(`deadlines.units.${u}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="ghost" onClick={onDone}>
          {t('form.cancel')}
        </button>
        <button type="submit" className="primary" data-testid="deadline-save">
          {t('form.save')}
        </button>
      </div>
    </form>
  );
}

import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEADLINE_UNITS, type DeadlineUnit } from '../../../shared/deadlines/presets';
import { useApp } from '../StoreContext';
import { Field } from './Field';

export function CustomDeadlineForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const add = useApp((s) => s.addCustomDeadline);
  const [label, setLabel] = useState('');
  const [mode, setMode] = useState<'at' | 'after'>('at');
  const [at, setAt] = useState('');
  const [length, setLength] = useState('3');
  const [unit, setUnit] = useState<DeadlineUnit>('working-days');
  const [error, setError] = useState<string | null>(null);

  const submit = async () => {
    try {
      const spec = mode === 'at' ? { kind: 'at' as const, at } : { kind: 'after' as const, from: at, length: Number(length), unit };
      await add(caseId, label.trim() || t('deadlines.addCustom'), spec);
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
        <input value={label} placeholder={t('deadlines.labelPlaceholder')} onChange={(e) => setLabel(e.target.value)} data-testid="deadline-label" />
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
        <div className="inline-fields">
          <Field label={t('deadlines.length')}>
            <input type="number" min={1} value={length} onChange={(e) => setLength(e.target.value)} data-testid="deadline-length" />
          </Field>
          <Field label={t('deadlines.unit')}>
            <select value={unit} onChange={(e) => setUnit(DEADLINE_UNITS.find((u) => u === e.target.value) ?? unit)} data-testid="deadline-unit">
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

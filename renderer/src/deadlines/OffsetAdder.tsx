import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OFFSET_SUGGESTIONS, OFFSET_UNITS, checkAddable, checkNewOffset, type OffsetUnit } from '../../../shared/deadlines/offsets';
import { offsetText } from './offsetText';

interface Props {
  current: readonly number[];
  onAdd: (offsetMin: number) => void;
  onClose: () => void;
}

/** The "+ 添加提醒" popover: common offsets in one click, or any whole number of minutes, hours or days. */
export function OffsetAdder({ current, onAdd, onClose }: Props) {
  const { t } = useTranslation();
  const [amount, setAmount] = useState('');
  const [unit, setUnit] = useState<OffsetUnit>('minutes');
  const [error, setError] = useState<string | null>(null);
  const suggestions = OFFSET_SUGGESTIONS.filter((o) => checkAddable(current, o).ok);

  const addCustom = () => {
    const check = checkNewOffset(current, amount, unit);
    if (!check.ok) {
      setError(t(`deadlineSettings.offsets.errors.${check.problem}`));
      return;
    }
    onAdd(check.offsetMin);
    setAmount('');
    setError(null);
  };

  return (
    <div className="offset-adder" data-testid="offset-adder" role="dialog" aria-label={t('deadlineSettings.offsets.add')}>
      {suggestions.length > 0 && (
        <div className="offset-adder-row">
          <span className="offset-adder-label">{t('deadlineSettings.offsets.quick')}</span>
          <div className="offset-suggestions">
            {suggestions.map((o) => (
              <button type="button" key={o} className="offset-suggestion" data-testid="offset-suggestion" data-offset={o} onClick={() => onAdd(o)}>
                {offsetText(t, o)}
              </button>
            ))}
          </div>
        </div>
      )}
      <form
        className="offset-adder-row"
        onSubmit={(e) => {
          e.preventDefault();
          addCustom();
        }}
      >
        <span className="offset-adder-label">{t('deadlineSettings.offsets.custom')}</span>
        <div className="offset-custom">
          <input
            type="number"
            min={0}
            step={1}
            inputMode="numeric"
            value={amount}
            placeholder="30"
            aria-label={t('deadlineSettings.offsets.amount')}
            aria-invalid={error !== null}
            data-testid="offset-amount"
            onChange={(e) => {
              setAmount(e.target.value);
              setError(null);
            }}
          />
          <select value={unit} aria-label={t('deadlineSettings.offsets.unit')} data-testid="offset-unit" onChange={(e) => setUnit(OFFSET_UNITS.find((u) => u === e.target.value) ?? unit)}>
            {OFFSET_UNITS.map((u) => (
              <option key={u} value={u}>
                {t(`deadlineSettings.offsets.units.${u}`)}
              </option>
            ))}
          </select>
          <button type="submit" className="primary small" data-testid="offset-add-custom">
            {t('deadlineSettings.offsets.addButton')}
          </button>
        </div>
        {error && (
          <span className="field-error offset-error" data-testid="offset-error">
            {error}
          </span>
        )}
      </form>
      <div className="offset-adder-foot">
        <button type="button" className="ghost small" data-testid="offset-adder-close" onClick={onClose}>
          {t('deadlineSettings.offsets.close')}
        </button>
      </div>
    </div>
  );
}

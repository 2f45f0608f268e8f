import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_OFFSETS, type OffsetState } from '../../../shared/deadlines/offsets';
import { formatLocal, toShanghaiLocal } from '../../../shared/time/shanghai';
import { offsetText } from './offsetText';
import { OffsetAdder } from './OffsetAdder';

interface Props {
  offsets: readonly number[];
  /** Per-offset progress for a real deadline; omitted for the default offsets in Settings. */
  states?: readonly OffsetState[];
  onAdd: (offsetMin: number) => void;
  onRemove: (offsetMin: number) => void;
  disabled?: boolean;
  testId: string;
}

/** Removable reminder chips with an add button; the chips show whether each reminder has fired. */
export function OffsetChips({ offsets, states, onAdd, onRemove, disabled = false, testId }: Props) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState(false);
  const stateOf = (o: number) => states?.find((s) => s.offsetMin === o);

  return (
    <div className="offset-editor" data-testid={testId}>
      <ul className="offset-chips">
        {offsets.length === 0 && <li className="offset-none muted">{t('deadlineSettings.offsets.none')}</li>}
        {offsets.map((o) => {
          const label = offsetText(t, o);
          const state = stateOf(o);
          const title = state
            ? t(`deadlineSettings.offsets.status.${state.status}`, { time: formatLocal(toShanghaiLocal(state.fireAt)) })
            : undefined;
          return (
            <li key={o} className={`offset-chip status-${state?.status ?? 'plain'}`} data-testid="offset-chip" data-offset={o} data-state={state?.status ?? 'plain'} title={title}>
              {state?.status === 'shown' && <span className="offset-check" aria-hidden="true">✓</span>}
              <span className="offset-label" data-testid="offset-label">{label}</span>
              {!disabled && (
                <button type="button" className="offset-remove" aria-label={t('deadlineSettings.offsets.remove', { label })} data-testid="offset-remove" onClick={() => onRemove(o)}>
                  ×
                </button>
              )}
            </li>
          );
        })}
        {!disabled && offsets.length < MAX_OFFSETS && (
          <li>
            <button type="button" className="offset-add" aria-expanded={adding} data-testid="offset-add" onClick={() => setAdding((v) => !v)}>
              + {t('deadlineSettings.offsets.add')}
            </button>
          </li>
        )}
      </ul>
      {adding && (
        <OffsetAdder
          current={offsets}
          onAdd={(o) => {
            onAdd(o);
          }}
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}

interface Props<T extends string> {
  value: T;
  options: readonly T[];
  label: (option: T) => string;
  hint?: (option: T) => string;
  onChange: (value: T) => void;
  /** Id of the visible question that names the group. */
  labelledBy: string;
  testId: string;
  /** Focus the chosen option on mount (each step of a flow starts on its question). */
  autoFocus?: boolean;
}

/** A question answered by one of a few large choices: native radios, so arrows and screen readers work as usual. */
export function ChoiceGroup<T extends string>({ value, options, label, hint, onChange, labelledBy, testId, autoFocus }: Props<T>) {
  return (
    <div className="choice-group" role="radiogroup" aria-labelledby={labelledBy} data-testid={testId}>
      {options.map((o) => (
        <label key={o} className={o === value ? 'choice checked' : 'choice'} data-testid={`${testId}-${o}`}>
          <input type="radio" name={testId} value={o} checked={o === value} autoFocus={autoFocus === true && o === value} onChange={() => onChange(o)} />
          <span className="choice-text">
            <span className="choice-label">{label(o)}</span>
            {hint && <span className="choice-hint">{hint(o)}</span>}
          </span>
        </label>
      ))}
    </div>
  );
}

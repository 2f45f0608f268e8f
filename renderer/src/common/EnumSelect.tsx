import { useTranslation } from 'react-i18next';

interface Props<T extends string> {
  value: T;
  options: readonly T[];
  /** i18n namespace of the option labels, e.g. "platform". */
  labels: string;
  onChange: (value: T) => void;
  testId?: string;
  autoFocus?: boolean;
}

export function EnumSelect<T extends string>({ value, options, labels, onChange, testId, autoFocus }: Props<T>) {
  const { t } = useTranslation();
  return (
    <select value={value} data-testid={testId} autoFocus={autoFocus} onChange={(e) => onChange(options.find((o) => o === e.target.value) ?? value)}>
      {options.map((o) => (
        <option key={o} value={o}>
          {t(String(`${labels}.${o}`))}
        </option>
      ))}
    </select>
  );
}

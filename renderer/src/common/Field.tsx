import type { ReactNode } from 'react';

interface Props {
  label: string;
  error?: string | undefined;
  children: ReactNode;
  span?: 1 | 2;
}

export function Field({ label, error, children, span = 1 }: Props) {
  return (
    <label className={span === 2 ? 'field field-wide' : 'field'}>
      <span className="field-label">{label}</span>
      {children}
      {error && <span className="field-error">{error}</span>}
    </label>
  );
}

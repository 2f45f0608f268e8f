interface Props {
  checked: boolean;
  disabled?: boolean;
  label: string;
  testId: string;
  onChange: (checked: boolean) => void;
}

/** An on/off switch, announced as a switch to screen readers. */
export function Toggle({ checked, disabled = false, label, testId, onChange }: Props) {
  return (
    <button
      type="button"
      role="switch"
      aria-checked={checked}
      aria-label={label}
      disabled={disabled}
      className={checked ? 'toggle on' : 'toggle'}
      data-testid={testId}
      onClick={() => onChange(!checked)}
    >
      <span className="toggle-knob" />
    </button>
  );
}

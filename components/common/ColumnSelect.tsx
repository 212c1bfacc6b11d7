interface ColumnSelectProps {
  testId: string;
  label: string;
  value: string | null;
  /** Column names to offer. */
  names: readonly string[];
  /** Text of the empty choice, which stands for null. */
  none: string;
  onChange: (name: string | null) => void;
}

/** A labelled menu of column names with one "none" choice; column names are shown as text. */
export function ColumnSelect({ testId, label, value, names, none, onChange }: ColumnSelectProps) {
  return (
    <label>
      {label}
      <select data-testid={testId} value={value ?? ''} onChange={(e) => onChange(e.target.value || null)}>
        <option value="">{none}</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </select>
    </label>
  );
}

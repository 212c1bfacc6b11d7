import { useEffect, useState } from 'react';

interface NumberFieldProps {
  label: string;
  testId: string;
  value: number | null;
  /** Called with every valid value typed (null for an empty field when `allowEmpty`). */
  onCommit: (value: number | null) => void;
  isValid: (value: number) => boolean;
  allowEmpty?: boolean;
  placeholder?: string;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Says what is allowed, shown when the typed text is not. */
  hint: string;
}

/**
 * A number input that lets the user type freely ("0.", "1e-") and passes on only valid values;
 * an invalid entry is marked, and the settings keep their last valid value.
 */
export function NumberField({ label, testId, value, onCommit, isValid, allowEmpty = false, placeholder, min, max, step = 'any', hint }: NumberFieldProps) {
  const [text, setText] = useState(value === null ? '' : String(value));
  // Follow changes made elsewhere (a restored link, a button) unless the text already means them.
  useEffect(() => {
    setText((current) => (parse(current) === value ? current : value === null ? '' : String(value)));
  }, [value]);
  const parsed = parse(text);
  const invalid = parsed === null ? !allowEmpty : !isValid(parsed);
  return (
    <label>
      {label}
      <input
        type="number"
        data-testid={testId}
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-invalid={invalid}
        title={invalid ? hint : undefined}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const v = parse(next);
          if (v === null ? allowEmpty : isValid(v)) onCommit(v);
        }}
      />
    </label>
  );
}

function parse(text: string): number | null {
  if (text.trim() === '') return null;
  const v = Number(text);
  return Number.isFinite(v) ? v : NaN;
}

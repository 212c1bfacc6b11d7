import { useEffect, useState } from 'react';

/**
 * The threshold as a number field. A local draft keeps half-typed text ("0.") intact while
 * drags elsewhere still update the field.
 */
export function ThresholdInput({ threshold, onChange }: { threshold: number; onChange: (t: number) => void }) {
  const [draft, setDraft] = useState(String(threshold));
  useEffect(() => {
    setDraft((d) => (Number(d) === threshold && d.trim() !== '' ? d : String(threshold)));
  }, [threshold]);
  return (
    <label className="threshold-field">
      Threshold (score ≥ t is positive)
      <input
        type="number"
        min={0}
        max={1}
        step="any"
        data-testid="threshold-input"
        value={draft}
        onChange={(e) => {
          setDraft(e.target.value);
          const value = Number(e.target.value);
          if (e.target.value.trim() !== '' && Number.isFinite(value)) onChange(value);
        }}
      />
    </label>
  );
}

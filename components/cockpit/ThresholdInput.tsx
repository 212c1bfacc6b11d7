import { useEffect, useState } from 'react';
import { useThreshold, useThresholdStore } from './threshold-store';

/** The field's id: Escape in a view of the second area and "↑ Curves" bring the focus back here. */
export const THRESHOLD_INPUT_ID = 'threshold-value';

/**
 * The threshold as a number field. A local draft keeps half-typed text ("0.") intact while
 * drags elsewhere still update the field; a value outside [0, 1] is refused with a message,
 * and leaving the box empty (or invalid) restores the last valid threshold.
 */
export function ThresholdInput() {
  const threshold = useThreshold();
  const store = useThresholdStore();
  const [draft, setDraft] = useState(String(threshold));
  const [problem, setProblem] = useState<string | null>(null);
  useEffect(() => {
    setDraft((d) => (Number(d) === threshold && d.trim() !== '' ? d : String(threshold)));
  }, [threshold]);
  return (
    <label className="threshold-field">
      <span className="threshold-label">
        Threshold <small>(score ≥ t is positive)</small>
      </span>
      <input
        type="number"
        id={THRESHOLD_INPUT_ID}
        min={0}
        max={1}
        step="any"
        data-testid="threshold-input"
        aria-invalid={problem !== null}
        aria-keyshortcuts="Escape"
        aria-describedby={problem ? 'threshold-problem' : undefined}
        value={draft}
        onChange={(e) => {
          const text = e.target.value;
          setDraft(text);
          const value = Number(text);
          if (text.trim() === '') return setProblem(null);
          if (!Number.isFinite(value) || value < 0 || value > 1) {
            return setProblem(`A threshold is a probability between 0 and 1; ${text} is outside it, so ${store.get()} stays.`);
          }
          setProblem(null);
          store.set(value);
        }}
        onBlur={() => {
          setDraft(String(store.get()));
          setProblem(null);
        }}
      />
      {problem && (
        <span className="field-error" role="alert" id="threshold-problem" data-testid="threshold-error">
          {problem}
        </span>
      )}
    </label>
  );
}

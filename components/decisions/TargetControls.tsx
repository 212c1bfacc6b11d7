import { useState } from 'react';
import { TARGET_KINDS, type TargetKind, type TargetPoint } from '../../src/metrics/targets';
import type { Settings } from '../../src/session/settings';
import { formatThreshold } from '../common/format';
import { formatMetric } from '../common/format';

const KIND_LABELS: Record<TargetKind, string> = {
  'fewest-alarms-at-recall': 'fewest alarms at recall ≥',
  'best-recall-at-precision': 'best recall at precision ≥',
  'best-precision-at-recall': 'best precision at recall ≥',
  'max-alarms-per-1000': 'at most this many alarms per 1,000 cases:',
};

interface TargetControlsProps {
  target: Settings['target'];
  /** Finds the target's operating point and moves the threshold there; null when none exists. */
  onApply: (kind: TargetKind, value: number) => TargetPoint | null;
  prevalenceLabel: string | null;
}

/** Place the threshold by a target: a recall or precision floor, or an alarm budget. */
export function TargetControls({ target, onApply, prevalenceLabel }: TargetControlsProps) {
  const [kind, setKind] = useState<TargetKind>(target?.kind ?? 'best-recall-at-precision');
  const [text, setText] = useState(String(target?.value ?? 0.8));
  const [result, setResult] = useState<string | null>(null);
  const apply = () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) {
      setResult(`"${text}" is not a number.`);
      return;
    }
    const found = onApply(kind, value);
    setResult(
      found
        ? `Threshold ${formatThreshold(found.threshold)}: recall ${formatMetric(found.recall)}, precision ${formatMetric(found.precision)}, ${formatMetric(found.alarmRate * 1000)} alarms per 1,000 cases${prevalenceLabel ? ` ${prevalenceLabel}` : ''}.`
        : `No threshold meets “${KIND_LABELS[kind]} ${value}” on this data; the threshold was not moved.`,
    );
  };
  return (
    <section className="panel targets" aria-labelledby="target-rules-heading">
      <h2 id="target-rules-heading">Target rules</h2>
      <div className="row">
        <label>
          Target
          <select data-testid="target-kind" value={kind} onChange={(e) => setKind(e.target.value as TargetKind)}>
            {TARGET_KINDS.map((k) => (
              <option key={k} value={k}>
                {KIND_LABELS[k]}
              </option>
            ))}
          </select>
        </label>
        <input
          data-testid="target-value"
          aria-label="Target value"
          inputMode="decimal"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && apply()}
        />
        <button type="button" data-testid="target-button" onClick={apply}>
          Move the threshold there
        </button>
      </div>
      {result && (
        <p className="note" data-testid="target-result" role="status">
          {result}
        </p>
      )}
    </section>
  );
}

import { memo, useState } from 'react';
import { CONFIDENCE_RANGE, solveConfidentTarget, type TargetResult } from '../../src/decision/confident-target';
import { bayesThreshold, calibratedCostRatio, type ScoreCurve } from '../../src/metrics';
import { f1Optimal, TARGET_KINDS, type TargetKind } from '../../src/metrics/targets';
import type { EvaluatedOn } from '../../src/session/operating-point';
import type { Settings } from '../../src/session/settings';
import { formatMetric, formatRatio, formatThousands } from '../common/format';
import { useBackgroundThreshold } from '../cockpit/threshold-store';

const KIND_LABELS: Record<TargetKind, string> = {
  'fewest-alarms-at-recall': 'fewest alarms at recall ≥',
  'best-recall-at-precision': 'best recall at precision ≥',
  'best-precision-at-recall': 'best precision at recall ≥',
  'max-fpr': 'most caught at false-positive rate ≤',
  'max-alarms-per-1000': 'at most this many alarms per 1,000 cases:',
};

/** The confidences offered beside a typed one; blank holds the target on these cases. */
const CONFIDENCE_CHOICES = ['0.9', '0.95', '0.99'];

/** Which cases a guarantee would rest on, in words; all of them are cases the model did not learn from. */
function casesInWords(evaluatedOn: EvaluatedOn, cases: number): string {
  const n = formatThousands(cases);
  switch (evaluatedOn) {
    case 'validation':
      return `the validation split (${n} cases the model did not learn from)`;
    case 'out-of-fold':
      return `out-of-fold scores (${n} cases, each scored by a model that did not see it)`;
    case 'all rows':
      return `this file's ${n} scored cases (it holds only if the model did not learn from them)`;
  }
}

interface TargetsPanelProps {
  curve: ScoreCurve;
  evaluatedOn: EvaluatedOn;
  target: Settings['target'];
  prevalence: Settings['prevalence'];
  costFp: number;
  costFn: number;
  /** Whether the scores come from a model trained with a weighted loss (so are not calibrated). */
  weightedModel: boolean;
  onChange: (patch: Partial<Settings>) => void;
  /** Moves the threshold to operating point k of the curve. */
  onIndex: (k: number) => void;
}

/**
 * The one Targets card: F1-optimal, and a target (recall, precision, FPR or alarms) met on these
 * cases or, with a confidence, on new ones; the solver is the command's (src/decision).
 */
export const TargetsPanel = memo(function TargetsPanel(props: TargetsPanelProps) {
  const { curve, evaluatedOn, target, prevalence, costFp, costFn, weightedModel, onChange, onIndex } = props;
  const [kind, setKind] = useState<TargetKind>(target?.kind ?? 'fewest-alarms-at-recall');
  const [text, setText] = useState(String(target?.value ?? 0.9));
  const [confidenceText, setConfidenceText] = useState(target?.confidence == null ? '' : String(target.confidence));
  const [result, setResult] = useState<{ found: TargetResult | null; text: string } | null>(null);
  const threshold = useBackgroundThreshold();
  const apply = () => {
    const value = Number(text);
    if (text.trim() === '' || !Number.isFinite(value)) return setResult({ found: null, text: `"${text}" is not a number.` });
    const confidence = confidenceText.trim() === '' ? null : Number(confidenceText);
    if (confidence !== null && !(confidence >= CONFIDENCE_RANGE.min && confidence <= CONFIDENCE_RANGE.max)) {
      return setResult({ found: null, text: `The confidence must be blank or a number from ${CONFIDENCE_RANGE.min} to ${CONFIDENCE_RANGE.max}, not "${confidenceText}".` });
    }
    const solved = solveConfidentTarget(curve, { kind, value, confidence, prevalence: prevalence ?? undefined });
    if (!solved.ok) return setResult({ found: null, text: `${solved.message} The threshold was not moved.` });
    onChange({ target: { kind, value, confidence } });
    onIndex(solved.result.index);
    setResult({ found: solved.result, text: solved.result.statement });
  };
  return (
    <section className="card targets-panel" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Targets</h2>
      <div className="targets">
        <button type="button" data-testid="f1-optimal-button" onClick={() => onIndex(f1Optimal(curve).index)}>
          F1-optimal
        </button>
      </div>
      <div className="row target-row">
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
        <label>
          holding with confidence
          <input
            data-testid="target-confidence"
            list="target-confidence-choices"
            inputMode="decimal"
            placeholder="on these cases"
            value={confidenceText}
            onChange={(e) => setConfidenceText(e.target.value)}
            onKeyDown={(e) => e.key === 'Enter' && apply()}
          />
        </label>
        <datalist id="target-confidence-choices">
          {CONFIDENCE_CHOICES.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <button type="button" data-testid="target-button" onClick={apply}>
          Move the threshold there
        </button>
      </div>
      <p className="note" data-testid="target-basis">
        Blank confidence: the target is met on these cases. A confidence C makes it hold on new cases like these with probability C, using{' '}
        {casesInWords(evaluatedOn, curve.positives + curve.negatives)}.
      </p>
      {result && (
        <p className="note" data-testid="target-result" role="status" data-threshold={result.found?.threshold}>
          {result.text}
        </p>
      )}
      <p className="note" data-testid="calibrated-rule">
        Were the scores calibrated probabilities, the cheapest cutoff would be C_FP/(C_FP+C_FN) = {formatMetric(bayesThreshold({ costFp, costFn }))}, and this threshold would imply
        a cost ratio of {formatRatio(calibratedCostRatio(threshold))}.
        {weightedModel && ' A model trained with pos_weight ≠ 1 over-states probabilities, so snap to the empirical optimum instead.'}
      </p>
    </section>
  );
});

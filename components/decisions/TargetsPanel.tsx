import { memo, useState } from 'react';
import { bayesThreshold, calibratedCostRatio } from '../../src/metrics';
import { formatMetric, formatRatio } from '../common/format';
import { useBackgroundThreshold } from '../cockpit/threshold-store';

interface TargetsPanelProps {
  costFp: number;
  costFn: number;
  /** Whether the scores come from a model trained with a weighted loss (so are not calibrated). */
  weightedModel: boolean;
  onF1Optimal: () => void;
  /** Moves to the highest threshold with recall >= target; false when none reaches it. */
  onRecallTarget: (target: number) => boolean;
}

/** Thresholds chosen by a target instead of by costs, and what the calibrated cost rule would say. */
export const TargetsPanel = memo(function TargetsPanel({ costFp, costFn, weightedModel, onF1Optimal, onRecallTarget }: TargetsPanelProps) {
  const [recallTarget, setRecallTarget] = useState(0.9);
  const [unreachable, setUnreachable] = useState(false);
  const threshold = useBackgroundThreshold();
  return (
    <section className="panel targets-panel" aria-labelledby="targets-heading">
      <h2 id="targets-heading">Targets</h2>
      <div className="targets">
        <button type="button" data-testid="f1-optimal-button" onClick={onF1Optimal}>
          F1-optimal
        </button>
        <label>
          Recall at least
          <input
            type="number"
            min={0}
            max={1}
            step={0.01}
            data-testid="recall-target-input"
            value={recallTarget}
            onChange={(e) => Number.isFinite(e.target.valueAsNumber) && setRecallTarget(e.target.valueAsNumber)}
          />
        </label>
        <button type="button" data-testid="recall-target-button" onClick={() => setUnreachable(!onRecallTarget(recallTarget))}>
          Fewest alarms at that recall
        </button>
      </div>
      {unreachable && <p className="warning">No threshold reaches recall {recallTarget} on this data.</p>}
      <p className="note" data-testid="calibrated-rule">
        Were the scores calibrated probabilities, the cheapest cutoff would be C_FP/(C_FP+C_FN) = {formatMetric(bayesThreshold({ costFp, costFn }))}, and this threshold would imply
        a cost ratio of {formatRatio(calibratedCostRatio(threshold))}.
        {weightedModel && ' A model trained with pos_weight ≠ 1 over-states probabilities, so snap to the empirical optimum instead.'}
      </p>
    </section>
  );
});

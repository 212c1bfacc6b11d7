import { useState } from 'react';
import type { Settings } from '../src/settings';
import { formatMetric, formatRatio } from './format';

interface CostPanelProps {
  settings: Settings;
  expectedCost: number;
  /** Range of C_FN/C_FP for which the current threshold is the cheapest; null if never. */
  impliedRatio: { low: number; high: number } | null;
  /** C_FP/(C_FP+C_FN): the cost-optimal cutoff if the scores were calibrated probabilities. */
  bayesThreshold: number;
  /** (1−t)/t: the cost ratio the current threshold implies for a calibrated score. */
  calibratedRatio: number;
  /** Whether the scores come from a model trained with a weighted loss (so are not calibrated). */
  weightedModel: boolean;
  onChange: (patch: Partial<Settings>) => void;
  onOptimal: () => void;
  onF1Optimal: () => void;
  /** Moves to the highest threshold with recall >= target; false when none reaches it. */
  onRecallTarget: (target: number) => boolean;
}

const SLIDER_DECADES = 3;

/** Costs of each error, the ratio slider, the assumed prevalence and the snap to cost-optimal. */
export function CostPanel({ settings, expectedCost, impliedRatio, bayesThreshold, calibratedRatio, weightedModel, onChange, onOptimal, onF1Optimal, onRecallTarget }: CostPanelProps) {
  const [recallTarget, setRecallTarget] = useState(0.9);
  const [unreachable, setUnreachable] = useState(false);
  const ratio = settings.costFp > 0 ? settings.costFn / settings.costFp : Infinity;
  const sliderValue = Number.isFinite(ratio) && ratio > 0 ? Math.log10(ratio) : SLIDER_DECADES;
  const setCost = (key: 'costFp' | 'costFn', raw: number) => {
    if (Number.isFinite(raw) && raw >= 0) onChange({ [key]: raw });
  };
  return (
    <section className="panel cost-panel" aria-labelledby="cost-heading">
      <h2 id="cost-heading">4. Costs</h2>
      <div className="fields">
        <label>
          Cost of a false alarm (C_FP)
          <input type="number" min={0} step="any" data-testid="cost-fp" value={settings.costFp} onChange={(e) => setCost('costFp', e.target.valueAsNumber)} />
        </label>
        <label>
          Cost of a missed case (C_FN)
          <input type="number" min={0} step="any" data-testid="cost-fn" value={settings.costFn} onChange={(e) => setCost('costFn', e.target.valueAsNumber)} />
        </label>
      </div>
      <label className="slider-field">
        A missed case costs {formatRatio(ratio)}× a false alarm
        <input
          type="range"
          data-testid="cost-slider"
          min={-SLIDER_DECADES}
          max={SLIDER_DECADES}
          step={0.01}
          value={Math.max(-SLIDER_DECADES, Math.min(SLIDER_DECADES, sliderValue))}
          aria-valuetext={`C_FN : C_FP = ${formatRatio(ratio)} : 1`}
          onChange={(e) => onChange({ costFn: Number((settings.costFp * 10 ** e.target.valueAsNumber).toPrecision(4)) })}
        />
      </label>
      <label>
        Deployment prevalence (blank = as observed)
        <input
          type="number"
          min={0}
          max={1}
          step="any"
          data-testid="prevalence-input"
          placeholder="as observed"
          value={settings.prevalence ?? ''}
          onChange={(e) => {
            const value = e.target.valueAsNumber;
            onChange({ prevalence: Number.isFinite(value) && value > 0 && value < 1 ? value : null });
          }}
        />
      </label>
      <p>
        Expected cost per case: <strong data-testid="metric-expected-cost">{formatMetric(expectedCost)}</strong>
      </p>
      <p className="implied" data-testid="implied-cost-ratio">
        {impliedRatio === null
          ? 'No cost ratio makes this cutoff the cheapest on this data (it is off the ROC convex hull).'
          : `This cutoff is the cheapest when a missed case costs ${formatRatio(impliedRatio.low)}–${formatRatio(impliedRatio.high)}× a false alarm.`}
      </p>
      <p className="note" data-testid="calibrated-rule">
        Were the scores calibrated probabilities, the cheapest cutoff would be C_FP/(C_FP+C_FN) = {formatMetric(bayesThreshold)}, and
        this threshold would imply a cost ratio of {formatRatio(calibratedRatio)}.
        {weightedModel && ' A model trained with pos_weight ≠ 1 over-states probabilities, so snap to the empirical optimum below instead.'}
      </p>
      <button type="button" className="primary" data-testid="optimal-button" onClick={onOptimal}>
        Snap to cost-optimal threshold
      </button>
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
    </section>
  );
}

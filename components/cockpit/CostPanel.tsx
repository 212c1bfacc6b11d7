import { memo } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { evaluateThreshold } from '../../src/metrics/evaluate';
import type { CostModel } from '../../src/metrics/row-costs';
import type { Settings } from '../../src/session/settings';
import { formatMetric, formatRatio } from '../common/format';
import { useThreshold } from './threshold-store';

interface CostPanelProps {
  curve: ScoreCurve;
  costFp: number;
  costFn: number;
  prevalence: Settings['prevalence'];
  /** Per-row costs when a cost column is chosen; null: the constants. */
  costModel?: CostModel | null;
  onChange: (patch: Partial<Settings>) => void;
  onOptimal: () => void;
}

const SLIDER_DECADES = 3;

/** Costs of each error, the ratio slider, the assumed prevalence and the snap to cost-optimal. */
export const CostPanel = memo(function CostPanel({ curve, costFp, costFn, prevalence, costModel, onChange, onOptimal }: CostPanelProps) {
  const ratio = costFp > 0 ? costFn / costFp : Infinity;
  const sliderValue = Number.isFinite(ratio) && ratio > 0 ? Math.log10(ratio) : SLIDER_DECADES;
  const setCost = (key: 'costFp' | 'costFn', raw: number) => {
    if (Number.isFinite(raw) && raw >= 0) onChange({ [key]: raw });
  };
  return (
    <section className="cost-panel" aria-labelledby="cost-heading">
      <h2 id="cost-heading">Costs</h2>
      <div className="fields cost-fields">
        <label>
          False alarm (C_FP)
          <input type="number" min={0} step="any" data-testid="cost-fp" value={costFp} onChange={(e) => setCost('costFp', e.target.valueAsNumber)} />
        </label>
        <label>
          Missed case (C_FN)
          <input type="number" min={0} step="any" data-testid="cost-fn" value={costFn} onChange={(e) => setCost('costFn', e.target.valueAsNumber)} />
        </label>
      </div>
      <label className="slider-field">
        <span>
          A missed case costs <strong>{formatRatio(ratio)}×</strong> a false alarm
        </span>
        <input
          type="range"
          data-testid="cost-slider"
          min={-SLIDER_DECADES}
          max={SLIDER_DECADES}
          step={0.01}
          value={Math.max(-SLIDER_DECADES, Math.min(SLIDER_DECADES, sliderValue))}
          aria-valuetext={`C_FN : C_FP = ${formatRatio(ratio)} : 1`}
          onChange={(e) => onChange({ costFn: Number((costFp * 10 ** e.target.valueAsNumber).toPrecision(4)) })}
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
          placeholder={`as observed (${formatMetric(curve.prevalence())})`}
          value={prevalence ?? ''}
          onChange={(e) => {
            const value = e.target.valueAsNumber;
            onChange({ prevalence: Number.isFinite(value) && value > 0 && value < 1 ? value : null });
          }}
        />
      </label>
      <CostAtThreshold curve={curve} costFp={costFp} costFn={costFn} prevalence={prevalence} costModel={costModel} />
      <button type="button" className="primary" data-testid="optimal-button" onClick={onOptimal}>
        Snap to cost-optimal
      </button>
    </section>
  );
});

/** Expected cost and the cost ratio the current threshold implies: they follow the threshold. */
function CostAtThreshold({ curve, costFp, costFn, prevalence, costModel }: Pick<CostPanelProps, 'curve' | 'costFp' | 'costFn' | 'prevalence' | 'costModel'>) {
  const threshold = useThreshold();
  const { expectedCost: expected, impliedCostRatio: implied } = evaluateThreshold(curve, threshold, { costFp, costFn }, prevalence, costModel);
  return (
    <>
      <p className="expected-cost">
        Expected cost per case{prevalence !== null ? ` at ${formatMetric(prevalence)} prevalence` : ''}:{' '}
        <strong data-testid="metric-expected-cost">{formatMetric(expected)}</strong>
      </p>
      <p className="implied" data-testid="implied-cost-ratio">
        {costModel
          ? 'Costs come from each row, so no single cost ratio applies; the Decisions card shows how far the costs may scale with this cutoff still the cheapest.'
          : implied === null
            ? 'No cost ratio makes this cutoff the cheapest here (it is below the ROC convex hull).'
            : `Cheapest when a miss costs ${formatRatio(implied.low)}–${formatRatio(implied.high)}× a false alarm.`}
      </p>
    </>
  );
}

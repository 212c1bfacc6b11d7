import { scaleLinear, line } from 'd3';
import { memo, useMemo, useState } from 'react';
import { bayesThreshold, type ScoreCurve } from '../../src/metrics';
import { rawIndexForCalibrated } from '../../src/metrics/calibrated-curve';
import { rawIndexForMapped, type CalibrationMethod } from '../../src/metrics/calibration-method';
import type { CalibrationState } from '../hooks/useCalibration';
import type { CurveView } from '../../src/metrics/curve-view';
import { reliabilityBins } from '../../src/metrics/reliability';
import { Axes } from './Axes';
import { formatThreshold } from '../common/format';
import { formatMetric } from '../common/format';

const SIZE = 300;
const M = { top: 12, right: 14, bottom: 40, left: 48 };
const W = SIZE - M.left - M.right;
const H = SIZE - M.top - M.bottom;

interface CalibrationViewProps {
  curve: ScoreCurve;
  /** The curve's prepared view: its reliability bins and Brier score (absent: computed here). */
  view?: Pick<CurveView, 'reliability' | 'brier'>;
  costFp: number;
  costFn: number;
  /** Moves the threshold to an operating point of the raw scores. */
  onIndex: (k: number) => void;
  method: CalibrationMethod;
  onMethod: (method: CalibrationMethod) => void;
  /** `method` fitted on `curve` in the metrics worker (null for raw scores and while it is being fitted). */
  calibration: CalibrationState;
}

/**
 * Reliability diagram with the Brier score; Platt or isotonic calibration, fitted on the same
 * held-out scores, shows how far the scores are from probabilities and where the calibrated
 * cost rule C_FP/(C_FP+C_FN) would put the cutoff on the raw scores.
 */
export const CalibrationView = memo(function CalibrationView({ curve, view, costFp, costFn, onIndex, method, onMethod, calibration: state }: CalibrationViewProps) {
  const calibration = state.calibrated;
  const costs = { costFp, costFn };
  const [strategy, setStrategy] = useState<'uniform' | 'quantile'>('uniform');
  // The raw scores' bins and Brier score come prepared with the curve, and a calibration from
  // the metrics worker: each is O(distinct scores), a million of them here at most.
  const raw = useMemo(() => (view ? view.reliability[strategy] : reliabilityBins(curve, 10, strategy)), [view, curve, strategy]);
  const calibrated = calibration ? calibration.reliability[strategy] : null;
  const brier = useMemo(() => ({ raw: view?.brier ?? curve.brier(), calibrated: calibration?.brier ?? NaN }), [view, curve, calibration]);
  const bayes = bayesThreshold(costs);
  const ruleIndex = !Number.isFinite(bayes) ? null : calibration ? rawIndexForMapped(calibration.mapped, bayes) : rawIndexForCalibrated(curve, (s) => s, bayes);

  const x = scaleLinear().domain([0, 1]).range([0, W]);
  const y = scaleLinear().domain([0, 1]).range([H, 0]);
  const path = (bins: { meanScore: number; fractionPositive: number }[]) =>
    line<{ meanScore: number; fractionPositive: number }>()
      .x((b) => x(b.meanScore))
      .y((b) => y(b.fractionPositive))(bins) ?? '';

  return (
    <figure className="chart calibration" data-testid="calibration-chart" data-bins={strategy}>
      <figcaption>Calibration (reliability diagram)</figcaption>
      <div className="row">
        <label>
          Calibrate with
          <select data-testid="calibration-select" value={method} onChange={(e) => onMethod(e.target.value as CalibrationMethod)}>
            <option value="none">nothing (raw scores)</option>
            <option value="platt">Platt scaling</option>
            <option value="isotonic">isotonic regression</option>
          </select>
        </label>
        <label>
          Bins
          <select data-testid="calibration-bins" value={strategy} onChange={(e) => setStrategy(e.target.value === 'quantile' ? 'quantile' : 'uniform')}>
            <option value="uniform">10 equal widths</option>
            <option value="quantile">10 equal counts</option>
          </select>
        </label>
      </div>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Reliability diagram; Brier score ${formatMetric(brier.raw)}`}>
        <g transform={`translate(${M.left},${M.top})`}>
          <rect className="plot-area" width={W} height={H} />
          <Axes x={x} y={y} width={W} height={H} xLabel="mean predicted probability" yLabel="observed share of positives" />
          <line className="baseline" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
          <path className="reliability raw" d={path(raw)} />
          {raw.map((b) => (
            <circle key={b.index} className="reliability-dot raw" cx={x(b.meanScore)} cy={y(b.fractionPositive)} r={3} />
          ))}
          {calibrated && calibration && <path className="reliability calibrated" data-testid="calibrated-line" data-method={calibration.method} d={path(calibrated)} />}
        </g>
      </svg>
      <p className="note">
        Brier score: raw <strong data-testid="metric-brier">{formatMetric(brier.raw)}</strong>
        {state.pending && (
          <span className="note" data-testid="calibration-pending">
            {' '}
            (fitting the {state.pending === 'platt' ? 'Platt' : 'isotonic'} map…)
          </span>
        )}
        {state.error && (
          <span className="warning" role="alert">
            {' '}
            {state.error}
          </span>
        )}
        {calibration && (
          <>
            , calibrated <strong data-testid="metric-brier-calibrated">{formatMetric(brier.calibrated)}</strong> (fitted and scored on the same validation data, so optimistic)
          </>
        )}
      </p>
      {ruleIndex !== null && (
        <p className="note">
          Rule C_FP/(C_FP+C_FN) = {formatMetric(bayes)} on {calibration ? 'calibrated' : 'raw'} probabilities → raw threshold{' '}
          <strong data-testid="calibrated-threshold">{formatThreshold(curve.thresholdAtIndex(ruleIndex))}</strong>{' '}
          <button type="button" data-testid="calibrated-threshold-button" onClick={() => onIndex(ruleIndex)}>
            Use it
          </button>
        </p>
      )}
    </figure>
  );
});

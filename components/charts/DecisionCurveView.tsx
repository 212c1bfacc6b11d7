import { scaleLinear, line } from 'd3';
import { memo, useMemo } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { belowRange, decisionCurve, decisionCurveRange, decisionGrid, defaultDecisionGrid } from '../../src/metrics/decision-curve';
import { Axes } from './Axes';

const SIZE = 300;
const M = { top: 12, right: 14, bottom: 40, left: 52 };
const W = SIZE - M.left - M.right;
const H = SIZE - M.top - M.bottom;

/**
 * Decision curve (Vickers & Elkin): net benefit of acting on the model at each threshold
 * probability, against treating everyone and treating no one. Drawn on the probabilities the
 * calibration view chose, over the thresholds where some strategy still gains.
 */
export const DecisionCurveView = memo(function DecisionCurveView({
  curve,
  prevalence,
  probabilities,
}: {
  /** The curve of the probabilities read (raw or calibrated scores). */
  curve: ScoreCurve;
  prevalence: number | undefined;
  /** What the scores are, in words ("raw scores", "Platt-calibrated probabilities"). */
  probabilities: string;
}) {
  const { dc, range, off } = useMemo(() => {
    const coarse = decisionCurveRange(decisionCurve(curve, defaultDecisionGrid(), prevalence));
    const fine = decisionCurve(curve, decisionGrid(coarse.xMax), prevalence);
    const range = decisionCurveRange(fine);
    return { dc: fine, range, off: belowRange(fine, range.yMin) };
  }, [curve, prevalence]);
  const x = scaleLinear().domain([0, range.xMax]).range([0, W]).nice();
  const y = scaleLinear().domain([range.yMin, range.yMax]).range([H, 0]).nice();
  const path = (values: Float64Array) =>
    line<number>()
      .defined((i) => Number.isFinite(values[i]))
      .x((i) => x(dc.thresholds[i]))
      .y((i) => y(values[i]))(Array.from(values.keys())) ?? '';
  return (
    <figure className="chart" data-testid="decision-curve-chart" data-x-max={range.xMax}>
      <figcaption>Decision curve (net benefit)</figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label={`Net benefit of the model, of treating all and of treating none, by threshold probability, on ${probabilities}`}>
        <g transform={`translate(${M.left},${M.top})`}>
          <rect className="plot-area" width={W} height={H} />
          <Axes x={x} y={y} width={W} height={H} xLabel="threshold probability" yLabel="net benefit per case" ticks={4} />
          <clipPath id="decision-curve-clip">
            <rect width={W} height={H} />
          </clipPath>
          <g clipPath="url(#decision-curve-clip)">
            <path className="series treat-none" d={path(dc.treatNone)} />
            <path className="series treat-all" d={path(dc.treatAll)} />
            <path className="series model" data-testid="net-benefit-line" d={path(dc.netBenefit)} />
          </g>
        </g>
      </svg>
      <p className="note" data-testid="decision-curve-basis">
        On {probabilities}: net benefit reads scores as probabilities{probabilities === 'raw scores' ? ' (calibrate them in the calibration view if they are not)' : ''}.
      </p>
      {off && (
        <p className="note" data-testid="decision-curve-off">
          Between thresholds {off.from.toFixed(3)} and {off.to.toFixed(3)} the model&apos;s net benefit falls below the chart: read as probabilities, these scores flag far more
          cases than they should{probabilities === 'raw scores' ? ' — calibrate them' : ''}.
        </p>
      )}
      <p className="legend">
        <span className="key series-key model">model</span> <span className="key series-key treat-all">treat all</span>{' '}
        <span className="key series-key treat-none">treat none</span>
      </p>
    </figure>
  );
});

import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { memo, useMemo } from 'react';
import type { ScoreCurve } from '../src/metrics';
import { decisionCurve } from '../src/metrics/decision-curve';
import { Axes } from './Axes';

const SIZE = 300;
const M = { top: 12, right: 14, bottom: 40, left: 48 };
const W = SIZE - M.left - M.right;
const H = SIZE - M.top - M.bottom;

/**
 * Decision curve (Vickers & Elkin): net benefit of acting on the model at each threshold
 * probability, against treating everyone and treating no one.
 */
export const DecisionCurveView = memo(function DecisionCurveView({
  curve,
  prevalence,
  threshold,
}: {
  curve: ScoreCurve;
  prevalence: number | undefined;
  threshold: number;
}) {
  const dc = useMemo(() => decisionCurve(curve, undefined, prevalence), [curve, prevalence]);
  // Net benefit never exceeds the prevalence (treat-all at p_t → 0); below −half of it, lines leave the plot.
  const top = Math.max(0.005, ...dc.netBenefit.filter(Number.isFinite), ...dc.treatAll) * 1.1;
  const bottom = -top / 2;
  const x = scaleLinear().domain([0, 1]).range([0, W]);
  const y = scaleLinear().domain([bottom, top]).range([H, 0]).nice();
  const path = (values: Float64Array) =>
    line<number>()
      .defined((i) => Number.isFinite(values[i]))
      .x((i) => x(dc.thresholds[i]))
      .y((i) => y(values[i]))(Array.from(values.keys())) ?? '';
  return (
    <figure className="chart" data-testid="decision-curve-chart">
      <figcaption>Decision curve (net benefit)</figcaption>
      <svg viewBox={`0 0 ${SIZE} ${SIZE}`} role="img" aria-label="Net benefit of the model, of treating all and of treating none, by threshold probability">
        <g transform={`translate(${M.left},${M.top})`}>
          <rect className="plot-area" width={W} height={H} />
          <Axes x={x} y={y} width={W} height={H} xLabel="threshold probability" yLabel="net benefit per case" />
          <clipPath id="decision-curve-clip">
            <rect width={W} height={H} />
          </clipPath>
          <g clipPath="url(#decision-curve-clip)">
            <path className="series treat-none" d={path(dc.treatNone)} />
            <path className="series treat-all" d={path(dc.treatAll)} />
            <path className="series model" data-testid="net-benefit-line" d={path(dc.netBenefit)} />
          </g>
          {threshold >= 0 && threshold <= 1 && <line className="threshold-mark" x1={x(threshold)} x2={x(threshold)} y1={0} y2={H} />}
        </g>
      </svg>
      <p className="note">Net benefit assumes the scores are calibrated probabilities; see the calibration view.</p>
      <p className="legend">
        <span className="key series-key model">model</span> <span className="key series-key treat-all">treat all</span>{' '}
        <span className="key series-key treat-none">treat none</span>
      </p>
    </figure>
  );
});

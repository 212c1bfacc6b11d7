import { scaleLinear } from 'd3';
import { memo, useMemo } from 'react';
import type { ClassHistogram } from '../../src/metrics/histogram';
import { THRESHOLD_PLOT_H, THRESHOLD_X, ThresholdChart, type ThresholdChartProps } from './ThresholdChart';

type Props = Omit<ThresholdChartProps, 'children' | 'testId' | 'handleTestId' | 'title' | 'yLabel'> & {
  histogram: ClassHistogram;
  band: { lower: number; upper: number } | null;
  onBandChange: (band: { lower: number; upper: number }) => void;
  /** The threshold of the operating point `steps` distinct scores from t. */
  stepFrom: (t: number, steps: number) => number;
  /** The threshold of the operating point nearest to t. */
  snap: (t: number) => number;
  /** Cut points of the named risk bands, each a draggable edge; moved edges stay in order. */
  riskCuts?: readonly number[];
  onRiskCutsChange?: (cuts: number[]) => void;
};

/**
 * Scores by class: positives above the axis, negatives below, each scaled to its own peak so
 * a rare class stays visible. The inconclusive band is shaded when three-way mode is on.
 */
export const ScoreHistogram = memo(function ScoreHistogram({ histogram, band, onBandChange, stepFrom, snap, riskCuts, onRiskCutsChange, ...chart }: Props) {
  const body = useMemo(() => {
    const peak = (counts: Float64Array) => Math.max(1e-12, ...counts);
    const posPeak = peak(histogram.positives);
    const negPeak = peak(histogram.negatives);
    const x = THRESHOLD_X;
    const height = THRESHOLD_PLOT_H;
    const mid = height / 2;
    const up = scaleLinear()
      .domain([0, posPeak])
      .range([0, mid - 4]);
    const down = scaleLinear()
      .domain([0, negPeak])
      .range([0, mid - 4]);
    const bars = [];
    for (let b = 0; b < histogram.positives.length; b++) {
      const x0 = x(histogram.edges[b]) + 0.5;
      const w = Math.max(0.5, x(histogram.edges[b + 1]) - x(histogram.edges[b]) - 1);
      const hp = up(histogram.positives[b]);
      const hn = down(histogram.negatives[b]);
      bars.push(<rect key={`p${b}`} className="bar positive" x={x0} y={mid - hp} width={w} height={hp} />);
      bars.push(<rect key={`n${b}`} className="bar negative" x={x0} y={mid} width={w} height={hn} />);
    }
    return (
      <g>
        {band && <rect className="band" data-testid="band-shade" x={x(band.lower)} y={0} width={Math.max(0, x(band.upper) - x(band.lower))} height={height} />}
        {bars}
        <line className="axis-mid" x1={0} x2={x(1)} y1={mid} y2={mid} />
        <text className="axis-label" x={4} y={12}>
          positives ↑
        </text>
        <text className="axis-label" x={4} y={height - 4}>
          negatives ↓
        </text>
      </g>
    );
  }, [histogram, band]);
  const edges = band
    ? [
        {
          testId: 'band-lower-handle',
          label: 'review band, lower edge',
          value: band.lower,
          onChange: (t: number) => onBandChange({ lower: Math.min(snap(t), band.upper), upper: band.upper }),
          onStep: (steps: number) => onBandChange({ lower: Math.min(stepFrom(band.lower, steps), band.upper), upper: band.upper }),
        },
        {
          testId: 'band-upper-handle',
          label: 'review band, upper edge',
          value: band.upper,
          onChange: (t: number) => onBandChange({ lower: band.lower, upper: Math.max(snap(t), band.lower) }),
          onStep: (steps: number) => onBandChange({ lower: band.lower, upper: Math.max(stepFrom(band.upper, steps), band.lower) }),
        },
      ]
    : [];
  // A risk-band cut moves only between its neighbours, so the bands keep their order and names.
  const moveCut = (i: number, raw: number) => {
    if (!riskCuts || !onRiskCutsChange) return;
    const t = Math.min(1, Math.max(0, raw));
    if ((i > 0 && !(t > riskCuts[i - 1])) || (i < riskCuts.length - 1 && !(t < riskCuts[i + 1]))) return;
    onRiskCutsChange(riskCuts.map((c, j) => (j === i ? t : c)));
  };
  const cutHandles = (onRiskCutsChange ? (riskCuts ?? []) : []).map((cut, i) => ({
    testId: `risk-cut-handle-${i}`,
    label: `risk band cut point ${i + 1}`,
    value: cut,
    onChange: (t: number) => moveCut(i, snap(t)),
    onStep: (steps: number) => moveCut(i, stepFrom(cut, steps)),
  }));
  return (
    <ThresholdChart
      {...chart}
      extraHandles={[...edges, ...cutHandles]}
      testId="histogram-chart"
      handleTestId="histogram-handle"
      title="Scores by class"
      yLabel="share of class peak"
    >
      {body}
    </ThresholdChart>
  );
});

import { scaleLinear, line } from 'd3';
import { memo, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { Axes } from './Axes';
import { HoverReadout, type HoverPoint } from './HoverReadout';
import { LayeredChart } from './LayeredChart';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { useThreshold } from '../cockpit/threshold-store';

export const CHART_SIZE = 300;
const MARGIN = { top: 10, right: 12, bottom: 38, left: 46 };
const PLOT = CHART_SIZE - MARGIN.left - MARGIN.right;
const PLOT_H = CHART_SIZE - MARGIN.top - MARGIN.bottom;

/** The unit-square scales of every curve chart (fixed, so marks can be built outside). */
export const CURVE_X = scaleLinear().domain([0, 1]).range([0, PLOT]);
export const CURVE_Y = scaleLinear().domain([0, 1]).range([PLOT_H, 0]);

export interface CurvePoints {
  xs: Float64Array;
  ys: Float64Array;
  /** The indices that draw the path (decimated in the metrics worker). */
  kept: Uint32Array;
}

export interface CurveChartProps {
  testId: string;
  handleTestId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  curve: ScoreCurve;
  /** Point k is the operating point with k distinct scores predicted positive. */
  points: CurvePoints;
  /** A second curve drawn under the first, for comparison. */
  compare?: CurvePoints | null;
  /** Index of the curve point nearest to a pointer position in data units. */
  nearestIndex: (x: number, y: number) => number;
  /** Moves the threshold to operating point k (keep it stable: the chart is memoised). */
  onIndexChange: (index: number) => void;
  /** A reference line (chance diagonal, prevalence baseline) in data units. */
  baseline: { x1: number; y1: number; x2: number; y2: number };
  /** Marks that do not follow the threshold (optimum ring, the 0.5 reference), in CURVE_X/Y units. */
  marks?: ReactNode;
  /** Marks that follow the threshold (the iso-cost line through the handle). */
  followMarks?: (index: number) => ReactNode;
  /** The handle's spoken value: the numbers at the current threshold. */
  describe: (threshold: number) => string;
}

/**
 * A unit-square curve (ROC or PR) drawn once per score set, with a draggable handle that is
 * also a keyboard slider. Only the handle layer subscribes to the threshold; hovering shows
 * a readout of the point under the pointer without moving the handle.
 */
export const CurveChart = memo(function CurveChart(props: CurveChartProps) {
  const { curve, points, nearestIndex, onIndexChange } = props;
  const { xs, ys } = points;
  const svgRef = useRef<SVGSVGElement | null>(null);
  const [hover, setHover] = useState<HoverPoint | null>(null);
  const indexAt = (p: { x: number; y: number }) => nearestIndex(clamp01(CURVE_X.invert(p.x - MARGIN.left)), clamp01(CURVE_Y.invert(p.y - MARGIN.top)));
  // Pointer moves are coalesced into one update per animation frame.
  const { startDrag, svgHandlers } = usePointerDrag(
    svgRef,
    CHART_SIZE,
    (p) => onIndexChange(indexAt(p)),
    (p) => {
      if (!p) return setHover(null);
      const k = indexAt(p);
      setHover({ index: k, left: (MARGIN.left + CURVE_X(xs[k] ?? 0)) / CHART_SIZE, top: (MARGIN.top + CURVE_Y(ys[k] ?? 0)) / CHART_SIZE });
    },
  );
  const [onPlotDown] = useState(() => startDrag(0, true));
  const [onHandleDown] = useState(() => startDrag(0));

  const { xLabel, yLabel, baseline, compare, marks, testId } = props;
  const base = useMemo(
    () => (
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <rect className="plot-area" width={PLOT} height={PLOT_H} onPointerDown={onPlotDown} />
        <Axes x={CURVE_X} y={CURVE_Y} width={PLOT} height={PLOT_H} xLabel={xLabel} yLabel={yLabel} />
        <line className="baseline" x1={CURVE_X(baseline.x1)} y1={CURVE_Y(baseline.y1)} x2={CURVE_X(baseline.x2)} y2={CURVE_Y(baseline.y2)} />
        {compare && <path className="curve compare" data-testid={`${testId}-compare`} d={pathOf(compare)} />}
        <path className="curve" d={pathOf(points)} />
        <g className="marks">{marks}</g>
      </g>
    ),
    [onPlotDown, xLabel, yLabel, baseline.x1, baseline.y1, baseline.x2, baseline.y2, compare, points, marks, testId],
  );
  return (
    <LayeredChart
      testId={testId}
      title={props.title}
      summary={`${yLabel} against ${xLabel} at every threshold; drag the handle or use the arrow keys to move the threshold.`}
      className="chart curve-chart"
      width={CHART_SIZE}
      height={CHART_SIZE}
      margin={MARGIN}
      svgRef={svgRef}
      svgHandlers={svgHandlers}
      base={base}
      overlay={
        <CurveHandle
          testId={testId}
          handleTestId={props.handleTestId}
          title={props.title}
          curve={curve}
          points={points}
          followMarks={props.followMarks}
          describe={props.describe}
          onIndexChange={onIndexChange}
          onPointerDown={onHandleDown}
        />
      }
      popup={<HoverReadout curve={curve} point={hover} />}
    />
  );
});

interface CurveHandleProps {
  testId: string;
  handleTestId: string;
  title: string;
  curve: ScoreCurve;
  points: CurvePoints;
  followMarks?: (index: number) => ReactNode;
  describe: (threshold: number) => string;
  onIndexChange: (index: number) => void;
  onPointerDown: (event: React.PointerEvent<SVGElement>) => void;
}

/** The handle and the marks through it: the one part of a curve chart that follows the threshold. */
function CurveHandle({ testId, handleTestId, title, curve, points, followMarks, describe, onIndexChange, onPointerDown }: CurveHandleProps) {
  const threshold = useThreshold();
  const index = curve.indexAt(threshold);
  const last = points.xs.length - 1;
  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    const next = keyStep(event.key, index, last, 1);
    if (next === null) return;
    event.preventDefault();
    onIndexChange(next);
  };
  return (
    <>
      <clipPath id={`${testId}-clip`}>
        <rect width={PLOT} height={PLOT_H} />
      </clipPath>
      <g clipPath={`url(#${testId}-clip)`}>{followMarks?.(index)}</g>
      <circle
        className="handle"
        data-testid={handleTestId}
        cx={CURVE_X(points.xs[index] ?? 0)}
        cy={CURVE_Y(points.ys[index] ?? 0)}
        r={8}
        role="slider"
        tabIndex={0}
        aria-label={`${title} operating point (threshold)`}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={threshold}
        aria-valuetext={describe(threshold)}
        onPointerDown={onPointerDown}
        onKeyDown={onKeyDown}
      />
    </>
  );
}

/**
 * The operating point a key moves to, or null for other keys: arrows step one distinct score,
 * PageUp/PageDown ten, Home/End jump to the ends. `direction` -1 flips the arrows (threshold axes,
 * where the right flags fewer cases).
 */
export function keyStep(key: string, index: number, last: number, direction: 1 | -1): number | null {
  const steps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
  let next: number;
  if (key in steps) next = index + direction * steps[key];
  else if (key === 'Home') next = direction === 1 ? 0 : last;
  else if (key === 'End') next = direction === 1 ? last : 0;
  else return null;
  return Math.min(last, Math.max(0, next));
}

/** The SVG path through a curve's kept (decimated) points. */
function pathOf({ xs, ys, kept }: CurvePoints): string {
  const draw = line<number>()
    .x((i) => CURVE_X(xs[i]))
    .y((i) => CURVE_Y(ys[i]));
  return draw(Array.from(kept)) ?? '';
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

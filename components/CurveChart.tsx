import { scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { decimate } from '../src/metrics';
import { Axes } from './Axes';
import { LayeredChart } from './LayeredChart';
import { usePointerDrag } from './hooks/usePointerDrag';

export const CHART_SIZE = 300;
const MARGIN = { top: 12, right: 14, bottom: 40, left: 48 };
const PLOT = CHART_SIZE - MARGIN.left - MARGIN.right;
const PLOT_H = CHART_SIZE - MARGIN.top - MARGIN.bottom;

export interface CurveChartProps {
  testId: string;
  handleTestId: string;
  title: string;
  xLabel: string;
  yLabel: string;
  /** Curve points; index k is the operating point with k distinct scores predicted positive. */
  xs: Float64Array;
  ys: Float64Array;
  /** The operating point shown by the handle. */
  index: number;
  threshold: number;
  /** Index of the curve point nearest to a pointer position in data units. */
  nearestIndex: (x: number, y: number) => number;
  onIndexChange: (index: number) => void;
  /** A reference line (chance diagonal, prevalence baseline) in data units. */
  baseline: { x1: number; y1: number; x2: number; y2: number };
  /** Text alternative that states the numbers at the handle. */
  description: string;
  /** A second curve drawn under the first, for comparison. */
  compare?: { xs: Float64Array; ys: Float64Array } | null;
  /** Extra marks in data units (iso-cost line, optimum), drawn under the handle. */
  overlay?: (x: (v: number) => number, y: (v: number) => number) => ReactNode;
}

/**
 * A unit-square curve (ROC or PR) drawn once per score set, with a draggable handle that is
 * also a keyboard slider. Dragging only moves the handle; the path is memoised on the data.
 */
export function CurveChart(props: CurveChartProps) {
  const { xs, ys, index, nearestIndex, onIndexChange } = props;
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, PLOT]), []);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([PLOT_H, 0]), []);
  const path = useMemo(() => decimatedPath(xs, ys, x, y), [xs, ys, x, y]);

  const compare = props.compare ?? null;
  const comparePath = useMemo(() => (compare ? decimatedPath(compare.xs, compare.ys, x, y) : ''), [compare, x, y]);
  const svgRef = useRef<SVGSVGElement | null>(null);
  // Pointer moves are coalesced into one update per animation frame.
  const { startDrag, svgHandlers } = usePointerDrag(svgRef, CHART_SIZE, (p) =>
    onIndexChange(nearestIndex(clamp01(x.invert(p.x - MARGIN.left)), clamp01(y.invert(p.y - MARGIN.top)))),
  );
  const onPointerDown = startDrag(0);

  const last = xs.length - 1;
  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    const steps: Record<string, number> = { ArrowRight: 1, ArrowUp: 1, ArrowLeft: -1, ArrowDown: -1, PageUp: 10, PageDown: -10 };
    let next: number | null = null;
    if (event.key in steps) next = index + steps[event.key];
    if (event.key === 'Home') next = 0;
    if (event.key === 'End') next = last;
    if (next === null) return;
    event.preventDefault();
    onIndexChange(Math.min(last, Math.max(0, next)));
  };

  const { xLabel, yLabel, baseline } = props;
  const base = useMemo(
    () => (
      <g transform={`translate(${MARGIN.left},${MARGIN.top})`}>
        <rect className="plot-area" width={PLOT} height={PLOT_H} onPointerDown={onPointerDown} />
        <Axes x={x} y={y} width={PLOT} height={PLOT_H} xLabel={xLabel} yLabel={yLabel} />
        <line className="baseline" x1={x(baseline.x1)} y1={y(baseline.y1)} x2={x(baseline.x2)} y2={y(baseline.y2)} />
        {compare && <path className="curve compare" data-testid={`${props.testId}-compare`} d={comparePath} />}
        <path className="curve" d={path} />
      </g>
    ),
    // onPointerDown only starts a drag through refs, so the first one stays valid.
    [x, y, xLabel, yLabel, baseline.x1, baseline.y1, baseline.x2, baseline.y2, compare, comparePath, path, props.testId],
  );
  const hx = x(xs[index] ?? 0);
  const hy = y(ys[index] ?? 0);
  return (
    <LayeredChart
      testId={props.testId}
      title={props.title}
      description={props.description}
      className="chart"
      width={CHART_SIZE}
      height={CHART_SIZE}
      margin={MARGIN}
      svgRef={svgRef}
      svgHandlers={svgHandlers}
      base={base}
      overlay={
        <>
          <clipPath id={`${props.testId}-clip`}>
            <rect width={PLOT} height={PLOT_H} />
          </clipPath>
          <g clipPath={`url(#${props.testId}-clip)`}>{props.overlay?.(x, y)}</g>
          <circle
            className="handle"
            data-testid={props.handleTestId}
            cx={hx}
            cy={hy}
            r={8}
            role="slider"
            tabIndex={0}
            aria-label={`${props.title} operating point (threshold)`}
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={props.threshold}
            aria-valuetext={`threshold ${formatThreshold(props.threshold)}`}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          />
        </>
      }
    />
  );
}

/** The SVG path of a curve, decimated to about one point per pixel (never more than half a pixel off). */
function decimatedPath(xs: Float64Array, ys: Float64Array, x: (v: number) => number, y: (v: number) => number): string {
  const kept = decimate(xs, ys, PLOT, PLOT_H, 0.5, []);
  const draw = line<number>()
    .x((i) => x(xs[i]))
    .y((i) => y(ys[i]));
  return draw(Array.from(kept)) ?? '';
}

function clamp01(v: number): number {
  return Math.min(1, Math.max(0, v));
}

/** A threshold as the page shows it: enough digits to tell neighbouring scores apart. */
export function formatThreshold(t: number): string {
  return Number.isFinite(t) ? String(Number(t.toPrecision(6))) : String(t);
}

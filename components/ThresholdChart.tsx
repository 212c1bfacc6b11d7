import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { usePointerDrag } from './hooks/usePointerDrag';
import { LayeredChart } from './LayeredChart';
import { formatThreshold } from './CurveChart';

export const WIDE_W = 460;
export const WIDE_H = 220;
export const WIDE_MARGIN = { top: 10, right: 12, bottom: 34, left: 44 };
const PLOT_W = WIDE_W - WIDE_MARGIN.left - WIDE_MARGIN.right;
const PLOT_H = WIDE_H - WIDE_MARGIN.top - WIDE_MARGIN.bottom;

/** The x scale of every threshold chart, fixed so chart bodies can be memoised once per data set. */
export const THRESHOLD_X: ScaleLinear<number, number> = scaleLinear().domain([0, 1]).range([0, PLOT_W]);
export const THRESHOLD_PLOT_H = PLOT_H;

export interface ThresholdChartProps {
  testId: string;
  handleTestId: string;
  title: string;
  yLabel: string;
  threshold: number;
  /** Moves the threshold to the operating point nearest to a raw threshold value. */
  onThreshold: (t: number) => void;
  /** Steps the operating point by whole distinct scores (keyboard). */
  onStep: (steps: number) => void;
  description: string;
  /** The chart body, drawn with THRESHOLD_X and THRESHOLD_PLOT_H; memoise it on its data. */
  children: ReactNode;
  legend?: ReactNode;
  /** More draggable lines (the review band's edges), each moving its own value. */
  extraHandles?: ExtraHandle[];
}

export interface ExtraHandle {
  testId: string;
  label: string;
  value: number;
  onChange: (t: number) => void;
  onStep: (steps: number) => void;
}

/**
 * A chart with the threshold on its x axis and a draggable, keyboard-operable threshold line.
 * The body is drawn by the caller and memoised by it; a drag moves only the line.
 */
export function ThresholdChart(props: ThresholdChartProps) {
  const x = THRESHOLD_X;
  const svgRef = useRef<SVGSVGElement | null>(null);
  const { onThreshold, onStep } = props;
  const extras = props.extraHandles ?? [];
  // which: -1 the threshold line, i >= 0 extraHandles[i].
  const { startDrag, svgHandlers } = usePointerDrag(svgRef, WIDE_W, (p, which) => {
    const t = Math.min(1, Math.max(0, x.invert(p.x - WIDE_MARGIN.left)));
    if (which < 0) onThreshold(t);
    else extras[which]?.onChange(t);
  });
  // Higher thresholds sit to the right here, so ArrowRight flags fewer cases.
  const keySteps: Record<string, number> = { ArrowRight: -1, ArrowUp: -1, ArrowLeft: 1, ArrowDown: 1, PageUp: -10, PageDown: 10 };
  const onKeyDown = (step: (steps: number) => void) => (event: KeyboardEvent<SVGElement>) => {
    if (!(event.key in keySteps)) return;
    event.preventDefault();
    step(keySteps[event.key]);
  };
  const handle = (key: string, testId: string, label: string, value: number, which: number, step: (steps: number) => void, className: string) => {
    const hx = x(Math.min(1, Math.max(0, value)));
    return (
      <g
        key={key}
        className={className}
        data-testid={testId}
        role="slider"
        tabIndex={0}
        aria-label={label}
        aria-valuemin={0}
        aria-valuemax={1}
        aria-valuenow={value}
        aria-valuetext={`${label} ${formatThreshold(value)}`}
        onPointerDown={startDrag(which)}
        onKeyDown={onKeyDown(step)}
      >
        <line x1={hx} x2={hx} y1={0} y2={PLOT_H} />
        <rect className="grip" x={hx - 6} y={0} width={12} height={PLOT_H} />
      </g>
    );
  };

  const { children, yLabel } = props;
  const base = useMemo(
    () => (
      <g transform={`translate(${WIDE_MARGIN.left},${WIDE_MARGIN.top})`}>
        <rect className="plot-area" width={PLOT_W} height={PLOT_H} onPointerDown={startDrag(-1)} />
        {children}
        {x.ticks(10).map((t) => (
          <g key={t} transform={`translate(${x(t)},${PLOT_H})`} className="tick">
            <line y2={5} />
            <text y={17}>{t}</text>
          </g>
        ))}
        <text className="axis-label" x={PLOT_W / 2} y={PLOT_H + 31} textAnchor="middle">
          threshold (score ≥ t is positive)
        </text>
        <text className="axis-label" transform={`translate(-32,${PLOT_H / 2}) rotate(-90)`} textAnchor="middle">
          {yLabel}
        </text>
      </g>
    ),
    // startDrag only reaches refs, so the first render's handler stays valid.
    [children, yLabel],
  );
  return (
    <LayeredChart
      testId={props.testId}
      title={props.title}
      description={props.description}
      className="chart wide"
      width={WIDE_W}
      height={WIDE_H}
      margin={WIDE_MARGIN}
      svgRef={svgRef}
      svgHandlers={svgHandlers}
      base={base}
      overlay={
        <>
          {extras.map((h, i) => handle(h.testId, h.testId, h.label, h.value, i, h.onStep, 'threshold-line band-line'))}
          {handle('threshold', props.handleTestId, `${props.title}: threshold`, props.threshold, -1, onStep, 'threshold-line')}
        </>
      }
    >
      {props.legend}
    </LayeredChart>
  );
}

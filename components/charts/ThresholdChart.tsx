import { scaleLinear, type ScaleLinear } from 'd3';
import { memo, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { keyStep } from './CurveChart';
import { formatThreshold } from '../common/format';
import { HoverReadout, type HoverPoint } from './HoverReadout';
import { usePointerDrag } from '../hooks/usePointerDrag';
import { LayeredChart } from './LayeredChart';
import { useThreshold } from '../cockpit/threshold-store';

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
  curve: ScoreCurve;
  /** Moves the threshold to the operating point nearest to a raw threshold value. */
  onThreshold: (t: number) => void;
  /** Moves the threshold to operating point k (keyboard steps). */
  onIndexChange: (index: number) => void;
  /** The handle's spoken value: the numbers at the current threshold. */
  describe: (threshold: number) => string;
  /** The chart body, drawn with THRESHOLD_X and THRESHOLD_PLOT_H; memoise it on its data. */
  children: ReactNode;
  legend?: ReactNode;
  /** More draggable lines (the review band's edges), each moving its own value. */
  extraHandles?: ExtraHandle[];
  /** The range the cost-optimal cutoff moves over across folds or resamples, shaded on the axis. */
  stability?: { low: number; high: number; label: string } | null;
}

export interface ExtraHandle {
  testId: string;
  label: string;
  value: number;
  onChange: (t: number) => void;
  /** The value `steps` operating points away (keyboard); Home/End pass ±Infinity. */
  onStep: (steps: number) => void;
}

const EXTRA_STEPS: Record<string, number> = { ArrowRight: -1, ArrowUp: -1, ArrowLeft: 1, ArrowDown: 1, PageUp: -10, PageDown: 10, Home: Infinity, End: -Infinity };

/**
 * A chart with the threshold on its x axis and a draggable, keyboard-operable threshold line.
 * The body is drawn by the caller and memoised by it; only the line layer follows the threshold.
 */
export const ThresholdChart = memo(function ThresholdChart(props: ThresholdChartProps) {
  const x = THRESHOLD_X;
  const svgRef = useRef<SVGSVGElement | null>(null);
  const { curve, onThreshold } = props;
  const extras = props.extraHandles ?? [];
  const [hover, setHover] = useState<HoverPoint | null>(null);
  const tAt = (px: number) => Math.min(1, Math.max(0, x.invert(px - WIDE_MARGIN.left)));
  // which: -1 the threshold line, i >= 0 extraHandles[i].
  const { startDrag, svgHandlers } = usePointerDrag(
    svgRef,
    WIDE_W,
    (p, which) => {
      const t = tAt(p.x);
      if (which < 0) onThreshold(t);
      else extras[which]?.onChange(t);
    },
    (p) => {
      if (!p) return setHover(null);
      const k = curve.indexAt(tAt(p.x));
      const t = Math.min(1, Math.max(0, curve.thresholdAtIndex(k)));
      setHover({ index: k, left: (WIDE_MARGIN.left + x(t)) / WIDE_W, top: 0.1 });
    },
  );
  const [onPlotDown] = useState(() => startDrag(-1, true));

  const { children, yLabel, stability } = props;
  const base = useMemo(
    () => (
      <g transform={`translate(${WIDE_MARGIN.left},${WIDE_MARGIN.top})`}>
        <rect className="plot-area" width={PLOT_W} height={PLOT_H} onPointerDown={onPlotDown} />
        {stability && Number.isFinite(stability.low) && (
          <rect
            className="threshold-stability"
            data-testid={`${props.testId}-stability`}
            x={x(stability.low)}
            y={PLOT_H - 6}
            width={Math.max(2, x(stability.high) - x(stability.low))}
            height={6}
          >
            <title>{stability.label}</title>
          </rect>
        )}
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
    [children, yLabel, onPlotDown, x, stability, props.testId],
  );
  return (
    <LayeredChart
      testId={props.testId}
      title={props.title}
      summary={`${yLabel} by threshold; drag the line or use the arrow keys to move the threshold.`}
      className="chart wide"
      width={WIDE_W}
      height={WIDE_H}
      margin={WIDE_MARGIN}
      svgRef={svgRef}
      svgHandlers={svgHandlers}
      base={base}
      overlay={
        <>
          {extras.map((h, i) => (
            <LineHandle
              key={h.testId}
              testId={h.testId}
              label={h.label}
              value={h.value}
              valueText={`${h.label} ${formatThreshold(h.value)}`}
              className="threshold-line band-line"
              onPointerDown={startDrag(i)}
              onKey={(key) => {
                const steps = EXTRA_STEPS[key];
                if (steps === undefined) return false;
                h.onStep(steps);
                return true;
              }}
            />
          ))}
          <MainLine {...props} onPointerDown={startDrag(-1)} />
        </>
      }
      popup={<HoverReadout curve={curve} point={hover} />}
    >
      {props.legend}
    </LayeredChart>
  );
});

/** The threshold line: the one part of a threshold chart that follows the threshold. */
function MainLine({ curve, handleTestId, title, describe, onIndexChange, onPointerDown }: ThresholdChartProps & { onPointerDown: (e: React.PointerEvent<SVGElement>) => void }) {
  const threshold = useThreshold();
  const index = curve.indexAt(threshold);
  return (
    <LineHandle
      testId={handleTestId}
      label={`${title}: threshold`}
      value={threshold}
      valueText={describe(threshold)}
      className="threshold-line"
      onPointerDown={onPointerDown}
      onKey={(key) => {
        // Higher thresholds sit to the right here, so ArrowRight flags fewer cases.
        const next = keyStep(key, index, curve.thresholds.length, -1);
        if (next === null) return false;
        onIndexChange(next);
        return true;
      }}
    />
  );
}

interface LineHandleProps {
  testId: string;
  label: string;
  value: number;
  valueText: string;
  className: string;
  onPointerDown: (e: React.PointerEvent<SVGElement>) => void;
  /** Handles a key; true when it moved the line. */
  onKey: (key: string) => boolean;
}

function LineHandle({ testId, label, value, valueText, className, onPointerDown, onKey }: LineHandleProps) {
  const hx = THRESHOLD_X(Math.min(1, Math.max(0, value)));
  return (
    <g
      className={className}
      data-testid={testId}
      role="slider"
      tabIndex={0}
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={value}
      aria-valuetext={valueText}
      onPointerDown={onPointerDown}
      onKeyDown={(event: KeyboardEvent<SVGElement>) => {
        if (onKey(event.key)) event.preventDefault();
      }}
    >
      <rect className="focus-ring" x={hx - 7} y={-3} width={14} height={PLOT_H + 6} rx={4} />
      <line x1={hx} x2={hx} y1={0} y2={PLOT_H} />
      <rect className="grip" x={hx - 6} y={0} width={12} height={PLOT_H} />
    </g>
  );
}

import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { useMemo, useRef, type KeyboardEvent, type PointerEvent, type ReactNode } from 'react';
import { formatThreshold } from './CurveChart';

export const WIDE_W = 460;
export const WIDE_H = 220;
export const WIDE_MARGIN = { top: 10, right: 12, bottom: 34, left: 44 };
const PLOT_W = WIDE_W - WIDE_MARGIN.left - WIDE_MARGIN.right;
const PLOT_H = WIDE_H - WIDE_MARGIN.top - WIDE_MARGIN.bottom;

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
  /** Draws the chart body given the shared scales. */
  children: (x: ScaleLinear<number, number>, plotHeight: number) => ReactNode;
  legend?: ReactNode;
}

/**
 * A chart with the threshold on its x axis and a draggable, keyboard-operable threshold line.
 * The body is drawn by the caller and memoised by it; a drag moves only the line.
 */
export function ThresholdChart(props: ThresholdChartProps) {
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, PLOT_W]), []);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const dragging = useRef(false);
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  const { onThreshold, onStep } = props;

  const flush = () => {
    frame.current = 0;
    if (pending.current !== null) onThreshold(pending.current);
  };
  const thresholdAt = (event: PointerEvent<SVGElement>) => {
    const svg = svgRef.current;
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const px = ((event.clientX - box.left) * WIDE_W) / box.width - WIDE_MARGIN.left;
    return Math.min(1, Math.max(0, x.invert(px)));
  };
  const onPointerMove = (event: PointerEvent<SVGElement>) => {
    if (!dragging.current) return;
    pending.current = thresholdAt(event);
    if (frame.current === 0) frame.current = requestAnimationFrame(flush);
  };
  const onPointerDown = (event: PointerEvent<SVGElement>) => {
    dragging.current = true;
    svgRef.current?.setPointerCapture(event.pointerId);
    onPointerMove(event);
  };
  const onPointerUp = (event: PointerEvent<SVGElement>) => {
    if (!dragging.current) return;
    dragging.current = false;
    svgRef.current?.releasePointerCapture(event.pointerId);
    if (frame.current !== 0) cancelAnimationFrame(frame.current);
    flush();
  };
  const onKeyDown = (event: KeyboardEvent<SVGElement>) => {
    // Higher thresholds sit to the right here, so ArrowRight flags fewer cases.
    const steps: Record<string, number> = { ArrowRight: -1, ArrowUp: -1, ArrowLeft: 1, ArrowDown: 1, PageUp: -10, PageDown: 10 };
    if (!(event.key in steps)) return;
    event.preventDefault();
    onStep(steps[event.key]);
  };

  const tx = x(Math.min(1, Math.max(0, props.threshold)));
  return (
    <figure className="chart wide" data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <svg
        ref={svgRef}
        viewBox={`0 0 ${WIDE_W} ${WIDE_H}`}
        role="img"
        aria-label={`${props.title}. ${props.description}`}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
      >
        <g transform={`translate(${WIDE_MARGIN.left},${WIDE_MARGIN.top})`}>
          <rect className="plot-area" width={PLOT_W} height={PLOT_H} onPointerDown={onPointerDown} />
          {props.children(x, PLOT_H)}
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
            {props.yLabel}
          </text>
          <g
            className="threshold-line"
            data-testid={props.handleTestId}
            role="slider"
            tabIndex={0}
            aria-label={`${props.title}: threshold`}
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={props.threshold}
            aria-valuetext={`threshold ${formatThreshold(props.threshold)}`}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          >
            <line x1={tx} x2={tx} y1={0} y2={PLOT_H} />
            <rect className="grip" x={tx - 6} y={0} width={12} height={PLOT_H} />
          </g>
        </g>
      </svg>
      {props.legend}
    </figure>
  );
}

import { scaleLinear, line } from 'd3';
import { useMemo, useRef, type KeyboardEvent } from 'react';
import { nearestRocIndex } from '../../src/metrics/chart-points';
import type { GroupRoc } from '../../src/metrics/group-roc';
import { formatThreshold } from '../common/format';
import { usePointerDrag } from '../hooks/usePointerDrag';

const SIZE = 180;
const M = { top: 8, right: 8, bottom: 24, left: 28 };
const W = SIZE - M.left - M.right;
const H = SIZE - M.top - M.bottom;
/** The plot's size, for the worker that decimates each group's path. */
export const GROUP_ROC_PIXELS = { width: W, height: H };

interface GroupRocChartProps {
  group: string;
  /** The group's ROC points and drawn path (src/metrics/group-roc.ts). */
  roc: GroupRoc;
  /** The group's operating point (ScoreCurve.indexAt on its own curve) and threshold. */
  index: number;
  threshold: number;
  /** A new operating point chosen by drag or keyboard. */
  onIndexChange: (index: number) => void;
}

/** A small ROC of one group with its own draggable operating point (also a keyboard slider). */
export function GroupRocChart({ group, roc: points, index, threshold, onIndexChange }: GroupRocChartProps) {
  const x = useMemo(() => scaleLinear().domain([0, 1]).range([0, W]), []);
  const y = useMemo(() => scaleLinear().domain([0, 1]).range([H, 0]), []);
  const path = useMemo(
    () =>
      line<number>()
        .x((i) => x(points.rocX[i]))
        .y((i) => y(points.rocY[i]))(Array.from(points.path)) ?? '',
    [points, x, y],
  );
  const svgRef = useRef<SVGSVGElement | null>(null);
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const { startDrag, svgHandlers } = usePointerDrag(svgRef, SIZE, (p) => onIndexChange(nearestRocIndex(points, clamp(x.invert(p.x - M.left)), clamp(y.invert(p.y - M.top)))));
  const onPointerDown = startDrag(0);
  const last = points.rocX.length - 1;
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
  return (
    <figure className="chart group-roc" data-testid="group-roc" data-group={group}>
      <figcaption>ROC of {group}</figcaption>
      <svg ref={svgRef} viewBox={`0 0 ${SIZE} ${SIZE}`} style={{ maxWidth: 2 * SIZE }} role="group" aria-label={`ROC curve of group ${group}`} {...svgHandlers}>
        <g transform={`translate(${M.left},${M.top})`}>
          <rect className="plot-area" width={W} height={H} onPointerDown={onPointerDown} />
          <line className="baseline" x1={x(0)} y1={y(0)} x2={x(1)} y2={y(1)} />
          <text className="axis-label" x={W / 2} y={H + 18} textAnchor="middle" fontSize={10}>
            false positive rate
          </text>
          <text className="axis-label" transform={`translate(-16,${H / 2}) rotate(-90)`} textAnchor="middle" fontSize={10}>
            recall
          </text>
          <path className="curve" d={path} />
          <circle
            className="handle"
            data-testid="group-handle"
            data-group={group}
            cx={x(points.rocX[index] ?? 0)}
            cy={y(points.rocY[index] ?? 0)}
            r={7}
            role="slider"
            tabIndex={0}
            aria-label={`Operating point of group ${group} (threshold)`}
            aria-valuemin={0}
            aria-valuemax={1}
            aria-valuenow={threshold}
            aria-valuetext={`threshold ${formatThreshold(threshold)}`}
            onPointerDown={onPointerDown}
            onKeyDown={onKeyDown}
          />
        </g>
      </svg>
    </figure>
  );
}

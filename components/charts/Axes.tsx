import type { ScaleLinear } from 'd3';

interface AxesProps {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  width: number;
  height: number;
  xLabel: string;
  yLabel: string;
  ticks?: number;
}

/** Ticks and axis titles of a plot area whose origin is its top-left corner. */
export function Axes({ x, y, width, height, xLabel, yLabel, ticks = 5 }: AxesProps) {
  return (
    <g className="axes">
      {x.ticks(ticks).map((t) => (
        <g key={`x${t}`} transform={`translate(${x(t)},${height})`} className="tick">
          <line y2={5} />
          <text y={17}>{t}</text>
        </g>
      ))}
      {y.ticks(ticks).map((t) => (
        <g key={`y${t}`} transform={`translate(0,${y(t)})`} className="tick">
          <line x2={-5} />
          <text x={-8} dy="0.32em" textAnchor="end">
            {y.tickFormat(ticks)(t)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={width / 2} y={height + 34} textAnchor="middle">
        {xLabel}
      </text>
      <text className="axis-label" transform={`translate(-36,${height / 2}) rotate(-90)`} textAnchor="middle">
        {yLabel}
      </text>
    </g>
  );
}

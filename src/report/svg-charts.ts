/**
 * The report's charts as SVG text, built without a DOM so `cutoff report` draws them in Node:
 * the same d3 scales and line generator as the page's charts, a fixed frame, axes with a few
 * ticks, and a title and description for screen readers and mail clients without images.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';

export const FRAME = { width: 320, height: 230, top: 12, right: 14, bottom: 40, left: 50 } as const;
const PLOT_W = FRAME.width - FRAME.left - FRAME.right;
const PLOT_H = FRAME.height - FRAME.top - FRAME.bottom;

/** Colours with at least 4.5:1 contrast on white. */
export const COLOURS = { positive: '#b3261e', negative: '#1f5fa8', model: '#1b1b1b', reference: '#5f6368', point: '#b3261e', other: '#6a3d9a' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A coordinate as written: two decimals are a hundredth of a pixel. */
const px = (v: number): string => String(Math.round(v * 100) / 100);

export interface Axes {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
}

export function axesFor(xDomain: [number, number], yDomain: [number, number]): Axes {
  return { x: scaleLinear().domain(xDomain).range([0, PLOT_W]), y: scaleLinear().domain(yDomain).range([PLOT_H, 0]) };
}

/** A polyline through the points (skipping non-finite ones as gaps). */
export function pathOf(axes: Axes, xs: readonly number[], ys: readonly (number | null)[]): string {
  const points = xs.map((x, i) => [x, ys[i]] as const);
  const draw = line<readonly [number, number | null]>()
    .defined(([x, y]) => Number.isFinite(x) && y !== null && Number.isFinite(y))
    .x(([x]) => axes.x(x))
    .y(([, y]) => axes.y(y ?? 0))
    .digits(2);
  return draw(points) ?? '';
}

function axisMarks(axes: Axes, xLabel: string, yLabel: string): string {
  const xs = axes.x.ticks(5);
  const ys = axes.y.ticks(5);
  // Text inside the axis group must not take its stroke: stroked glyphs print bold and blurred.
  const tickX = xs
    .map(
      (t) =>
        `<line x1="${px(axes.x(t))}" x2="${px(axes.x(t))}" y1="${PLOT_H}" y2="${PLOT_H + 4}"/><text stroke="none" x="${px(axes.x(t))}" y="${PLOT_H + 16}" text-anchor="middle">${t}</text>`,
    )
    .join('');
  const tickY = ys
    .map((t) => `<line x1="-4" x2="0" y1="${px(axes.y(t))}" y2="${px(axes.y(t))}"/><text stroke="none" x="-7" y="${px(axes.y(t) + 4)}" text-anchor="end">${t}</text>`)
    .join('');
  return (
    `<g class="axis" stroke="${COLOURS.reference}" fill="${COLOURS.reference}" stroke-width="1">` +
    `<line x1="0" x2="${PLOT_W}" y1="${PLOT_H}" y2="${PLOT_H}"/><line x1="0" x2="0" y1="0" y2="${PLOT_H}"/>${tickX}${tickY}</g>` +
    `<text class="axis-label" x="${PLOT_W / 2}" y="${PLOT_H + 33}" text-anchor="middle">${escapeHtml(xLabel)}</text>` +
    `<text class="axis-label" transform="translate(-38 ${PLOT_H / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(yLabel)}</text>`
  );
}

export interface ChartSpec {
  id: string;
  title: string;
  /** The alt text: what the chart shows, in a sentence. */
  description: string;
  axes: Axes;
  xLabel: string;
  yLabel: string;
  /** SVG marks in plot coordinates (built with the axes). */
  marks: string;
  /** Legend entries: colour, dashed?, label. */
  legend?: { colour: string; dashed?: boolean; label: string }[];
  /** Put the legend top left (when the marks crowd the right). */
  legendLeft?: boolean;
}

/** A whole chart: frame, axes, marks, legend, with role="img" and its title and description. */
export function chartSvg(spec: ChartSpec): string {
  const entries = spec.legend ?? [];
  // A white card behind the legend keeps it readable over bars and lines.
  const left = spec.legendLeft ? 4 : PLOT_W - 122;
  const card = entries.length > 0 ? `<rect x="${left}" y="-2" width="122" height="${entries.length * 15 + 4}" fill="#ffffff" fill-opacity="0.9"/>` : '';
  const legend = entries
    .map(
      (l, i) =>
        `<g transform="translate(${left + 4} ${8 + i * 15})"><line x1="0" x2="16" y1="-4" y2="-4" stroke="${l.colour}" stroke-width="2"${l.dashed ? ' stroke-dasharray="4 3"' : ''}/><text x="20" y="0">${escapeHtml(l.label)}</text></g>`,
    )
    .join('');
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${FRAME.width} ${FRAME.height}" width="${FRAME.width}" height="${FRAME.height}" role="img" aria-labelledby="${spec.id}-t ${spec.id}-d">` +
    `<title id="${spec.id}-t">${escapeHtml(spec.title)}</title><desc id="${spec.id}-d">${escapeHtml(spec.description)}</desc>` +
    `<g transform="translate(${FRAME.left} ${FRAME.top})" font-size="10" font-family="inherit">` +
    `${axisMarks(spec.axes, spec.xLabel, spec.yLabel)}${spec.marks}${card}${legend}</g></svg>`
  );
}

/** A line mark. */
export function pathMark(d: string, colour: string, options: { dashed?: boolean; width?: number } = {}): string {
  return `<path d="${d}" fill="none" stroke="${colour}" stroke-width="${options.width ?? 1.6}"${options.dashed ? ' stroke-dasharray="4 3"' : ''}/>`;
}

/** The operating point: a ringed dot. */
export function pointMark(axes: Axes, x: number, y: number): string {
  return `<circle cx="${px(axes.x(x))}" cy="${px(axes.y(y))}" r="5" fill="${COLOURS.point}" stroke="#ffffff" stroke-width="1.5"/>`;
}

/** A vertical rule at x across the plot, with a label at its top. */
export function ruleMark(axes: Axes, x: number, colour: string, label: string, dashed = false): string {
  const at = px(axes.x(x));
  return `<line x1="${at}" x2="${at}" y1="0" y2="${PLOT_H}" stroke="${colour}" stroke-width="1.4"${dashed ? ' stroke-dasharray="3 3"' : ''}/><text x="${at}" y="-2" text-anchor="middle" fill="${colour}">${escapeHtml(label)}</text>`;
}

/** A bar from (x0, 0) to (x1, y). */
export function barMark(axes: Axes, x0: number, x1: number, y: number, colour: string, opacity: number): string {
  const top = axes.y(y);
  return `<rect x="${px(axes.x(x0))}" y="${px(top)}" width="${px(Math.max(0, axes.x(x1) - axes.x(x0) - 0.5))}" height="${px(PLOT_H - top)}" fill="${colour}" fill-opacity="${opacity}"/>`;
}

/** A dot of radius r. */
export function dotMark(axes: Axes, x: number, y: number, colour: string, r = 3.5): string {
  return `<circle cx="${px(axes.x(x))}" cy="${px(axes.y(y))}" r="${r}" fill="${colour}"/>`;
}

import type { PointerEventHandler, ReactNode, RefObject } from 'react';

interface LayeredChartProps {
  testId: string;
  title: string;
  /** Text alternative of the static body: what the chart shows. */
  summary: string;
  className: string;
  width: number;
  height: number;
  margin: { left: number; top: number };
  svgRef: RefObject<SVGSVGElement | null>;
  svgHandlers: {
    onPointerMove: PointerEventHandler<SVGElement>;
    onPointerUp: PointerEventHandler<SVGElement>;
    onPointerCancel: PointerEventHandler<SVGElement>;
    onPointerLeave: PointerEventHandler<SVGElement>;
  };
  /** Drawn once per data set (memoise it). */
  base: ReactNode;
  /** The parts that move on a drag (a component that subscribes to the threshold itself). */
  overlay: ReactNode;
  /** HTML over the chart, e.g. the hover readout. */
  popup?: ReactNode;
  children?: ReactNode;
}

/**
 * A chart in two stacked SVG layers with one coordinate system: the static body below, the
 * handles above in a compositing layer of their own, so a drag repaints only the handles.
 */
export function LayeredChart(props: LayeredChartProps) {
  const { width, height, margin } = props;
  return (
    <figure className={props.className} data-testid={props.testId}>
      <figcaption>{props.title}</figcaption>
      <div className="chart-stack">
        <svg ref={props.svgRef} viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${props.title}: ${props.summary}`} {...props.svgHandlers}>
          {props.base}
        </svg>
        <svg className="overlay" viewBox={`0 0 ${width} ${height}`}>
          <g transform={`translate(${margin.left},${margin.top})`}>{props.overlay}</g>
        </svg>
        {props.popup}
      </div>
      {props.children}
    </figure>
  );
}

import { useRef, type PointerEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The pointer in the SVG's own viewBox units. */
export interface ViewBoxPoint {
  x: number;
  y: number;
}

/**
 * Dragging inside an SVG with pointer capture, coalesced to one update per animation frame:
 * however fast the pointer moves, `apply` runs at most once a frame, with the latest position.
 * `which` tells apart several draggable things in one chart.
 */
export function usePointerDrag(
  svgRef: RefObject<SVGSVGElement | null>,
  viewBoxWidth: number,
  apply: (point: ViewBoxPoint, which: number) => void,
) {
  const dragging = useRef<number | null>(null);
  const pending = useRef<ViewBoxPoint | null>(null);
  const frame = useRef(0);
  const applyRef = useRef(apply);
  applyRef.current = apply;

  // Rendered synchronously inside the animation frame: left to React's scheduler, the update
  // would land in a later task and miss this frame's paint.
  const flush = () => {
    frame.current = 0;
    const point = pending.current;
    const which = dragging.current;
    if (point && which !== null) flushSync(() => applyRef.current(point, which));
  };
  const toViewBox = (event: PointerEvent<SVGElement>): ViewBoxPoint | null => {
    const svg = svgRef.current;
    if (!svg) return null;
    const box = svg.getBoundingClientRect();
    const scale = viewBoxWidth / box.width;
    return { x: (event.clientX - box.left) * scale, y: (event.clientY - box.top) * scale };
  };
  const onPointerMove = (event: PointerEvent<SVGElement>) => {
    if (dragging.current === null) return;
    pending.current = toViewBox(event);
    if (frame.current === 0) frame.current = requestAnimationFrame(flush);
  };
  const startDrag = (which: number) => (event: PointerEvent<SVGElement>) => {
    event.stopPropagation();
    dragging.current = which;
    svgRef.current?.setPointerCapture(event.pointerId);
    onPointerMove(event);
  };
  const onPointerUp = (event: PointerEvent<SVGElement>) => {
    if (dragging.current === null) return;
    if (frame.current !== 0) cancelAnimationFrame(frame.current);
    flush();
    dragging.current = null;
    svgRef.current?.releasePointerCapture(event.pointerId);
  };
  return { startDrag, svgHandlers: { onPointerMove, onPointerUp, onPointerCancel: onPointerUp } };
}

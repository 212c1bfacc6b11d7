import { useRef, useState, type PointerEvent, type RefObject } from 'react';
import { flushSync } from 'react-dom';

/** The pointer in the SVG's own viewBox units. */
export interface ViewBoxPoint {
  x: number;
  y: number;
}

/** A touch held this long on the plot reads out the point under it instead of selecting it. */
const TOUCH_HOLD_MS = 350;

/**
 * Dragging inside an SVG with pointer capture, coalesced to one update per animation frame:
 * however fast the pointer moves, `apply` runs at most once a frame, with the latest position.
 * `which` tells apart several draggable things in one chart. Without a button pressed, moves
 * go to `hover` (null when the pointer leaves); a touch held still on the plot reads out too.
 */
export function usePointerDrag(
  svgRef: RefObject<SVGSVGElement | null>,
  viewBoxWidth: number,
  apply: (point: ViewBoxPoint, which: number) => void,
  hover?: (point: ViewBoxPoint | null) => void,
) {
  const dragging = useRef<number | null>(null);
  const pending = useRef<ViewBoxPoint | null>(null);
  const hovered = useRef<ViewBoxPoint | null>(null);
  const frame = useRef(0);
  const hoverFrame = useRef(0);
  const touchTimer = useRef(0);
  // A touch on the plot: 'pending' until it is held (→ 'readout') or released (→ select).
  const touch = useRef<'pending' | 'readout' | null>(null);
  const applyRef = useRef(apply);
  applyRef.current = apply;
  const hoverRef = useRef(hover);
  hoverRef.current = hover;
  const widthRef = useRef(viewBoxWidth);
  widthRef.current = viewBoxWidth;
  // Built once: every handler reads the latest values through refs, so memoised chart bodies
  // can hold on to them.
  const [handlers] = useState(() => {
    // Rendered synchronously inside the animation frame: left to React's scheduler, the update
    // would land in a later task and miss this frame's paint.
    const flush = () => {
      frame.current = 0;
      const point = pending.current;
      const which = dragging.current;
      if (point && which !== null) {
        // A user-timing mark the drag benchmark times the frame's work from (costs a microsecond).
        performance.mark('cutoff:drag-frame');
        flushSync(() => applyRef.current(point, which));
        performance.mark('cutoff:drag-frame-committed');
      }
    };
    const flushHover = () => {
      hoverFrame.current = 0;
      hoverRef.current?.(hovered.current);
    };
    const scheduleHover = (point: ViewBoxPoint | null) => {
      hovered.current = point;
      if (hoverFrame.current === 0) hoverFrame.current = requestAnimationFrame(flushHover);
    };
    const toViewBox = (event: PointerEvent<SVGElement>): ViewBoxPoint | null => {
      const svg = svgRef.current;
      if (!svg) return null;
      const box = svg.getBoundingClientRect();
      const scale = widthRef.current / box.width;
      return { x: (event.clientX - box.left) * scale, y: (event.clientY - box.top) * scale };
    };
    const onPointerMove = (event: PointerEvent<SVGElement>) => {
      if (touch.current !== null) {
        pending.current = toViewBox(event);
        if (touch.current === 'readout') scheduleHover(pending.current);
        return;
      }
      if (dragging.current === null) {
        if (event.pointerType !== 'touch') scheduleHover(toViewBox(event));
        return;
      }
      pending.current = toViewBox(event);
      if (frame.current === 0) frame.current = requestAnimationFrame(flush);
    };
    const startDrag =
      (which: number, fromPlot = false) =>
      (event: PointerEvent<SVGElement>) => {
        event.stopPropagation();
        svgRef.current?.setPointerCapture(event.pointerId);
        scheduleHover(null);
        if (fromPlot && event.pointerType === 'touch' && hoverRef.current) {
          touch.current = 'pending';
          pending.current = toViewBox(event);
          touchTimer.current = window.setTimeout(() => {
            touch.current = 'readout';
            scheduleHover(pending.current);
          }, TOUCH_HOLD_MS);
          dragging.current = which;
          return;
        }
        dragging.current = which;
        onPointerMove(event);
      };
    const onPointerUp = (event: PointerEvent<SVGElement>) => {
      window.clearTimeout(touchTimer.current);
      const wasTouch = touch.current;
      touch.current = null;
      if (dragging.current === null) return;
      if (wasTouch === 'readout') scheduleHover(null);
      else {
        if (frame.current !== 0) cancelAnimationFrame(frame.current);
        flush();
      }
      dragging.current = null;
      svgRef.current?.releasePointerCapture(event.pointerId);
    };
    const onPointerLeave = () => {
      if (dragging.current === null) scheduleHover(null);
    };
    return { startDrag, svgHandlers: { onPointerMove, onPointerUp, onPointerCancel: onPointerUp, onPointerLeave } };
  });
  return handlers;
}

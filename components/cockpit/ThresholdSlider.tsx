import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { ScoreCurve } from '../../src/metrics';
import { keyStep } from '../charts/CurveChart';
import { useThreshold } from './threshold-store';

interface ThresholdSliderProps {
  curve: ScoreCurve;
  /** Moves the threshold to operating point k. */
  onIndex: (k: number) => void;
  /** The numbers at a threshold, in words, for the spoken value. */
  describe: (threshold: number) => string;
}

/**
 * The strip's handle: the threshold on a 0–1 track, so it can be dragged while a view of the
 * second area is on screen and the curves' handles are scrolled away. The track is linear in
 * the threshold, as the threshold axes below are; the keys step one distinct score, as every
 * other handle does.
 */
export function ThresholdSlider({ curve, onIndex, describe }: ThresholdSliderProps) {
  const threshold = useThreshold();
  const index = curve.indexAt(threshold);
  // A range input fires on every pointer move (120 Hz and more); one update per frame is enough.
  const pending = useRef<number | null>(null);
  const frame = useRef(0);
  const latest = useRef({ curve, onIndex });
  latest.current = { curve, onIndex };
  useEffect(() => () => cancelAnimationFrame(frame.current), []);
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // Right and up raise the threshold, i.e. fewer scores flagged: a lower index.
    const next = keyStep(event.key, index, curve.size, -1);
    if (next === null) return;
    event.preventDefault();
    onIndex(next);
  };
  return (
    <input
      type="range"
      className="threshold-slider"
      data-testid="strip-handle"
      aria-label="Threshold"
      min={0}
      max={1}
      step="any"
      value={Math.min(1, Math.max(0, threshold))}
      aria-valuetext={describe(threshold)}
      onKeyDown={onKeyDown}
      onChange={(e) => {
        pending.current = e.target.valueAsNumber;
        if (frame.current !== 0) return;
        frame.current = requestAnimationFrame(() => {
          frame.current = 0;
          const t = pending.current;
          if (t !== null && Number.isFinite(t)) latest.current.onIndex(latest.current.curve.indexAt(t));
        });
      }}
    />
  );
}

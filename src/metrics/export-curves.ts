import { chartPoints } from './chart-points';
import { decimate } from './decimate';
import { niceThresholdAtIndex } from './nice-threshold';
import type { ScoreCurve } from './score-curve';

/** A curve small enough to ship in the export: points and the threshold that realises each. */
export interface CurveSummary {
  roc: { fpr: number[]; tpr: number[]; threshold: number[] };
  pr: { recall: number[]; precision: number[]; threshold: number[] };
}

/**
 * ROC and PR curves decimated as if drawn `sizePx` pixels wide (within half a pixel of the
 * full curve), always keeping the chosen operating point `keep`.
 */
export function summarizeCurve(curve: ScoreCurve, keep: number, sizePx = 200): CurveSummary {
  const p = chartPoints(curve);
  const pick = (xs: Float64Array, ys: Float64Array) => Array.from(decimate(xs, ys, sizePx, sizePx, 0.5, [keep]));
  const rocIdx = pick(p.rocX, p.rocY);
  const prIdx = pick(p.prX, p.prY);
  const threshold = (k: number) => niceThresholdAtIndex(curve.thresholds, k);
  return {
    roc: { fpr: rocIdx.map((k) => p.rocX[k]), tpr: rocIdx.map((k) => p.rocY[k]), threshold: rocIdx.map(threshold) },
    pr: { recall: prIdx.map((k) => p.prX[k]), precision: prIdx.map((k) => p.prY[k]), threshold: prIdx.map(threshold) },
  };
}

import type { CurveCounts } from './chart-points';

/** Weighted counts of each class in equal-width score bins. */
export interface ClassHistogram {
  /** bins + 1 bin edges, ascending. */
  edges: Float64Array;
  positives: Float64Array;
  negatives: Float64Array;
}

/**
 * Histogram of the scores by class, read off a curve's distinct scores and their count
 * increments, so it needs no per-row data. Scores outside [lo, hi] fall in the end bins.
 */
export function classHistogram(curve: CurveCounts & { readonly thresholds: ArrayLike<number> }, bins = 40, lo = 0, hi = 1): ClassHistogram {
  const edges = new Float64Array(bins + 1);
  for (let b = 0; b <= bins; b++) edges[b] = lo + ((hi - lo) * b) / bins;
  const positives = new Float64Array(bins);
  const negatives = new Float64Array(bins);
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < curve.thresholds.length; i++) {
    const position = Math.floor(((curve.thresholds[i] - lo) / (hi - lo)) * bins);
    const b = Math.min(bins - 1, Math.max(0, position));
    positives[b] += curve.cumTp[i] - prevTp;
    negatives[b] += curve.cumFp[i] - prevFp;
    prevTp = curve.cumTp[i];
    prevFp = curve.cumFp[i];
  }
  return { edges, positives, negatives };
}

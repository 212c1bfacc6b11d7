/**
 * Functions only the tests use (the page and the CLI do not): kept as checks beside the
 * code they cross-check, out of src/.
 */
import type { Band, ScoreCurve } from '../../../src/metrics';
import type { CurvePosition } from '../../../src/metrics/targets';

/**
 * The lowest threshold whose precision is at least `target` (the most positives caught while
 * keeping that precision), O(size): precision is not monotone in the threshold, so every
 * distinct score is checked. Operating points with nothing flagged have no precision and are
 * never returned. null when no threshold reaches the target.
 */
export function thresholdForPrecision(curve: ScoreCurve, target: number): (CurvePosition & { precision: number }) | null {
  for (let k = curve.size; k >= 1; k--) {
    const tp = curve.cumTp[k - 1];
    const precision = tp / (tp + curve.cumFp[k - 1]);
    if (precision >= target) return { index: k, threshold: curve.thresholdAtIndex(k), precision };
  }
  return null;
}

/**
 * Expected cost per case of a band: C_FP per flagged negative, C_FN per cleared positive and
 * C_review per reviewed case (review assumed to decide correctly).
 */
export function bandExpectedCost(band: Band, costs: { costFp: number; costFn: number; costReview: number }): number {
  const total = band.flagged.tp + band.flagged.fp + band.review.positives + band.review.negatives + band.cleared.fn + band.cleared.tn;
  if (!(total > 0)) return 0;
  const reviewed = band.review.positives + band.review.negatives;
  return (costs.costFp * band.flagged.fp + costs.costFn * band.cleared.fn + costs.costReview * reviewed) / total;
}

import type { ScoreCurve } from './score-curve';
import { fBeta } from './threshold-metrics';

/** An operating point found by a search: index (as ScoreCurve.indexAt) and its threshold. */
export interface OperatingPoint {
  index: number;
  threshold: number;
}

/**
 * The operating point of maximum F-beta (F1 by default) over every distinct score, O(size).
 * Ties go to the highest threshold (fewest alarms), as in costOptimal. With no positives F is
 * 0 everywhere and the answer is index 0 ("flag nothing").
 */
export function f1Optimal(curve: ScoreCurve, beta: number = 1): OperatingPoint & { f: number } {
  let best = 0;
  let bestF = 0;
  const P = curve.positives;
  for (let k = 1; k <= curve.size; k++) {
    const tp = curve.cumTp[k - 1];
    const fp = curve.cumFp[k - 1];
    const f = fBeta({ tp, fp, tn: 0, fn: P - tp }, beta);
    // Strictly greater, with a little slack so float noise cannot break a real tie.
    if (f > bestF * (1 + 1e-12)) {
      best = k;
      bestF = f;
    }
  }
  return { index: best, threshold: curve.thresholdAtIndex(best), f: bestF };
}

/**
 * The highest threshold whose recall is at least `target` (the fewest alarms that still catch
 * that share of positives), in O(log size) by binary search: recall only grows as the
 * threshold falls. Recall is tp / positives, exactly as the metrics table shows it.
 * Returns null when no threshold reaches the target (target > 1, or no positives and
 * target > 0). A target <= 0 is met by flagging nothing (index 0).
 */
export function thresholdForRecall(curve: ScoreCurve, target: number): (OperatingPoint & { recall: number }) | null {
  if (!(target > 0)) return { index: 0, threshold: curve.thresholdAtIndex(0), recall: 0 };
  const P = curve.positives;
  if (!(P > 0)) return null;
  const m = curve.size;
  if (!(curve.cumTp[m - 1] / P >= target)) return null;
  let lo = 0; // cumTp[lo − 1] / P < target invariant (k = lo fails), k = hi succeeds
  let hi = m;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (curve.cumTp[mid - 1] / P >= target) hi = mid;
    else lo = mid;
  }
  return { index: hi, threshold: curve.thresholdAtIndex(hi), recall: curve.cumTp[hi - 1] / P };
}

/**
 * The lowest threshold whose precision is at least `target` (the most positives caught while
 * keeping that precision), O(size): precision is not monotone in the threshold, so every
 * distinct score is checked. Operating points with nothing flagged have no precision and are
 * never returned. null when no threshold reaches the target.
 */
export function thresholdForPrecision(curve: ScoreCurve, target: number): (OperatingPoint & { precision: number }) | null {
  for (let k = curve.size; k >= 1; k--) {
    const tp = curve.cumTp[k - 1];
    const precision = tp / (tp + curve.cumFp[k - 1]);
    if (precision >= target) return { index: k, threshold: curve.thresholdAtIndex(k), precision };
  }
  return null;
}

/**
 * Whole-curve figures computed from the cumulative counts of a ScoreCurve, without the raw
 * rows: every figure here is a sum over rows that groups exactly by distinct score, so one
 * term per distinct score gives the same value as one term per row.
 */

/** The cumulative counts a ScoreCurve holds: level i is the i-th distinct score, descending. */
export interface CumulativeCounts {
  readonly thresholds: Float64Array;
  readonly cumTp: Float64Array;
  readonly cumFp: Float64Array;
  readonly positives: number;
  readonly negatives: number;
}

/**
 * Area under the ROC curve by the trapezoid rule over all distinct scores, as scikit-learn's
 * roc_auc_score. Ties count one half, which is what the trapezoid gives. NaN when either class
 * has zero total weight (scikit-learn raises there; a number lets views show "—").
 */
export function rocAucOf(c: CumulativeCounts): number {
  const P = c.positives;
  const N = c.negatives;
  if (!(P > 0) || !(N > 0)) return NaN;
  let area = 0;
  let prevTp = 0;
  let prevFp = 0;
  const m = c.thresholds.length;
  for (let i = 0; i < m; i++) {
    const tp = c.cumTp[i];
    const fp = c.cumFp[i];
    area += (fp - prevFp) * (tp + prevTp);
    prevTp = tp;
    prevFp = fp;
  }
  // Scale once at the end; the sum of integer-valued terms is exact for unweighted data.
  return area / (2 * P * N);
}

/**
 * Average precision as scikit-learn's average_precision_score: the step sum
 * Σ (R_i − R_{i−1}) P_i over distinct scores, descending, with no interpolation.
 * With no positives scikit-learn sets recall to 1 everywhere and the sum is 0; so is ours.
 */
export function averagePrecisionOf(c: CumulativeCounts): number {
  const P = c.positives;
  if (!(P > 0)) return 0;
  let sum = 0;
  let prevTp = 0;
  const m = c.thresholds.length;
  for (let i = 0; i < m; i++) {
    const tp = c.cumTp[i];
    const dTp = tp - prevTp;
    // Recall step first, as scikit-learn does: (dTp / P) stays exact when weights are tiny.
    if (dTp > 0) sum += (dTp / P) * (tp / (tp + c.cumFp[i]));
    prevTp = tp;
  }
  return sum;
}

/**
 * Weighted mean squared difference between label and score (scikit-learn brier_score_loss).
 * NaN when a score lies outside [0, 1]: it is a probability score and scikit-learn refuses
 * such input.
 */
export function brierOf(c: CumulativeCounts): number {
  const m = c.thresholds.length;
  if (m === 0 || c.thresholds[0] > 1 || c.thresholds[m - 1] < 0) return NaN;
  const total = c.positives + c.negatives;
  if (!(total > 0)) return NaN;
  let sum = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < m; i++) {
    const s = c.thresholds[i];
    const pos = c.cumTp[i] - prevTp;
    const neg = c.cumFp[i] - prevFp;
    sum += pos * (1 - s) * (1 - s) + neg * s * s;
    prevTp = c.cumTp[i];
    prevFp = c.cumFp[i];
  }
  return sum / total;
}

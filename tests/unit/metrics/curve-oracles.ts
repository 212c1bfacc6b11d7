/**
 * Test oracles: scikit-learn's log_loss, roc_curve and precision_recall_curve, computed from a
 * ScoreCurve's cumulative counts. The app needs none of them (it draws chart-points.ts and
 * reads figures from the curve), so they live here, beside the sklearn fixture tests.
 */
import type { CumulativeCounts } from '../../../src/metrics/curve-summaries';

/** float64 machine epsilon: scikit-learn's log_loss default clip (eps="auto" on float64). */
export const LOG_LOSS_EPS = 2.220446049250313e-16;

/**
 * Weighted mean binary cross-entropy, with scores clipped to [eps, 1 − eps] like scikit-learn
 * log_loss (so 0 and 1 give a large finite loss, not Infinity).
 */
export function logLossOf(c: CumulativeCounts, eps: number = LOG_LOSS_EPS): number {
  const total = c.positives + c.negatives;
  if (!(total > 0)) return NaN;
  const m = c.thresholds.length;
  let sum = 0;
  let prevTp = 0;
  let prevFp = 0;
  for (let i = 0; i < m; i++) {
    const s = Math.min(Math.max(c.thresholds[i], eps), 1 - eps);
    const pos = c.cumTp[i] - prevTp;
    const neg = c.cumFp[i] - prevFp;
    // Skip empty sides so 0 · log(...) never turns into NaN.
    if (pos > 0) sum -= pos * Math.log(s);
    if (neg > 0) sum -= neg * Math.log1p(-s);
    prevTp = c.cumTp[i];
    prevFp = c.cumFp[i];
  }
  return sum / total;
}

/**
 * ROC points exactly as scikit-learn roc_curve(drop_intermediate=False) (>= 1.3): size + 1
 * points, the first (0, 0) at threshold +Infinity. A rate whose class is absent is NaN
 * throughout, as in scikit-learn.
 */
export function rocCurveOf(c: CumulativeCounts): { fpr: Float64Array; tpr: Float64Array; thresholds: Float64Array } {
  const m = c.thresholds.length;
  const fpr = new Float64Array(m + 1);
  const tpr = new Float64Array(m + 1);
  const thresholds = new Float64Array(m + 1);
  thresholds[0] = Infinity;
  thresholds.set(c.thresholds, 1);
  const P = c.positives;
  const N = c.negatives;
  // scikit-learn returns all-NaN rates for a class with no samples (and warns).
  if (N > 0) for (let i = 0; i < m; i++) fpr[i + 1] = c.cumFp[i] / N;
  else fpr.fill(NaN);
  if (P > 0) for (let i = 0; i < m; i++) tpr[i + 1] = c.cumTp[i] / P;
  else tpr.fill(NaN);
  return { fpr, tpr, thresholds };
}

/**
 * Precision–recall points exactly as scikit-learn (>= 1.3) precision_recall_curve: thresholds
 * ascending (size of them), recall decreasing, then a last point (recall 0, precision 1).
 * Precision with nothing predicted positive is 0; with no positives recall is 1 throughout.
 */
export function prCurveOf(c: CumulativeCounts): { precision: Float64Array; recall: Float64Array; thresholds: Float64Array } {
  const m = c.thresholds.length;
  const precision = new Float64Array(m + 1);
  const recall = new Float64Array(m + 1);
  const thresholds = new Float64Array(m);
  const P = c.positives;
  for (let i = 0; i < m; i++) {
    const j = m - 1 - i; // ascending thresholds, decreasing recall
    const tp = c.cumTp[j];
    const predicted = tp + c.cumFp[j];
    precision[i] = predicted !== 0 ? tp / predicted : 0;
    // scikit-learn: with no positives, recall is 1 at every threshold.
    recall[i] = P > 0 ? tp / P : 1;
    thresholds[i] = c.thresholds[j];
  }
  precision[m] = 1;
  recall[m] = 0;
  return { precision, recall, thresholds };
}

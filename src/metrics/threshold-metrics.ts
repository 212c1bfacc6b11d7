import type { Confusion } from './score-curve';

/** Everything the metrics table shows for one threshold. All are plain numbers. */
export interface ThresholdMetrics {
  /** True positive rate, tp / (tp + fn). Same as recall. */
  tpr: number;
  /** False positive rate, fp / (fp + tn). */
  fpr: number;
  /** tp / (tp + fn). */
  recall: number;
  /** Positive predictive value, tp / (tp + fp). */
  precision: number;
  /** True negative rate, tn / (tn + fp). */
  specificity: number;
  /** Negative predictive value, tn / (tn + fn). */
  npv: number;
  /** F-beta at the requested beta (F1 by default). */
  f1: number;
  /** Matthews correlation coefficient. */
  mcc: number;
  /** (tp + tn) / total. */
  accuracy: number;
  /** Mean of the per-class recalls of the classes present (scikit-learn balanced_accuracy_score). */
  balancedAccuracy: number;
  /** Share of cases predicted positive, (tp + fp) / total: the alarm or review queue. */
  queueRate: number;
  /** (C_FP · fp + C_FN · fn) / total: expected cost per case at the observed prevalence. */
  expectedCost: number;
}

/** What one error of each kind costs, in the user's unit. Both finite and >= 0. */
export interface Costs {
  costFp: number;
  costFn: number;
}

/**
 * num / den, or 0 when den is 0. This is scikit-learn's zero_division=0 convention, used for
 * every ratio here: precision with nothing predicted positive is 0, recall with no positives
 * is 0, NPV with nothing predicted negative is 0, and so on. A number (not NaN) keeps tables
 * and exported JSON simple; the counts shown beside it tell the reader why it is 0.
 */
export function safeDivide(num: number, den: number): number {
  return den === 0 ? 0 : num / den;
}

/**
 * F-beta score from counts: (1 + β²)·tp / ((1 + β²)·tp + β²·fn + fp), the harmonic form
 * of scikit-learn's fbeta_score. 0 when tp = 0 (zero_division=0): with no true positives
 * precision or recall is 0, or both are undefined.
 */
export function fBeta(c: Confusion, beta: number = 1): number {
  const b2 = beta * beta;
  const num = (1 + b2) * c.tp;
  return safeDivide(num, num + b2 * c.fn + c.fp);
}

/**
 * Matthews correlation coefficient, (tp·tn − fp·fn) / √((tp+fp)(tp+fn)(tn+fp)(tn+fn)),
 * 0 when any margin is 0 (scikit-learn returns 0 there too).
 */
export function mccOf(c: Confusion): number {
  const { tp, fp, tn, fn } = c;
  const a = tp + fp;
  const b = tp + fn;
  const d = tn + fp;
  const e = tn + fn;
  if (a === 0 || b === 0 || d === 0 || e === 0) return 0;
  // Normalise before multiplying: no overflow of tp·tn or of the four-fold product with
  // huge weights, and no underflow with tiny ones.
  const sPred = Math.sqrt(a) * Math.sqrt(b);
  const sNeg = Math.sqrt(d) * Math.sqrt(e);
  const value = (tp / sPred) * (tn / sNeg) - (fp / sPred) * (fn / sNeg);
  // Rounding can push a perfect score a hair past ±1.
  return Math.max(-1, Math.min(1, value));
}

/**
 * All threshold metrics from one confusion matrix. Ratios follow {@link safeDivide}
 * (zero_division = 0), MCC is 0 when undefined, and balanced accuracy averages the recall
 * of the classes that are present (so with one class it is that class's recall).
 * @param beta weight of recall in the F score reported as `f1` (default 1).
 */
export function metricsFromConfusion(c: Confusion, costs: Costs, beta: number = 1): ThresholdMetrics {
  const { tp, fp, tn, fn } = c;
  const positives = tp + fn;
  const negatives = tn + fp;
  const total = positives + negatives;
  const recall = safeDivide(tp, positives);
  const specificity = safeDivide(tn, negatives);
  let balancedAccuracy: number;
  if (positives > 0 && negatives > 0) balancedAccuracy = (recall + specificity) / 2;
  else if (positives > 0) balancedAccuracy = recall;
  else if (negatives > 0) balancedAccuracy = specificity;
  else balancedAccuracy = 0;
  return {
    tpr: recall,
    fpr: safeDivide(fp, negatives),
    recall,
    precision: safeDivide(tp, tp + fp),
    specificity,
    npv: safeDivide(tn, tn + fn),
    f1: fBeta(c, beta),
    mcc: mccOf(c),
    accuracy: safeDivide(tp + tn, total),
    balancedAccuracy,
    queueRate: safeDivide(tp + fp, total),
    expectedCost: safeDivide(costs.costFp * fp + costs.costFn * fn, total),
  };
}

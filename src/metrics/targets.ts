import type { ScoreCurve } from './score-curve';
import { fBeta } from './threshold-metrics';

/** A position on the curve found by a search: index (as ScoreCurve.indexAt) and its threshold (not the exported OperatingPoint of src/session/operating-point.ts). */
export interface CurvePosition {
  index: number;
  threshold: number;
}

/**
 * The operating point of maximum F-beta (F1 by default) over every distinct score, O(size).
 * Ties go to the highest threshold (fewest alarms), as in costOptimal. With no positives F is
 * 0 everywhere and the answer is index 0 ("flag nothing").
 */
export function f1Optimal(curve: ScoreCurve, beta: number = 1): CurvePosition & { f: number } {
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
export function thresholdForRecall(curve: ScoreCurve, target: number): (CurvePosition & { recall: number }) | null {
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

/** Precision and alarm rate at operating point k, at the data's prevalence or an assumed one. */
function precisionAndAlarmRate(curve: ScoreCurve, k: number, prevalence?: number): { precision: number; alarmRate: number } {
  const { tp, fp } = curve.confusionAtIndex(k);
  const P = curve.positives;
  const N = curve.negatives;
  // Re-weighted to π : 1 − π as in metricsAtPrevalence; shares of all cases.
  const wP = prevalence === undefined ? 1 / (P + N) : P > 0 ? prevalence / P : 0;
  const wN = prevalence === undefined ? 1 / (P + N) : N > 0 ? (1 - prevalence) / N : 0;
  const flagged = tp * wP + fp * wN;
  return { precision: flagged > 0 ? (tp * wP) / flagged : 0, alarmRate: flagged };
}

/** The kinds of target the page offers; each snaps the threshold or says none exists. */
export const TARGET_KINDS = ['fewest-alarms-at-recall', 'best-recall-at-precision', 'best-precision-at-recall', 'max-fpr', 'max-alarms-per-1000'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

/** A target's operating point with the figures it was judged on. */
export interface TargetPoint extends CurvePosition {
  recall: number;
  precision: number;
  alarmRate: number;
}

/**
 * Best recall while precision stays at least `target`: the most true positives among the
 * operating points with precision >= target (nothing flagged has no precision and never
 * qualifies), and among those the fewest alarms (highest threshold). O(size): precision is
 * not monotone. Precision is at the assumed prevalence when one is given. null: none reaches it.
 */
export function bestRecallAtPrecision(curve: ScoreCurve, target: number, prevalence?: number): TargetPoint | null {
  let best = -1;
  for (let k = 1; k <= curve.size; k++) {
    const { precision } = precisionAndAlarmRate(curve, k, prevalence);
    if (precision >= target && (best < 0 || curve.cumTp[k - 1] > curve.cumTp[best - 1])) best = k;
  }
  return best < 0 ? null : targetPoint(curve, best, prevalence);
}

/**
 * Best precision while recall stays at least `target`: among the operating points with recall
 * >= target, the highest precision, ties to the highest threshold. O(size). null when no
 * operating point reaches the recall (target > 1, or no positives and target > 0).
 */
export function bestPrecisionAtRecall(curve: ScoreCurve, target: number, prevalence?: number): TargetPoint | null {
  const first = thresholdForRecall(curve, target);
  if (first === null) return null;
  return targetPoint(curve, bestPrecisionFrom(curve, first.index, prevalence), prevalence);
}

/**
 * The operating point of best precision among `first` and every lower threshold (which only
 * flag more), ties to the highest threshold; `first` itself when none flags anything (a target
 * of 0, or no positives). Precision is at the assumed prevalence when one is given. O(size).
 */
export function bestPrecisionFrom(curve: ScoreCurve, first: number, prevalence?: number): number {
  let best = -1;
  let bestPrecision = -1;
  for (let k = Math.max(1, first); k <= curve.size; k++) {
    const { precision } = precisionAndAlarmRate(curve, k, prevalence);
    if (precision > bestPrecision * (1 + 1e-12)) {
      best = k;
      bestPrecision = precision;
    }
  }
  return best < 0 ? first : best;
}

/**
 * At most `perThousand` alarms per 1,000 cases: the lowest threshold (most cases caught)
 * whose alarm rate (at the assumed prevalence when given) is at most perThousand / 1000, by
 * binary search (the alarm rate only grows as the threshold falls). Flagging nothing always
 * qualifies, so the answer is never null for perThousand >= 0; null for a negative budget.
 */
export function mostCaughtWithinAlarms(curve: ScoreCurve, perThousand: number, prevalence?: number): TargetPoint | null {
  if (!(perThousand >= 0)) return null;
  const limit = perThousand / 1000;
  const ok = (k: number) => precisionAndAlarmRate(curve, k, prevalence).alarmRate <= limit * (1 + 1e-12);
  let lo = 0; // ok(lo)
  let hi = curve.size + 1; // first k that fails (or size + 1)
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return targetPoint(curve, lo, prevalence);
}

/**
 * At most a share `limit` of the negatives flagged: the lowest threshold (most cases caught)
 * whose false-positive rate is at most `limit`, by binary search (FPR only grows as the
 * threshold falls). The FPR does not depend on the prevalence. null for a negative limit.
 */
export function mostCaughtWithinFpr(curve: ScoreCurve, limit: number, prevalence?: number): TargetPoint | null {
  if (!(limit >= 0)) return null;
  const N = curve.negatives;
  const ok = (k: number) => k === 0 || (N > 0 ? curve.cumFp[k - 1] / N : 0) <= limit * (1 + 1e-12);
  let lo = 0;
  let hi = curve.size + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return targetPoint(curve, lo, prevalence);
}

/** The operating point a target of `kind` at `value` gives, or null when none exists. */
export function solveTarget(curve: ScoreCurve, kind: TargetKind, value: number, prevalence?: number): TargetPoint | null {
  switch (kind) {
    case 'fewest-alarms-at-recall': {
      const found = thresholdForRecall(curve, value);
      return found && targetPoint(curve, found.index, prevalence);
    }
    case 'best-recall-at-precision':
      return bestRecallAtPrecision(curve, value, prevalence);
    case 'best-precision-at-recall':
      return bestPrecisionAtRecall(curve, value, prevalence);
    case 'max-fpr':
      return mostCaughtWithinFpr(curve, value, prevalence);
    case 'max-alarms-per-1000':
      return mostCaughtWithinAlarms(curve, value, prevalence);
  }
}

/** Recall, precision and alarm rate at operating point k (precision and alarm rate at the assumed prevalence when given). */
export function targetPoint(curve: ScoreCurve, k: number, prevalence?: number): TargetPoint {
  const P = curve.positives;
  const { precision, alarmRate } = precisionAndAlarmRate(curve, k, prevalence);
  const tp = curve.confusionAtIndex(k).tp;
  return { index: k, threshold: curve.thresholdAtIndex(k), recall: P > 0 ? tp / P : 0, precision, alarmRate };
}

import { classWeights } from './class-weights';
import type { ScoreCurve } from './score-curve';

/** Net benefit per case at each threshold probability, for the model and the two defaults. */
export interface DecisionCurve {
  /** Threshold probabilities p_t, in (0, 1). */
  thresholds: Float64Array;
  /** Model: treat when score >= p_t. */
  netBenefit: Float64Array;
  /** Treat everyone. */
  treatAll: Float64Array;
  /** Treat no one: always 0. */
  treatNone: Float64Array;
}

/** 0.01, 0.02, …, 0.99. */
export function defaultDecisionGrid(): Float64Array {
  return Float64Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
}

/**
 * Decision curve analysis (Vickers & Elkin 2006): net benefit = TP/n − FP/n · p_t / (1 − p_t),
 * where p_t is both the decision threshold on the (probability) score and the exchange rate
 * between a false positive and a true positive it expresses. With an assumed prevalence π
 * the rates are re-weighted: π·TPR − (1 − π)·FPR · p_t / (1 − p_t). Thresholds outside
 * (0, 1) give NaN. O(grid · log n).
 */
export function decisionCurve(curve: ScoreCurve, grid: ArrayLike<number> = defaultDecisionGrid(), prevalence?: number): DecisionCurve {
  const { wP, wN } = classWeights(curve, prevalence);
  const g = grid.length;
  const thresholds = Float64Array.from(grid);
  const netBenefit = new Float64Array(g);
  const treatAll = new Float64Array(g);
  const treatNone = new Float64Array(g);
  const allTp = wP * curve.positives;
  const allFp = wN * curve.negatives;
  for (let i = 0; i < g; i++) {
    const pt = thresholds[i];
    if (!(pt > 0 && pt < 1)) {
      netBenefit[i] = NaN;
      treatAll[i] = NaN;
      treatNone[i] = NaN;
      continue;
    }
    const odds = pt / (1 - pt);
    const c = curve.confusionAt(pt);
    netBenefit[i] = wP * c.tp - wN * c.fp * odds;
    treatAll[i] = allTp - allFp * odds;
  }
  return { thresholds, netBenefit, treatAll, treatNone };
}

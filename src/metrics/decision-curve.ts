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

/** The part of a decision curve worth drawing: thresholds and net benefits in view. */
export interface DecisionCurveRange {
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * A readable window on a decision curve: thresholds up to a little past the last one where
 * the model or treat-all still has a positive net benefit (beyond it both only lose), and net
 * benefits from the prevalence-scaled top down to the model's lowest value in that window,
 * but never below −3·top (further down the model only loses, and the gains would flatten out).
 */
export function decisionCurveRange(dc: DecisionCurve): DecisionCurveRange {
  let lastUseful = 0;
  let top = 0;
  for (let i = 0; i < dc.thresholds.length; i++) {
    const nb = dc.netBenefit[i];
    const all = dc.treatAll[i];
    if ((Number.isFinite(nb) && nb > 0) || (Number.isFinite(all) && all > 0)) lastUseful = dc.thresholds[i];
    if (Number.isFinite(nb)) top = Math.max(top, nb);
    if (Number.isFinite(all)) top = Math.max(top, all);
  }
  const xMax = Math.min(1, Math.max(0.05, lastUseful * 1.25));
  top = Math.max(top, 1e-4) * 1.1;
  let low = 0;
  for (let i = 0; i < dc.thresholds.length; i++) {
    if (dc.thresholds[i] > xMax) break;
    const nb = dc.netBenefit[i];
    if (Number.isFinite(nb)) low = Math.min(low, nb);
  }
  return { xMax, yMin: Math.max(low * 1.1, -3 * top), yMax: top };
}

/** A grid of n thresholds evenly spaced in (0, xMax). */
export function decisionGrid(xMax: number, n = 120): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => (xMax * (i + 1)) / (n + 1));
}

/** The thresholds (within the grid) where the model's net benefit lies below `floor`, as one range. */
export function belowRange(dc: DecisionCurve, floor: number): { from: number; to: number } | null {
  let from = NaN;
  let to = NaN;
  for (let i = 0; i < dc.thresholds.length; i++) {
    if (dc.netBenefit[i] < floor) {
      if (Number.isNaN(from)) from = dc.thresholds[i];
      to = dc.thresholds[i];
    }
  }
  return Number.isNaN(from) ? null : { from, to };
}

import { assertCosts, classWeights } from './class-weights';
import { buildCostHull, costRatioRange, type CostHull } from './cost-hull';
import type { ScoreCurve } from './score-curve';
import type { Costs } from './threshold-metrics';

// Two costs closer than this (relative to the largest possible cost) count as a tie, so
// float rounding in weighted sums cannot decide between equally good operating points.
const TIE_TOL = 1e-12;

/**
 * Expected cost per case at operating point k: C_FP·FP + C_FN·FN per case. Without a
 * prevalence it is measured on the data ((C_FP·fp + C_FN·fn) / total); with an assumed
 * deployment prevalence π it is π·C_FN·FNR + (1 − π)·C_FP·FPR (rates from the data).
 * k is clamped like ScoreCurve.confusionAtIndex.
 * @throws MetricsInputError on negative or non-finite costs, or prevalence outside [0, 1].
 */
export function expectedCostAt(curve: ScoreCurve, k: number, costs: Costs, prevalence?: number): number {
  assertCosts(costs);
  const { wP, wN } = classWeights(curve, prevalence);
  const c = curve.confusionAtIndex(k);
  return costs.costFp * wN * c.fp + costs.costFn * wP * c.fn;
}

/**
 * The operating point of minimum expected cost per case on the empirical curve (every
 * distinct score, plus "nothing positive"), in O(size).
 *
 * Ties: the highest threshold wins (smallest index, fewest alarms). Equal cost means the
 * extra alarms buy nothing, so the quieter operating point is the defensible one; in
 * particular with C_FN = 0 the answer is "flag nothing" and with C_FP = 0 it is the highest
 * threshold that already catches every positive.
 * @returns index (as ScoreCurve.indexAt), the threshold realising it
 *   (ScoreCurve.thresholdAtIndex) and the expected cost per case there.
 */
export function costOptimal(curve: ScoreCurve, costs: Costs, prevalence?: number): { index: number; threshold: number; expectedCost: number } {
  assertCosts(costs);
  const { wP, wN } = classWeights(curve, prevalence);
  const a = costs.costFp * wN;
  const b = costs.costFn * wP;
  const P = curve.positives;
  const scale = a * curve.negatives + b * P;
  const tol = TIE_TOL * scale;
  let best = 0;
  let bestCost = b * P; // k = 0: every positive missed, no false alarm
  const m = curve.thresholds.length;
  for (let k = 1; k <= m; k++) {
    const cost = a * curve.cumFp[k - 1] + b * (P - curve.cumTp[k - 1]);
    if (cost < bestCost - tol) {
      best = k;
      bestCost = cost;
    }
  }
  return { index: best, threshold: curve.thresholdAtIndex(best), expectedCost: bestCost };
}

// One hull per curve and prevalence; views ask for the implied ratio on every drag.
const hullCache = new WeakMap<ScoreCurve, { prevalence: number | undefined; hull: CostHull }>();

/** Hands over a hull built elsewhere (the metrics worker), so the first query costs O(log n). */
export function rememberCostHull(curve: ScoreCurve, hull: CostHull, prevalence?: number): void {
  hullCache.set(curve, { prevalence, hull });
}

/**
 * Range of cost ratios r = C_FN / C_FP for which operating point k is cost-optimal on the
 * empirical curve (at the observed prevalence, or at an assumed one): {low, high} with
 * 0 <= low <= high <= Infinity. low === high when k lies on a straight stretch of the ROC
 * convex hull (optimal only at exactly that ratio, tied with the stretch's ends). null when
 * no ratio makes k optimal: it lies below the ROC convex hull, and some mix of two other
 * thresholds does better at every ratio. {low: Infinity, high: Infinity} means "only if false
 * alarms cost nothing": k catches every positive but adds alarms over a higher threshold that
 * also does (its cost ties with that one only at C_FP = 0).
 *
 * O(size) the first time for a curve and prevalence (hull), O(log size) afterwards.
 */
export function impliedCostRatio(curve: ScoreCurve, k: number, prevalence?: number): { low: number; high: number } | null {
  let cached = hullCache.get(curve);
  if (cached === undefined || cached.prevalence !== prevalence) {
    cached = { prevalence, hull: buildCostHull(curve, prevalence) };
    hullCache.set(curve, cached);
  }
  return costRatioRange(curve, cached.hull, curve.clampIndex(k));
}

/**
 * The cost ratio C_FN / C_FP that makes threshold t optimal for a calibrated score
 * (t = P(positive | score)): flag when t·C_FN >= (1 − t)·C_FP, so r = (1 − t) / t.
 * Infinity at t = 0; NaN outside [0, 1], where t is not a probability.
 */
export function calibratedCostRatio(threshold: number): number {
  if (!(threshold >= 0 && threshold <= 1)) return NaN;
  return threshold === 0 ? Infinity : (1 - threshold) / threshold;
}

/**
 * Bayes-optimal threshold for a calibrated score: C_FP / (C_FP + C_FN). NaN when both costs
 * are 0 (every threshold is equally good).
 * @throws MetricsInputError on negative or non-finite costs.
 */
export function bayesThreshold(costs: Costs): number {
  assertCosts(costs);
  const sum = costs.costFp + costs.costFn;
  return sum === 0 ? NaN : costs.costFp / sum;
}

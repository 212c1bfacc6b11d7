import { classWeights } from './class-weights';
import { describeNumber, MetricsInputError } from './errors';
import type { ScoreCurve } from './score-curve';
import type { Costs } from './threshold-metrics';

/** What the errors at one operating point cost in total, in the user's unit. */
export interface ErrorCosts {
  /** Cost of the positives left below the threshold (the missed cases). */
  missed: number;
  /** Cost of the negatives at or above the threshold (the false alarms). */
  alarms: number;
}

/**
 * The cost of the errors at each operating point of a curve. Constant costs and per-row costs
 * answer through the same question, so every figure (expected cost, optimum, group totals,
 * the thresholds table) is written once.
 */
export interface CostModel {
  /** Total cost of the errors when the k highest distinct scores are flagged (k clamped). */
  errorCostsAtIndex(k: number): ErrorCosts;
  /** True when some cost comes from a column rather than a constant. */
  readonly perRow: boolean;
}

/** Every miss costs C_FN and every alarm C_FP (weights count as copies of a row). */
export function constantCostModel(curve: ScoreCurve, costs: Costs): CostModel {
  return {
    perRow: false,
    errorCostsAtIndex(k: number): ErrorCosts {
      const c = curve.confusionAtIndex(k);
      return { missed: costs.costFn * c.fn, alarms: costs.costFp * c.fp };
    },
  };
}

/** Per-row costs of a miss and of a false alarm; null: the constant cost for every row. */
export interface RowCostColumns {
  /** Cost of missing row i (used where row i is a positive). */
  missed: ArrayLike<number> | null;
  /** Cost of a false alarm on row i (used where row i is a negative). */
  alarm: ArrayLike<number> | null;
}

/**
 * Row costs laid onto a curve's sorted distinct scores: cumulative cost of the positives and
 * of the negatives at or above each threshold, so any threshold costs one binary search and
 * two reads. Built in O(n log m) (each row finds its score level by binary search).
 */
export class RowCostCurve implements CostModel {
  readonly perRow = true;
  /** Rows whose cost cell was missing (NaN) and that got the constant cost instead. */
  readonly filled: number;
  /** Total cost of missing every positive, and of alarming on every negative. */
  readonly totalMissed: number;
  readonly totalAlarms: number;

  private constructor(
    private readonly curve: ScoreCurve,
    /** cumPositiveCost[i]: cost of the positives with score >= thresholds[i] (caught, so not missed). */
    private readonly cumPositiveCost: Float64Array,
    /** cumNegativeCost[i]: cost of the negatives with score >= thresholds[i] (the alarms). */
    private readonly cumNegativeCost: Float64Array,
    filled: number,
  ) {
    const m = curve.size;
    this.filled = filled;
    this.totalMissed = cumPositiveCost[m - 1];
    this.totalAlarms = cumNegativeCost[m - 1];
  }

  /**
   * @param curve the curve built from the same scores, labels and weights.
   * @param columns per-row costs (finite, >= 0; NaN = missing, which takes the constant).
   * @param constants the costs for rows without a column value.
   * @throws MetricsInputError on a negative or infinite cost, naming the row (1-based).
   */
  static from(
    curve: ScoreCurve,
    scores: ArrayLike<number>,
    labels: ArrayLike<number>,
    weights: ArrayLike<number> | null | undefined,
    columns: RowCostColumns,
    constants: Costs,
  ): RowCostCurve {
    const m = curve.size;
    const pos = new Float64Array(m);
    const neg = new Float64Array(m);
    let filled = 0;
    for (let i = 0; i < scores.length; i++) {
      const w = weights ? weights[i] : 1;
      if (!(w > 0)) continue;
      const positive = labels[i] !== 0;
      const column = positive ? columns.missed : columns.alarm;
      let cost = positive ? constants.costFn : constants.costFp;
      if (column) {
        const v = column[i];
        if (Number.isNaN(v)) filled++;
        else if (!Number.isFinite(v) || v < 0) {
          const what = positive ? 'a missed case' : 'a false alarm';
          throw new MetricsInputError(`The cost of ${what} in row ${i + 1} is ${describeNumber(v)}; row costs must be finite and not negative.`, i);
        } else cost = v;
      }
      // Level of this score: thresholds[level] === score (the curve holds every kept score).
      const level = curve.indexAt(scores[i]) - 1;
      if (positive) pos[level] += w * cost;
      else neg[level] += w * cost;
    }
    for (let i = 1; i < m; i++) {
      pos[i] += pos[i - 1];
      neg[i] += neg[i - 1];
    }
    return new RowCostCurve(curve, pos, neg, filled);
  }

  errorCostsAtIndex(k: number): ErrorCosts {
    const i = this.curve.clampIndex(k);
    if (i === 0) return { missed: this.totalMissed, alarms: 0 };
    // The total is the last cumulative sum, so "flag everything" misses exactly 0.
    return { missed: this.totalMissed - this.cumPositiveCost[i - 1], alarms: this.cumNegativeCost[i - 1] };
  }
}

/**
 * Expected cost per case at operating point k under a cost model: cost of the errors divided
 * by the total weight, or, at an assumed prevalence π, the positives' costs scaled to make up
 * π of the cases and the negatives' 1 − π (as expectedCostAt does for constant costs).
 */
export function modelCostAt(curve: ScoreCurve, model: CostModel, k: number, prevalence?: number): number {
  const { wP, wN } = classWeights(curve, prevalence);
  const e = model.errorCostsAtIndex(k);
  return wP * e.missed + wN * e.alarms;
}

// Costs this close (relative to the largest) tie, so float noise cannot pick between equals.
const TIE_TOL = 1e-12;

/**
 * The operating point of least expected cost under a cost model, O(size); ties go to the
 * highest threshold (fewest alarms), as in costOptimal.
 */
export function modelCostOptimal(curve: ScoreCurve, model: CostModel, prevalence?: number): { index: number; threshold: number; expectedCost: number } {
  let best = 0;
  let bestCost = modelCostAt(curve, model, 0, prevalence);
  const tol = TIE_TOL * Math.max(bestCost, modelCostAt(curve, model, curve.size, prevalence));
  for (let k = 1; k <= curve.size; k++) {
    const cost = modelCostAt(curve, model, k, prevalence);
    if (cost < bestCost - tol) {
      best = k;
      bestCost = cost;
    }
  }
  return { index: best, threshold: curve.thresholdAtIndex(best), expectedCost: bestCost };
}

/**
 * The implied-ratio question under row costs: by how much could every miss's cost be scaled
 * (λ·missed + alarms) and operating point k still be the cheapest? {low, high} with
 * 0 <= low <= high <= Infinity (λ = 1: the costs as given), or null when no scale makes k the
 * cheapest (another point misses no more and alarms less, or k lies below the lower hull).
 * O(size) per query.
 */
export function rowCostScaleRange(curve: ScoreCurve, model: CostModel, k: number): { low: number; high: number } | null {
  const i = curve.clampIndex(k);
  const at = model.errorCostsAtIndex(i);
  let low = 0;
  let high = Infinity;
  for (let j = 0; j <= curve.size; j++) {
    if (j === i) continue;
    const e = model.errorCostsAtIndex(j);
    const dMissed = e.missed - at.missed;
    const dAlarms = at.alarms - e.alarms;
    // k is no dearer than j: λ·dMissed >= dAlarms.
    if (dMissed > 0) low = Math.max(low, dAlarms / dMissed);
    else if (dMissed < 0) high = Math.min(high, dAlarms / dMissed);
    else if (dAlarms > 0) return null;
  }
  return low <= high ? { low, high } : null;
}

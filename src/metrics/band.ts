import { MetricsInputError } from './errors';
import type { ScoreCurve } from './score-curve';

/**
 * A three-way decision: score >= upper → act as positive, score < lower → act as negative,
 * anything between → send to human review. Counts are weighted like the curve's.
 */
export interface Band {
  lower: number;
  upper: number;
  /** Operating-point indices of the two cut-offs (as ScoreCurve.indexAt), upperIndex <= lowerIndex. */
  upperIndex: number;
  lowerIndex: number;
  /** Flagged positive (score >= upper): true and false positives. */
  flagged: { tp: number; fp: number };
  /** In the review band (lower <= score < upper): positives and negatives there. */
  review: { positives: number; negatives: number };
  /** Cleared (score < lower): missed positives and true negatives. */
  cleared: { fn: number; tn: number };
  /** Share of all cases (by weight) in each part; the three add up to 1. */
  flaggedShare: number;
  reviewShare: number;
  clearedShare: number;
}

/**
 * Counts on each side of a three-way band, O(log n).
 * @throws MetricsInputError when lower > upper or either is NaN.
 */
export function threeWayBand(curve: ScoreCurve, lower: number, upper: number): Band {
  if (Number.isNaN(lower) || Number.isNaN(upper) || lower > upper) {
    throw new MetricsInputError(`The review band needs lower <= upper; got lower ${lower}, upper ${upper}.`);
  }
  return bandAtIndices(curve, curve.indexAt(lower), curve.indexAt(upper), lower, upper);
}

/**
 * As threeWayBand, from operating-point indices (e.g. two slider handles). The thresholds
 * reported are those realising the indices (ScoreCurve.thresholdAtIndex).
 */
export function bandAtIndices(
  curve: ScoreCurve,
  lowerIndex: number,
  upperIndex: number,
  lower: number = curve.thresholdAtIndex(lowerIndex),
  upper: number = curve.thresholdAtIndex(upperIndex),
): Band {
  const kUp = curve.clampIndex(Math.min(lowerIndex, upperIndex));
  const kLow = curve.clampIndex(Math.max(lowerIndex, upperIndex));
  const hi = curve.confusionAtIndex(kUp);
  const lo = curve.confusionAtIndex(kLow);
  const total = curve.positives + curve.negatives;
  const flaggedW = hi.tp + hi.fp;
  const clearedW = lo.fn + lo.tn;
  const review = { positives: lo.tp - hi.tp, negatives: lo.fp - hi.fp };
  return {
    lower,
    upper,
    upperIndex: kUp,
    lowerIndex: kLow,
    flagged: { tp: hi.tp, fp: hi.fp },
    review,
    cleared: { fn: lo.fn, tn: lo.tn },
    flaggedShare: flaggedW / total,
    reviewShare: (review.positives + review.negatives) / total,
    clearedShare: clearedW / total,
  };
}

/** Half-width of the band proposed when three-way mode is switched on. */
const DEFAULT_HALF_WIDTH = 0.1;

/**
 * The band offered when three-way mode is switched on: ±0.1 around the threshold, rounded,
 * then narrowed where needed so it still holds the threshold, flags the highest score and
 * clears the lowest one whenever the scores allow it.
 */
export function proposeBand(curve: Pick<ScoreCurve, 'thresholds'>, threshold: number): { lower: number; upper: number } {
  const t = Math.min(1, Math.max(0, threshold));
  const round = (v: number) => Math.round(v * 100) / 100;
  const highest = curve.thresholds[0];
  const lowest = curve.thresholds[curve.thresholds.length - 1];
  let upper = round(Math.min(1, t + DEFAULT_HALF_WIDTH));
  let lower = round(Math.max(0, t - DEFAULT_HALF_WIDTH));
  if (upper > highest) upper = Math.max(t, highest);
  if (lower <= lowest && curve.thresholds.length > 1) lower = Math.min(t, curve.thresholds[curve.thresholds.length - 2]);
  return { lower: Math.min(lower, t), upper: Math.max(upper, t) };
}

/**
 * Three-way decisions: scores at or above `upper` are flagged, below `lower` cleared, and the
 * ones between go to human review. Shows how many cases land in each part.
 */

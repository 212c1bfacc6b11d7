import { bisector, descending } from 'd3-array';
import { averagePrecisionOf, brierOf, rocAucOf } from './curve-summaries';
import { buildCounts, MAX_ROWS } from './build-counts';
import { MetricsInputError } from './errors';
import { nextUp } from './float-bits';

/** Thresholds run from the highest down: bisect them in descending order. */
const byDescendingThreshold = bisector<number, number>(descending);

export { MetricsInputError } from './errors';

/** Weighted confusion-matrix counts (float64; integers when no weights were given). */
export interface Confusion {
  tp: number;
  fp: number;
  tn: number;
  fn: number;
}

/**
 * The whole threshold-dependent picture of one set of scores: scores sorted once, ties
 * collapsed into one point per distinct score, cumulative weighted true/false positives at
 * each. Every threshold query afterwards is a binary search. Rule everywhere: a case is
 * predicted positive when `score >= threshold`.
 *
 * Rows with weight 0 are dropped before anything else, as scikit-learn's curve functions
 * do: they add no threshold and no count. `n` still counts every input row.
 *
 * Immutable after construction; holds 24 bytes per distinct score and no per-row data, so
 * it can be built in a worker and its arrays transferred.
 */
export class ScoreCurve {
  /** Number of input rows (including rows of weight 0). */
  readonly n: number;
  /** Total weight of positive rows. */
  readonly positives: number;
  /** Total weight of negative rows. */
  readonly negatives: number;
  /** Distinct scores of rows with positive weight, strictly descending. */
  readonly thresholds: Float64Array;
  /** cumTp[i]: weighted true positives at threshold thresholds[i]. Nondecreasing. */
  readonly cumTp: Float64Array;
  /** cumFp[i]: weighted false positives at threshold thresholds[i]. Nondecreasing. */
  readonly cumFp: Float64Array;

  /**
   * Assembles a curve from already computed parts (e.g. arrays transferred from a worker).
   * The arrays are taken as they are: use {@link ScoreCurve.from} for raw data.
   */
  constructor(n: number, thresholds: Float64Array, cumTp: Float64Array, cumFp: Float64Array) {
    const m = thresholds.length;
    if (m === 0 || cumTp.length !== m || cumFp.length !== m) {
      throw new MetricsInputError('A score curve needs at least one threshold and one count per threshold.');
    }
    this.n = n;
    this.thresholds = thresholds;
    this.cumTp = cumTp;
    this.cumFp = cumFp;
    // Totals are the last cumulative counts, so fn = positives − tp is exactly 0 at the end.
    this.positives = cumTp[m - 1];
    this.negatives = cumFp[m - 1];
  }

  /**
   * Builds the curve in O(n) (radix sort) from parallel arrays.
   * @param scores any finite numbers; larger means "more likely positive".
   * @param labels 1 (or any nonzero finite number) for positive, 0 for negative.
   * @param weights optional per-row weights (counts), finite and >= 0; 0 drops the row.
   * @throws MetricsInputError on empty input, length mismatch, NaN/±Infinity scores or labels,
   *   negative or non-finite weights, or weights that are all 0. The message names the row
   *   (1-based) and the value; `error.row` holds the 0-based index.
   */
  static from(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>): ScoreCurve {
    const n = scores.length;
    if (n === 0) throw new MetricsInputError('There are no scores: at least one row is needed.');
    if (labels.length !== n) {
      throw new MetricsInputError(`There are ${n} scores but ${labels.length} labels; each row needs one of each.`);
    }
    if (weights !== undefined && weights.length !== n) {
      throw new MetricsInputError(`There are ${n} scores but ${weights.length} weights; each row needs one of each.`);
    }
    if (n > MAX_ROWS) throw new MetricsInputError(`Too many rows (${n}); at most ${MAX_ROWS} are supported.`);

    const { thresholds, cumTp, cumFp } = buildCounts(scores, labels, weights);
    return new ScoreCurve(n, thresholds, cumTp, cumFp);
  }

  /** Number of distinct thresholds (operating points other than "nothing positive"). */
  get size(): number {
    return this.thresholds.length;
  }

  /**
   * Number k of distinct thresholds >= t (0..size): with threshold t, exactly the k highest
   * distinct scores are predicted positive. O(log n). NaN selects nothing (no score is >= NaN).
   */
  indexAt(t: number): number {
    if (Number.isNaN(t)) return 0;
    // First position whose threshold is < t; everything before it is >= t.
    return byDescendingThreshold.right(this.thresholds, t);
  }

  /** Confusion matrix at threshold t (score >= t is positive). O(log n). */
  confusionAt(t: number): Confusion {
    return this.confusionAtIndex(this.indexAt(t));
  }

  /**
   * Confusion matrix when the k highest distinct scores are predicted positive (k as from
   * indexAt; 0: nothing positive). k is truncated to an integer and clamped to 0..size, so a
   * view stepping one past either end gets the end point rather than an exception.
   */
  confusionAtIndex(k: number): Confusion {
    const i = this.clampIndex(k);
    if (i === 0) return { tp: 0, fp: 0, tn: this.negatives, fn: this.positives };
    const tp = this.cumTp[i - 1];
    const fp = this.cumFp[i - 1];
    return { tp, fp, tn: this.negatives - fp, fn: this.positives - tp };
  }

  /**
   * A threshold that realises index k: thresholds[k−1] for k >= 1; for k = 0 the next float64
   * above the top score (so `score >= t` selects nothing while t stays next to the data).
   * k is clamped like confusionAtIndex.
   */
  thresholdAtIndex(k: number): number {
    const i = this.clampIndex(k);
    return i === 0 ? nextUp(this.thresholds[0]) : this.thresholds[i - 1];
  }

  /** k truncated to an integer in 0..size (NaN → 0). */
  clampIndex(k: number): number {
    const m = this.thresholds.length;
    if (!(k > 0)) return 0;
    return k >= m ? m : Math.trunc(k);
  }

  /** ROC-AUC by the trapezoid rule; NaN when positives or negatives total 0. */
  rocAuc(): number {
    return rocAucOf(this);
  }

  /** Average precision (scikit-learn's step sum, no interpolation); 0 with no positives. */
  averagePrecision(): number {
    return averagePrecisionOf(this);
  }

  /** Brier score (weighted); NaN when some score lies outside [0, 1]. */
  brier(): number {
    return brierOf(this);
  }

  /** Weighted share of positives, positives / (positives + negatives). */
  prevalence(): number {
    return this.positives / (this.positives + this.negatives);
  }
}

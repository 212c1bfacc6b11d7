/**
 * DeLong's test for the difference of two correlated ROC-AUCs: two models scored on the same
 * cases (DeLong, DeLong & Clarke-Pearson 1988), by the fast algorithm of Sun & Xu (2014).
 *
 * Each case's structural component (its "placement") is read from midranks instead of a double
 * loop over positives and negatives: for a positive x, V10(x) = (T_Z(x) − T_X(x)) / n, with T_Z
 * its midrank among all cases and T_X among the positives, i.e. the negatives below x plus half
 * the negatives tied with it, over n; for a negative y, V01(y) = 1 − (T_Z(y) − T_Y(y)) / m. The
 * midrank differences come from one sort per model into distinct scores with cumulative
 * positive and negative counts (src/metrics/build-counts.ts, O(N) radix sort) and a binary
 * search per case, so the whole test is O(N log N) where the definition is O(m·n).
 *
 * Weights are counts: a row of weight 3 is three identical cases, as if expanded. Fractional
 * weights have no such reading, so the test refuses them; weight 0 drops the row.
 */
import { buildCounts, type Counts } from './build-counts';
import { describeNumber, MetricsInputError } from './errors';
import { normalQuantile } from './interval';
import { normalCdf } from './two-sample';

/** Two models' scores on the same cases, aligned row by row. */
export interface PairedCases {
  scoresA: ArrayLike<number>;
  scoresB: ArrayLike<number>;
  /** 1 (or any nonzero number) positive, 0 negative. */
  labels: ArrayLike<number>;
  /** Whole counts per row; null or absent: every row is one case. */
  weights?: ArrayLike<number> | null;
}

export interface DelongTest {
  aucA: number;
  aucB: number;
  /** aucA − aucB. */
  diff: number;
  /** The DeLong variance of the difference. */
  variance: number;
  /** Its two-sided confidence interval (normal approximation). */
  ciLow: number;
  ciHigh: number;
  confidence: number;
  /** diff / √variance; ±Infinity when the variance is 0 but the AUCs differ, 0 when both are 0. */
  z: number;
  /** Two-sided p-value of "the AUCs are equal". */
  p: number;
  /** Cases (counted with their weights). */
  positives: number;
  negatives: number;
}

/** The per-case placements of one model: V10 for each positive, V01 for each negative. */
export interface Placements {
  positives: Float64Array;
  negatives: Float64Array;
}

/** The kept cases: their rows split by class, with their counts. */
interface Split {
  positiveRows: Uint32Array;
  negativeRows: Uint32Array;
  positiveWeights: Float64Array;
  negativeWeights: Float64Array;
  m: number;
  n: number;
}

/** Checks the inputs and splits the rows with a nonzero count into positives and negatives. */
function splitCases(cases: PairedCases): Split {
  const { scoresA, scoresB, labels } = cases;
  const weights = cases.weights ?? null;
  const total = labels.length;
  if (scoresA.length !== total || scoresB.length !== total || (weights !== null && weights.length !== total)) {
    throw new MetricsInputError(
      `The two score sets, the labels and the weights must have one value per case (${scoresA.length}, ${scoresB.length}, ${total}${weights ? `, ${weights.length}` : ''}).`,
    );
  }
  let positives = 0;
  let negatives = 0;
  for (let i = 0; i < total; i++) {
    const w = weights === null ? 1 : weights[i];
    // Counts only: a fractional weight is not a number of cases, and the variance needs cases.
    if (!Number.isInteger(w) || w < 0) {
      throw new MetricsInputError(
        `Weight in row ${i + 1} is ${describeNumber(w)}: the paired test counts cases, so weights must be whole counts (0, 1, 2, …), not fractional weights.`,
        i,
      );
    }
    if (w === 0) continue;
    if (labels[i] !== 0) positives++;
    else negatives++;
  }
  const split: Split = {
    positiveRows: new Uint32Array(positives),
    negativeRows: new Uint32Array(negatives),
    positiveWeights: new Float64Array(positives),
    negativeWeights: new Float64Array(negatives),
    m: 0,
    n: 0,
  };
  let p = 0;
  let q = 0;
  for (let i = 0; i < total; i++) {
    const w = weights === null ? 1 : weights[i];
    if (w === 0) continue;
    if (labels[i] !== 0) {
      split.positiveRows[p] = i;
      split.positiveWeights[p++] = w;
      split.m += w;
    } else {
      split.negativeRows[q] = i;
      split.negativeWeights[q++] = w;
      split.n += w;
    }
  }
  // The variance divides by m − 1 and n − 1.
  if (split.m < 2 || split.n < 2) {
    throw new MetricsInputError(
      `Comparing ROC-AUCs needs at least two positive and two negative cases; these have ${split.m} positive and ${split.n} negative. Check the label column and the positive class.`,
    );
  }
  return split;
}

/** Index of `x` in the strictly descending `thresholds` (it is there: the table holds every score). */
function levelOf(thresholds: Float64Array, x: number): number {
  let lo = 0;
  let hi = thresholds.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (thresholds[mid] > x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** One model's placements from its table of distinct scores (Sun & Xu's midrank differences). */
function placementsOf(scores: ArrayLike<number>, labels: ArrayLike<number>, weights: ArrayLike<number> | undefined, split: Split): Placements {
  const counts: Counts = buildCounts(scores, labels, weights);
  const { thresholds, cumTp, cumFp } = counts;
  const { m, n } = split;
  const positives = new Float64Array(split.positiveRows.length);
  for (let i = 0; i < positives.length; i++) {
    const k = levelOf(thresholds, scores[split.positiveRows[i]]);
    const above = k > 0 ? cumFp[k - 1] : 0;
    // Negatives strictly below, plus half those tied: T_Z − T_X for this positive.
    positives[i] = (n - cumFp[k] + (cumFp[k] - above) / 2) / n;
  }
  const negatives = new Float64Array(split.negativeRows.length);
  for (let j = 0; j < negatives.length; j++) {
    const k = levelOf(thresholds, scores[split.negativeRows[j]]);
    const above = k > 0 ? cumTp[k - 1] : 0;
    // Positives strictly above, plus half those tied: m − (T_Z − T_Y) for this negative.
    negatives[j] = (above + (cumTp[k] - above) / 2) / m;
  }
  return { positives, negatives };
}

/** Weighted mean and sample variance (over the expanded cases) of a − b, two passes for accuracy. */
function differenceMoments(a: Float64Array, b: Float64Array, w: Float64Array, total: number): { meanA: number; meanB: number; variance: number } {
  let sumA = 0;
  let sumB = 0;
  for (let i = 0; i < a.length; i++) {
    sumA += w[i] * a[i];
    sumB += w[i] * b[i];
  }
  const meanA = sumA / total;
  const meanB = sumB / total;
  const meanD = meanA - meanB;
  let ss = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i] - meanD;
    ss += w[i] * d * d;
  }
  return { meanA, meanB, variance: ss / (total - 1) };
}

/**
 * Both models' placements on the same kept cases, aligned (positives, then negatives, in row
 * order). Exposed for the tests' brute-force comparison.
 */
export function pairedPlacements(cases: PairedCases): { a: Placements; b: Placements; positiveWeights: Float64Array; negativeWeights: Float64Array; m: number; n: number } {
  const split = splitCases(cases);
  const weights = cases.weights ?? undefined;
  return {
    a: placementsOf(cases.scoresA, cases.labels, weights, split),
    b: placementsOf(cases.scoresB, cases.labels, weights, split),
    positiveWeights: split.positiveWeights,
    negativeWeights: split.negativeWeights,
    m: split.m,
    n: split.n,
  };
}

/**
 * DeLong's test of "model A and model B have the same ROC-AUC" on paired cases: the AUCs, their
 * difference A − B with its variance S10/m + S01/n (the structural components' covariances),
 * the confidence interval, z and the two-sided p-value. O(N log N).
 * @throws MetricsInputError on mismatched lengths, non-finite scores, fractional or negative
 *   weights, or fewer than two positive or two negative cases.
 */
export function delongTest(cases: PairedCases, confidence = 0.95): DelongTest {
  const placed = pairedPlacements(cases);
  const { m, n } = placed;
  const pos = differenceMoments(placed.a.positives, placed.b.positives, placed.positiveWeights, m);
  const neg = differenceMoments(placed.a.negatives, placed.b.negatives, placed.negativeWeights, n);
  // The AUC is the mean placement of the positives (equivalently of the negatives).
  const aucA = pos.meanA;
  const aucB = pos.meanB;
  const diff = aucA - aucB;
  const variance = pos.variance / m + neg.variance / n;
  const half = normalQuantile(1 - (1 - confidence) / 2) * Math.sqrt(variance);
  // Identical placements have no variance: equal AUCs are then certain, unequal ones too.
  const z = variance > 0 ? diff / Math.sqrt(variance) : diff === 0 ? 0 : diff > 0 ? Infinity : -Infinity;
  const p = Math.min(1, 2 * normalCdf(-Math.abs(z)));
  return { aucA, aucB, diff, variance, ciLow: diff - half, ciHigh: diff + half, confidence, z, p, positives: m, negatives: n };
}

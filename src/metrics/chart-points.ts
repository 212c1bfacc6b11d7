/**
 * ROC and PR points indexed by operating point: point k is the curve with the k highest
 * distinct scores predicted positive (k = 0: nothing positive). Both charts and their
 * handles share that index, so a drag on either moves the same threshold.
 */
export interface CurveCounts {
  readonly cumTp: ArrayLike<number>;
  readonly cumFp: ArrayLike<number>;
  readonly positives: number;
  readonly negatives: number;
}

export interface ChartPoints {
  rocX: Float64Array;
  rocY: Float64Array;
  /** Recall. */
  prX: Float64Array;
  /** Precision; 1 at k = 0 as scikit-learn's last PR point. */
  prY: Float64Array;
}

/** Builds both charts' points from the cumulative counts, m + 1 points each. */
export function chartPoints(curve: CurveCounts): ChartPoints {
  const m = curve.cumTp.length;
  const rocX = new Float64Array(m + 1);
  const rocY = new Float64Array(m + 1);
  const prX = new Float64Array(m + 1);
  const prY = new Float64Array(m + 1);
  prY[0] = 1;
  const P = curve.positives;
  const N = curve.negatives;
  for (let k = 1; k <= m; k++) {
    const tp = curve.cumTp[k - 1];
    const fp = curve.cumFp[k - 1];
    rocX[k] = N > 0 ? fp / N : 0;
    rocY[k] = P > 0 ? tp / P : 0;
    prX[k] = rocY[k];
    prY[k] = tp + fp > 0 ? tp / (tp + fp) : 1;
  }
  return { rocX, rocY, prX, prY };
}

/** First index whose value reaches `target` in a nondecreasing array (length if none). */
function lowerBound(length: number, valueAt: (i: number) => number, target: number): number {
  return partitionPoint(length, (i) => valueAt(i) < target);
}

/** First index whose value exceeds `target` in a nondecreasing array (length if none). */
function upperBound(length: number, valueAt: (i: number) => number, target: number): number {
  return partitionPoint(length, (i) => valueAt(i) <= target);
}

/** First index where `before` turns false, for a predicate true on a prefix. */
function partitionPoint(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The ROC point nearest to (x, y) along the curve, in O(log n): FPR + TPR never decreases
 * along a ROC curve, so the pointer is projected onto that direction.
 */
export function nearestRocIndex(points: Pick<ChartPoints, 'rocX' | 'rocY'>, x: number, y: number): number {
  const n = points.rocX.length;
  const at = (i: number) => points.rocX[i] + points.rocY[i];
  const i = lowerBound(n, at, x + y);
  return closer(i - 1, i, n, (k) => Math.hypot(points.rocX[k] - x, points.rocY[k] - y));
}

/**
 * The PR point nearest to (recall, precision), in O(log n): recall never decreases with k,
 * and within a run of equal recall precision never increases.
 */
export function nearestPrIndex(points: ChartPoints, recall: number, precision: number): number {
  const n = points.prX.length;
  const recallAt = (k: number) => points.prX[k];
  const first = lowerBound(n, recallAt, recall);
  const r = points.prX[closer(first - 1, first, n, (k) => Math.abs(points.prX[k] - recall))];
  const start = lowerBound(n, recallAt, r);
  const end = upperBound(n, recallAt, r);
  const j = start + lowerBound(end - start, (k) => -points.prY[start + k], -precision);
  return closer(j - 1, j, end, (k) => (k < start ? Infinity : Math.abs(points.prY[k] - precision)));
}

function closer(a: number, b: number, n: number, distance: (k: number) => number): number {
  const da = a >= 0 && a < n ? distance(a) : Infinity;
  const db = b >= 0 && b < n ? distance(b) : Infinity;
  if (da === Infinity && db === Infinity) return Math.max(0, Math.min(n - 1, b));
  return da <= db ? a : b;
}

import { bisectLeft } from 'd3-array';
import type { ScoreCurve } from './score-curve';

/**
 * A nondecreasing map from score to calibrated probability: linear interpolation between
 * the points (x[i], y[i]) (x strictly increasing), clipped to y[0] below x[0] and to the last
 * y above the last x. Plain arrays, so it can be posted from a worker and exported.
 */
export interface IsotonicMap {
  x: Float64Array;
  y: Float64Array;
}

/**
 * Isotonic regression of the label on the score by pool-adjacent-violators, as
 * scikit-learn's IsotonicRegression(out_of_bounds="clip") fits it: equal scores are first
 * pooled (weighted mean label), blocks that violate monotonicity are merged into their
 * weighted mean, and only each block's first and last score are kept as interpolation
 * points. O(distinct scores).
 */
export function fitIsotonic(curve: ScoreCurve): IsotonicMap {
  const m = curve.size;
  // Blocks on a stack, in ascending score order: value (weighted mean), weight, first and
  // last level (as positions in ascending order).
  const value = new Float64Array(m);
  const weight = new Float64Array(m);
  const first = new Uint32Array(m);
  const last = new Uint32Array(m);
  let top = 0;
  for (let j = 0; j < m; j++) {
    const level = m - 1 - j; // ascending scores
    const pos = curve.cumTp[level] - (level > 0 ? curve.cumTp[level - 1] : 0);
    const neg = curve.cumFp[level] - (level > 0 ? curve.cumFp[level - 1] : 0);
    let w = pos + neg;
    let v = pos / w;
    let start = j;
    // Merge while the previous block is not strictly below: blocks end up strictly increasing.
    while (top > 0 && value[top - 1] >= v) {
      top--;
      const merged = weight[top] + w;
      v = (value[top] * weight[top] + v * w) / merged;
      w = merged;
      start = first[top];
    }
    value[top] = v;
    weight[top] = w;
    first[top] = start;
    last[top] = j;
    top++;
  }
  const xs: number[] = [];
  const ys: number[] = [];
  const scoreAt = (j: number) => curve.thresholds[m - 1 - j];
  for (let b = 0; b < top; b++) {
    xs.push(scoreAt(first[b]));
    ys.push(value[b]);
    if (last[b] !== first[b]) {
      xs.push(scoreAt(last[b]));
      ys.push(value[b]);
    }
  }
  return { x: Float64Array.from(xs), y: Float64Array.from(ys) };
}

/** Calibrated probability of a score under an isotonic map, O(log points). */
export function isotonicPredict(map: IsotonicMap, score: number): number {
  const { x, y } = map;
  const n = x.length;
  if (n === 0 || Number.isNaN(score)) return NaN;
  if (score <= x[0]) return y[0];
  if (score >= x[n - 1]) return y[n - 1];
  // x[lo] < score <= x[hi]: x[0] < score <= x[n − 1] here, so 1 <= hi <= n − 1.
  const hi = bisectLeft(x, score);
  const lo = hi - 1;
  if (score === x[hi]) return y[hi];
  const t = (score - x[lo]) / (x[hi] - x[lo]);
  return y[lo] + t * (y[hi] - y[lo]);
}

import { MetricsInputError } from './errors';
import type { ScoreCurve } from './score-curve';

/** One bin of a reliability (calibration) diagram. */
export interface ReliabilityBin {
  /** Bin number, 0-based, among all bins (empty ones included). */
  index: number;
  /** Edges: the bin holds scores s with low < s <= high (the first bin also holds low). */
  low: number;
  high: number;
  /** Total weight of the cases in the bin. */
  weight: number;
  /** Weighted mean score (what the model predicts). */
  meanScore: number;
  /** Weighted share of positives (what happened). */
  fractionPositive: number;
}

/**
 * Reliability diagram bins, as scikit-learn's calibration_curve: `uniform` bins split [0, 1]
 * into equal widths (scores must be probabilities), `quantile` bins hold equal numbers of
 * cases (edges are percentiles of the scores, numpy's linear method; weights are read as
 * frequencies). A score equal to an inner edge goes to the lower bin, and empty bins are
 * left out, both as in scikit-learn. O(distinct scores).
 * @throws MetricsInputError for bins < 1, or for uniform bins with scores outside [0, 1].
 */
export function reliabilityBins(curve: ScoreCurve, bins: number = 10, strategy: 'uniform' | 'quantile' = 'uniform'): ReliabilityBin[] {
  if (!Number.isInteger(bins) || bins < 1) {
    throw new MetricsInputError(`The number of reliability bins must be a whole number >= 1; got ${bins}.`);
  }
  const m = curve.size;
  const th = curve.thresholds;
  if (strategy === 'uniform' && (th[0] > 1 || th[m - 1] < 0)) {
    throw new MetricsInputError('Uniform reliability bins need probability scores in [0, 1]; some scores lie outside.');
  }
  const edges = strategy === 'uniform' ? uniformEdges(bins) : quantileEdges(curve, bins);

  const weight = new Float64Array(bins);
  const scoreSum = new Float64Array(bins);
  const positives = new Float64Array(bins);
  // Levels in ascending score order; the bin index only grows.
  let b = 0;
  for (let level = m - 1; level >= 0; level--) {
    const s = th[level];
    while (b < bins - 1 && edges[b + 1] < s) b++;
    const pos = curve.cumTp[level] - (level > 0 ? curve.cumTp[level - 1] : 0);
    const neg = curve.cumFp[level] - (level > 0 ? curve.cumFp[level - 1] : 0);
    weight[b] += pos + neg;
    scoreSum[b] += s * (pos + neg);
    positives[b] += pos;
  }
  const out: ReliabilityBin[] = [];
  for (let i = 0; i < bins; i++) {
    if (weight[i] === 0) continue;
    out.push({
      index: i,
      low: edges[i],
      high: edges[i + 1],
      weight: weight[i],
      meanScore: scoreSum[i] / weight[i],
      fractionPositive: positives[i] / weight[i],
    });
  }
  return out;
}

/** numpy.linspace(0, 1, bins + 1): j · (1 / bins), last edge exactly 1. */
function uniformEdges(bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = 1 / bins;
  for (let j = 0; j < bins; j++) edges[j] = j * step;
  edges[bins] = 1;
  return edges;
}

/** numpy.percentile(scores, linspace(0, 100, bins + 1)) with the default linear method. */
function quantileEdges(curve: ScoreCurve, bins: number): Float64Array {
  const edges = new Float64Array(bins + 1);
  const step = 1 / bins;
  const total = curve.positives + curve.negatives;
  for (let j = 0; j <= bins; j++) {
    // Same float steps as numpy: linspace value, times 100, divided by 100 inside percentile.
    const q = ((j === bins ? 1 : j * step) * 100) / 100;
    const v = (total - 1) * q;
    const prev = Math.floor(v);
    const t = v - prev;
    const a = valueAtRank(curve, prev);
    const b = valueAtRank(curve, Math.min(prev + 1, total - 1));
    // numpy's _lerp: from the nearer end, so t = 1 gives b exactly.
    edges[j] = t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
  }
  return edges;
}

/** The r-th smallest score (0-based) counting each case by its weight, O(log n). */
function valueAtRank(curve: ScoreCurve, r: number): number {
  const m = curve.size;
  const total = curve.positives + curve.negatives;
  // Cases with score >= thresholds[i] number cumTp[i] + cumFp[i]; rank r from the bottom is
  // the first level (from the top) whose count above-or-equal exceeds total − 1 − r.
  const target = total - 1 - r;
  let lo = 0;
  let hi = m - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (curve.cumTp[mid] + curve.cumFp[mid] > target) hi = mid;
    else lo = mid + 1;
  }
  return curve.thresholds[lo];
}

/**
 * The peer the confidence targets are compared with: Learn-then-Test as MAPIE's
 * BinaryClassificationController runs it, over a fixed grid of 100 thresholds (0, 0.01, …,
 * 0.99) with Hoeffding–Bentkus p-values (Bates et al. 2021) and Bonferroni's correction.
 * Written here for comparison only; Cutoff does not use it.
 */
import { binomialCdf } from '../../../src/metrics/binomial';

export const PEER_GRID = Array.from({ length: 100 }, (_, i) => i / 100);

/** h₁(a, b) = a ln(a/b) + (1 − a) ln((1 − a)/(1 − b)), the Hoeffding exponent. */
function h1(a: number, b: number): number {
  const left = a > 0 ? a * Math.log(a / b) : 0;
  const right = a < 1 ? (1 - a) * Math.log((1 - a) / (1 - b)) : 0;
  return left + right;
}

/** The Hoeffding–Bentkus p-value of H₀ "risk > α" for a mean loss `risk` on n cases in [0, 1]. */
export function hoeffdingBentkusP(risk: number, n: number, alpha: number): number {
  if (n === 0) return 1;
  const hoeffding = Math.exp(-n * h1(Math.min(risk, alpha), alpha));
  const bentkus = Math.E * binomialCdf(Math.ceil(n * risk), n, alpha);
  return Math.min(1, hoeffding, bentkus);
}

/** Recall ≥ r with confidence C: the highest grid threshold whose miss rate is certified. */
export function peerRecallThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, r: number, confidence: number): number | null {
  const positives: number[] = [];
  for (let i = 0; i < scores.length; i++) if (labels[i] === 1) positives.push(scores[i]);
  let best: number | null = null;
  for (const t of PEER_GRID) {
    const misses = positives.filter((s) => s < t).length;
    if (hoeffdingBentkusP(misses / positives.length, positives.length, 1 - r) <= (1 - confidence) / PEER_GRID.length) best = t;
  }
  return best;
}

/** Precision ≥ p with confidence C: the lowest grid threshold whose false-discovery rate is certified. */
export function peerPrecisionThreshold(scores: ArrayLike<number>, labels: ArrayLike<number>, p: number, confidence: number): number | null {
  for (const t of PEER_GRID) {
    let flagged = 0;
    let falses = 0;
    for (let i = 0; i < scores.length; i++) {
      if (scores[i] >= t) {
        flagged++;
        if (labels[i] !== 1) falses++;
      }
    }
    if (flagged > 0 && hoeffdingBentkusP(falses / flagged, flagged, 1 - p) <= (1 - confidence) / PEER_GRID.length) return t;
  }
  return null;
}

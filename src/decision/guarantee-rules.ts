/**
 * The order-statistic and Learn-then-Test rules behind a confidence target, each on the curve's
 * counts (whole-number weights count as cases): recall ≥ r by the mirrored Neyman–Pearson
 * umbrella rule, a share of cases or negatives flagged ≤ q by the umbrella rule (Tong, Feng & Li
 * 2018), precision ≥ p by fixed-sequence Learn-then-Test (Angelopoulos, Bates et al. 2021) with
 * exact binomial p-values. src/decision/confident-target.ts chooses among them.
 */
import { binomialCdf, binomialUpperTail } from '../metrics/binomial';
import type { ScoreCurve } from '../metrics/score-curve';

/**
 * A certification of precision must survive this many negatives among the first cases tested:
 * starting where a single false alarm already fails the test would stop at once on many
 * samples. One, not more: in the simulation a larger slack starts lower, past the region where
 * a high precision target holds, and certifies nothing more often (see the test's figures).
 */
export const PRECISION_START_SLACK = 1;

/** The grid for precision grows the flagged count by this factor a step (at least one case). */
export const PRECISION_GRID_GROWTH = 1.02;

/** The smallest n for which even a perfect sample certifies a share q with confidence C: q^n ≤ 1 − C. */
export function casesNeeded(q: number, confidence: number): number {
  return Math.ceil(Math.log(1 - confidence) / Math.log(q) - 1e-12);
}

/** Smallest curve index at which the count cum(k) = cumulative[k − 1] reaches `need` (size + 1 when never). */
function firstIndexReaching(cumulative: (k: number) => number, size: number, need: number): number {
  if (need <= 0) return 0;
  let lo = 0;
  let hi = size + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (cumulative(mid) >= need - 1e-9) hi = mid;
    else lo = mid;
  }
  return hi;
}

/**
 * Recall ≥ r with confidence C: with the n positives' scores ascending, flag score ≥ s(j*) where
 * j* = max{ j : P(Bin(n, 1 − r) ≤ j − 1) ≤ 1 − C }, i.e. keep at least n − j* + 1 positives
 * flagged. Ties at s(j*) are flagged too, which only raises recall (the safe side). Returns the
 * curve index, or a message naming the positives needed.
 */
export function recallIndex(curve: ScoreCurve, r: number, confidence: number): { index: number } | { message: string } {
  const n = Math.round(curve.positives);
  const delta = 1 - confidence;
  if (r >= 1) return { message: 'Recall 1 cannot be guaranteed from a sample: choose a target below 1.' };
  if (!(binomialCdf(0, n, 1 - r) <= delta)) {
    return { message: `needs at least ${casesNeeded(r, confidence)} positives; these cases have ${n}.` };
  }
  // cdf(j − 1) grows with j: the largest j with cdf(j − 1) ≤ δ by binary search.
  let lo = 1;
  let hi = n + 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (binomialCdf(mid - 1, n, 1 - r) <= delta) lo = mid;
    else hi = mid;
  }
  const keep = n - lo + 1;
  return { index: firstIndexReaching((k) => (k === 0 ? 0 : curve.cumTp[k - 1]), curve.size, keep) };
}

/**
 * A share ≤ q of `n` cases flagged with confidence C (the umbrella rule, Tong, Feng & Li 2018):
 * with the scores ascending t(1) ≤ … ≤ t(n), flag score > t(k*) where
 * k* = min{ k : P(Bin(n, 1 − q) ≥ k) ≤ 1 − C }. On the curve that is the largest index whose
 * flagged count is at most n − k*; its readable cutoff lies above t(k*), so ties stay unflagged.
 */
export function shareIndex(flagged: (k: number) => number, size: number, n: number, q: number, confidence: number): { index: number } | { needed: number } {
  const delta = 1 - confidence;
  if (q >= 1) return { index: size };
  if (!(binomialUpperTail(n, n, 1 - q) <= delta)) return { needed: casesNeeded(1 - q, confidence) };
  // The upper tail falls as k grows: the smallest k with tail(k) ≤ δ.
  let lo = 0;
  let hi = n;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (binomialUpperTail(mid, n, 1 - q) <= delta) hi = mid;
    else lo = mid;
  }
  const limit = n - hi;
  let a = 0;
  let b = size + 1;
  while (b - a > 1) {
    const mid = (a + b) >>> 1;
    if (flagged(mid) <= limit + 1e-9) a = mid;
    else b = mid;
  }
  return { index: a };
}

/**
 * The indices precision is tested at, in the order tested: from the first index that flags
 * enough cases to survive PRECISION_START_SLACK false alarms (the smallest m with
 * P(Bin(m, p) ≥ m − slack) ≤ 1 − C), then each step flagging about 2 % more cases. The grid
 * depends on the scores alone, never on the labels, which fixed-sequence testing requires.
 */
export function precisionGrid(curve: ScoreCurve, p: number, confidence: number): number[] {
  const flagged = (k: number) => (k === 0 ? 0 : curve.cumTp[k - 1] + curve.cumFp[k - 1]);
  const n = flagged(curve.size);
  let start = PRECISION_START_SLACK + 1;
  while (start <= n && binomialUpperTail(start - PRECISION_START_SLACK, start, p) > 1 - confidence) start++;
  const grid: number[] = [];
  let k = firstIndexReaching(flagged, curve.size, start);
  while (k <= curve.size) {
    grid.push(k);
    k = Math.max(k + 1, firstIndexReaching(flagged, curve.size, Math.ceil(flagged(k) * PRECISION_GRID_GROWTH)));
  }
  return grid;
}

/**
 * Precision ≥ p with confidence C by fixed-sequence Learn-then-Test: walk the grid downward,
 * certify each cutoff whose exact p-value P(Bin(m, p) ≥ tp) is at most 1 − C (tp true among m
 * flagged), and stop at the first that fails. The family-wise error is at most 1 − C for any
 * fixed order, so the lowest certified cutoff holds with confidence C.
 */
export function precisionIndex(curve: ScoreCurve, p: number, confidence: number): { index: number } | { message: string } {
  if (p >= 1) return { message: 'Precision 1 cannot be guaranteed from a sample: choose a target below 1.' };
  const grid = precisionGrid(curve, p, confidence);
  if (grid.length === 0)
    return { message: `needs at least ${casesNeeded(p, confidence)} flagged cases; these cases have ${Math.round(curve.positives + curve.negatives)} in all.` };
  let certified = -1;
  for (const k of grid) {
    const tp = Math.round(curve.cumTp[k - 1]);
    const m = Math.round(curve.cumTp[k - 1] + curve.cumFp[k - 1]);
    if (binomialUpperTail(tp, m, p) > 1 - confidence) break;
    certified = k;
  }
  if (certified < 0) {
    const k = grid[0];
    return {
      message: `was not shown at any cutoff: the first one tested flags ${Math.round(curve.cumTp[k - 1] + curve.cumFp[k - 1])} cases, of which ${Math.round(curve.cumTp[k - 1])} are positive.`,
    };
  }
  return { index: certified };
}

/**
 * Slow, obviously-correct reference implementations for the property tests: every figure is
 * computed straight from the rows, O(n) or O(n²), with no sorting tricks and no shared code
 * with src/metrics.
 */
import type { Confusion } from '../../../src/metrics';

export interface Rows {
  scores: number[];
  labels: number[];
  weights?: number[];
}

const w = (r: Rows, i: number) => (r.weights ? r.weights[i] : 1);

/** Weighted confusion matrix at threshold t (score >= t positive). */
export function bruteConfusion(r: Rows, t: number): Confusion {
  const c = { tp: 0, fp: 0, tn: 0, fn: 0 };
  r.scores.forEach((s, i) => {
    const pos = r.labels[i] !== 0;
    const flagged = s >= t;
    if (pos && flagged) c.tp += w(r, i);
    else if (pos) c.fn += w(r, i);
    else if (flagged) c.fp += w(r, i);
    else c.tn += w(r, i);
  });
  return c;
}

/** Pairwise AUC: P(score_pos > score_neg) + ½ P(tie), weighted by w_pos · w_neg. */
export function bruteAuc(r: Rows): number {
  let num = 0;
  let den = 0;
  r.scores.forEach((si, i) => {
    if (r.labels[i] === 0) return;
    r.scores.forEach((sj, j) => {
      if (r.labels[j] !== 0) return;
      const ww = w(r, i) * w(r, j);
      den += ww;
      num += si > sj ? ww : si === sj ? ww / 2 : 0;
    });
  });
  return den === 0 ? NaN : num / den;
}

/** Distinct scores of rows with positive weight, descending. */
export function distinctDescending(r: Rows): number[] {
  const kept = r.scores.filter((_, i) => w(r, i) > 0).map((s) => (s === 0 ? 0 : s));
  return [...new Set(kept)].sort((a, b) => b - a);
}

/** AP as Σ (R_k − R_{k−1}) · P_k over distinct thresholds, each from a fresh confusion matrix. */
export function bruteAp(r: Rows): number {
  const total = bruteConfusion(r, -Infinity);
  const P = total.tp + total.fn;
  if (P === 0) return 0;
  let prevRecall = 0;
  let sum = 0;
  for (const t of distinctDescending(r)) {
    const c = bruteConfusion(r, t);
    const recall = c.tp / P;
    const precision = c.tp + c.fp === 0 ? 0 : c.tp / (c.tp + c.fp);
    sum += (recall - prevRecall) * precision;
    prevRecall = recall;
  }
  return sum;
}

/** Relative-or-absolute closeness for float sums computed in different orders. */
export function close(a: number, b: number, tol = 1e-9): boolean {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) && Number.isNaN(b);
  if (a === b) return true;
  return Math.abs(a - b) <= tol * Math.max(1, Math.abs(a), Math.abs(b));
}

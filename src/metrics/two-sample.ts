/**
 * The statistics behind `cutoff check`'s guardrails: a new sample is compared with the
 * exported one, so both samples' sampling error counts. A floor is a one-sided
 * two-proportion z-test (pooled under H0: no drop), the score distribution a two-sample
 * Kolmogorov–Smirnov test; each states its p-value and the drop it can detect.
 */
import { erfc, normalQuantile } from './interval';

/** Φ(x), the standard normal CDF. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x / Math.SQRT2);
}

export interface ProportionDrop {
  /** The exported and the new proportion (null when its count is 0). */
  before: number | null;
  after: number | null;
  /** One-sided p-value of "no drop" (H0: after >= before); 1 when either sample is empty. */
  pValue: number;
}

/**
 * One-sided pooled two-proportion z-test of H0 "the proportion did not drop" against H1
 * "after < before": x1 of n1 then, x2 of n2 now. Weighted counts are taken as counts.
 */
export function proportionDrop(x1: number, n1: number, x2: number, n2: number): ProportionDrop {
  const before = n1 > 0 ? x1 / n1 : null;
  const after = n2 > 0 ? x2 / n2 : null;
  if (before === null || after === null) return { before, after, pValue: 1 };
  const pooled = (x1 + x2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  if (!(variance > 0)) return { before, after, pValue: after < before ? 0 : 1 };
  return { before, after, pValue: normalCdf((after - before) / Math.sqrt(variance)) };
}

/**
 * The smallest drop from `before` (estimated on n1) that a sample of n2 detects with the
 * given power at one-sided level alpha, under the same pooled test: solved for δ in
 * z_α·√(p̄q̄(1/n1 + 1/n2)) + z_β·√(p1q1/n1 + p2q2/n2) = δ, p2 = p1 − δ, by fixed-point steps.
 * null when a sample is empty or no drop within [0, before] is detectable.
 */
export function detectableDrop(before: number, n1: number, n2: number, alpha: number, power = 0.9): number | null {
  if (!(n1 > 0 && n2 > 0) || !(before > 0)) return null;
  const za = normalQuantile(1 - alpha);
  const zb = normalQuantile(power);
  let delta = 0;
  for (let step = 0; step < 60; step++) {
    const after = Math.max(0, before - delta);
    const pooled = (before * n1 + after * n2) / (n1 + n2);
    const next = za * Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2)) + zb * Math.sqrt((before * (1 - before)) / n1 + (after * (1 - after)) / n2);
    if (Math.abs(next - delta) < 1e-9) return next <= before ? next : null;
    delta = next;
  }
  return delta <= before ? delta : null;
}

/**
 * The Kolmogorov distribution's survival function Q(λ) = 2 Σ (−1)^(k−1) e^(−2k²λ²): the
 * asymptotic p-value of a KS statistic.
 */
export function kolmogorovQ(lambda: number): number {
  if (lambda < 0.2) return 1;
  let sum = 0;
  for (let k = 1; k <= 100; k++) {
    const term = Math.exp(-2 * k * k * lambda * lambda);
    sum += k % 2 === 1 ? term : -term;
    if (term < 1e-16) break;
  }
  return Math.min(1, Math.max(0, 2 * sum));
}

/**
 * p-value of a two-sample KS distance d between samples of n1 and n2 (Stephens' small-sample
 * correction of λ). On binned data d can only be smaller than on the raw scores, so the test
 * errs on the side of passing.
 */
export function ksPValue(d: number, n1: number, n2: number): number {
  if (!(n1 > 0 && n2 > 0)) return 1;
  const ne = Math.sqrt((n1 * n2) / (n1 + n2));
  return kolmogorovQ((ne + 0.12 + 0.11 / ne) * d);
}

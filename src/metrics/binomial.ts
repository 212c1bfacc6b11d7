/**
 * Exact binomial tail probabilities, for the guarantees of confidence targets (order-statistic
 * rules, Learn-then-Test p-values) and McNemar's exact test. Computed through the regularized
 * incomplete beta function, P(Bin(n, p) ≤ k) = I_{1−p}(n − k, k + 1), so a tail costs a
 * continued fraction of a few dozen steps whatever n is, and no term underflows at n = 10⁶.
 */

/** ln Γ(x) for x > 0: Lanczos' approximation (g = 7, 9 terms), about 1e-15 relative. */
export function logGamma(x: number): number {
  const g = 7;
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
    1.5056327351493116e-7,
  ];
  // The reflection formula keeps the series accurate below 1/2.
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0];
  for (let i = 1; i < g + 2; i++) sum += c[i] / (z + i);
  const t = z + g + 0.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** The continued fraction of I_x(a, b) by the modified Lentz method (converges for x < (a + 1)/(a + b + 2)). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-16) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b), a, b > 0, x in [0, 1]. */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (!(x > 0)) return 0;
  if (!(x < 1)) return 1;
  const logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
  const front = Math.exp(logFront);
  // The fraction converges fast on one side of the mean; use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) on the other.
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** P(Bin(n, p) ≤ k), for whole n ≥ 0 and any real k (floored). */
export function binomialCdf(k: number, n: number, p: number): number {
  const j = Math.floor(k);
  if (j < 0) return 0;
  if (j >= n) return 1;
  if (!(p > 0)) return 1;
  if (!(p < 1)) return 0;
  return regularizedBeta(1 - p, n - j, j + 1);
}

/** P(Bin(n, p) ≥ k): the upper tail, computed directly (not as 1 − cdf) so small tails keep their digits. */
export function binomialUpperTail(k: number, n: number, p: number): number {
  const j = Math.ceil(k);
  if (j <= 0) return 1;
  if (j > n) return 0;
  if (!(p > 0)) return 0;
  if (!(p < 1)) return 1;
  return regularizedBeta(p, j, n - j + 1);
}

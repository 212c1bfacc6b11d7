import { describe, expect, test } from 'vitest';
import { binomialCdf, binomialUpperTail, logGamma } from '../../../src/metrics/binomial';

// [k, n, p, P(X ≤ k), P(X ≥ k)] from scipy.stats.binom (cdf, sf(k − 1)).
const SCIPY: [number, number, number, number, number][] = [
  [2, 29, 0.1, 0.4349600327827392, 0.8011278994496028],
  [0, 29, 0.1, 0.04710128697246244, 1.0],
  [20, 100, 0.1, 0.9991924261256337, 0.0019785608657712354],
  [4, 10, 0.5, 0.376953125, 0.828125],
  [9000, 100000, 0.1, 5.235223531829388e-27, 1.0],
  [499, 1000, 0.5, 0.48738749091081973, 0.5377871779298602],
  [3, 5, 0.99, 0.0009801496000000018, 0.9999901494],
  [0, 1, 0.3, 0.7, 1.0],
];

describe('binomial tails', () => {
  test.each(SCIPY)('Bin(%i; %i, %f) as scipy', (k, n, p, cdf, upper) => {
    expect(binomialCdf(k, n, p)).toBeCloseTo(cdf, 12);
    expect(Math.abs(binomialCdf(k, n, p) - cdf) / Math.max(cdf, 1e-300)).toBeLessThan(1e-8);
    expect(Math.abs(binomialUpperTail(k, n, p) - upper) / upper).toBeLessThan(1e-8);
  });

  test('agree with a direct sum of the terms for small n', () => {
    for (const n of [1, 2, 7, 30]) {
      for (const p of [0.01, 0.3, 0.5, 0.93]) {
        let sum = 0;
        for (let k = 0; k <= n; k++) {
          let c = 1;
          for (let i = 0; i < k; i++) c = (c * (n - i)) / (i + 1);
          sum += c * p ** k * (1 - p) ** (n - k);
          expect(binomialCdf(k, n, p)).toBeCloseTo(sum, 12);
          expect(binomialUpperTail(k + 1, n, p)).toBeCloseTo(1 - sum, 12);
        }
      }
    }
  });

  test('edges', () => {
    expect(binomialCdf(-1, 5, 0.5)).toBe(0);
    expect(binomialCdf(5, 5, 0.5)).toBe(1);
    expect(binomialUpperTail(0, 5, 0.5)).toBe(1);
    expect(binomialUpperTail(6, 5, 0.5)).toBe(0);
    expect(binomialCdf(2, 5, 0)).toBe(1);
    expect(binomialCdf(2, 5, 1)).toBe(0);
    expect(logGamma(10)).toBeCloseTo(Math.log(362880), 12);
  });
});

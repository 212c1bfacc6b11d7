import { describe, expect, it } from 'vitest';
import { normalQuantile, quantileSorted, wilsonInterval } from '../../../src/metrics';

describe('normalQuantile', () => {
  it('matches scipy.stats.norm.ppf', () => {
    const cases: Array<[number, number]> = [
      [0.975, 1.959963984540054],
      [0.5, 0],
      [1e-10, -6.361340902404056],
      [0.02, -2.053748910631823],
      [0.9, 1.2815515655446004],
      [0.999999, 4.753424308817087],
    ];
    for (const [p, z] of cases) expect(Math.abs(normalQuantile(p) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
  });
  it('handles the ends', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(normalQuantile(1.5)).toBeNaN();
  });
});

describe('wilsonInterval', () => {
  it('matches scipy binomtest(...).proportion_ci(method="wilson")', () => {
    const cases: Array<[number, number, number, number, number]> = [
      [8, 10, 0.95, 0.4901624715366418, 0.9433178485456248],
      [0, 10, 0.95, 0, 0.27753279986288926],
      [10, 10, 0.95, 0.7224672001371109, 1],
      [1, 1000, 0.95, 0.00017654637062607809, 0.0056425585979579355],
      [30, 40, 0.9, 0.6240270595401831, 0.8442962161370879],
    ];
    for (const [k, n, conf, low, high] of cases) {
      const ci = wilsonInterval(k, n, conf);
      expect(Math.abs(ci.low - low)).toBeLessThan(1e-9);
      expect(Math.abs(ci.high - high)).toBeLessThan(1e-9);
    }
  });
  it('is [0, 1] with no trials and stays inside [0, 1]', () => {
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    const ci = wilsonInterval(1e-9, 1e-9);
    expect(ci.low).toBeGreaterThanOrEqual(0);
    expect(ci.high).toBe(1);
  });
});

describe('quantileSorted', () => {
  it('interpolates like numpy.quantile', () => {
    const xs = [1, 2, 4, 8];
    expect(quantileSorted(xs, 0)).toBe(1);
    expect(quantileSorted(xs, 1)).toBe(8);
    expect(quantileSorted(xs, 0.5)).toBe(3);
    expect(quantileSorted(xs, 0.25)).toBe(1.75);
    expect(quantileSorted([], 0.5)).toBeNaN();
  });
});

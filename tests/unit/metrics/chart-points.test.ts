import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chartPoints, nearestPrIndex, nearestRocIndex } from '../../../src/metrics/chart-points';

const counts = { cumTp: [1, 2, 2, 3], cumFp: [0, 1, 3, 4], positives: 3, negatives: 4 };

describe('chartPoints', () => {
  it('indexes ROC and PR points by operating point', () => {
    const p = chartPoints(counts);
    expect(Array.from(p.rocX)).toEqual([0, 0, 0.25, 0.75, 1]);
    expect(Array.from(p.rocY)).toEqual([0, 1 / 3, 2 / 3, 2 / 3, 1]);
    expect(Array.from(p.prY)).toEqual([1, 1, 2 / 3, 2 / 5, 3 / 7]);
  });
});

describe('nearest point search', () => {
  it('finds the point under the pointer exactly', () => {
    const p = chartPoints(counts);
    for (let k = 0; k < p.rocX.length; k++) {
      expect(nearestRocIndex(p, p.rocX[k], p.rocY[k])).toBe(k);
    }
    expect(nearestPrIndex(p, 2 / 3, 0.4)).toBe(3);
    expect(nearestPrIndex(p, 2 / 3, 0.7)).toBe(2);
  });

  it('returns a valid index for any pointer position', () => {
    const p = chartPoints(counts);
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (x, y) => {
        for (const k of [nearestRocIndex(p, x, y), nearestPrIndex(p, x, y)]) {
          expect(k).toBeGreaterThanOrEqual(0);
          expect(k).toBeLessThan(p.rocX.length);
        }
      }),
    );
  });
});

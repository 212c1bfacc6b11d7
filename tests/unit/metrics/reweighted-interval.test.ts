import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reweightedInterval } from '../../../src/metrics/reweighted-interval';

const confusion = fc.record({
  tp: fc.integer({ min: 1, max: 300 }),
  fn: fc.integer({ min: 0, max: 300 }),
  fp: fc.integer({ min: 1, max: 300 }),
  tn: fc.integer({ min: 0, max: 300 }),
});

describe('reweightedInterval', () => {
  it('brackets the re-weighted point estimate of precision, NPV and the alarm rate', () => {
    fc.assert(
      fc.property(confusion, fc.double({ min: 0.001, max: 0.999, noNaN: true }), (c, p) => {
        const tpr = c.tp / (c.tp + c.fn);
        const fpr = c.fp / (c.fp + c.tn);
        const point = {
          precision: (p * tpr) / (p * tpr + (1 - p) * fpr),
          npv: 1 - fpr + p * fpr - p === 0 ? NaN : ((1 - p) * (1 - fpr)) / ((1 - p) * (1 - fpr) + p * (1 - tpr)),
          queueRate: p * tpr + (1 - p) * fpr,
        };
        for (const rate of ['precision', 'npv', 'queueRate'] as const) {
          const ci = reweightedInterval(c, p, rate);
          if (!ci || !Number.isFinite(point[rate])) continue;
          expect(ci.low).toBeLessThanOrEqual(point[rate] + 1e-12);
          expect(ci.high).toBeGreaterThanOrEqual(point[rate] - 1e-12);
          expect(ci.low).toBeGreaterThanOrEqual(0);
          expect(ci.high).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('is null when a class is empty', () => {
    expect(reweightedInterval({ tp: 0, fn: 0, fp: 3, tn: 4 }, 0.1, 'precision')).toBeNull();
  });
});

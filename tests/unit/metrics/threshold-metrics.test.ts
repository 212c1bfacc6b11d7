import { describe, expect, it } from 'vitest';
import { fBeta, mccOf, metricsFromConfusion, safeDivide } from '../../../src/metrics';

const costs = { costFp: 1, costFn: 5 };

describe('metricsFromConfusion', () => {
  it('computes the usual figures', () => {
    const m = metricsFromConfusion({ tp: 30, fp: 10, tn: 50, fn: 10 }, costs);
    expect(m.tpr).toBe(0.75);
    expect(m.recall).toBe(0.75);
    expect(m.fpr).toBe(10 / 60);
    expect(m.precision).toBe(0.75);
    expect(m.specificity).toBe(50 / 60);
    expect(m.npv).toBe(50 / 60);
    expect(m.f1).toBeCloseTo(0.75, 15);
    expect(m.accuracy).toBe(0.8);
    expect(m.balancedAccuracy).toBeCloseTo((0.75 + 50 / 60) / 2, 15);
    expect(m.queueRate).toBe(0.4);
    expect(m.expectedCost).toBe((10 + 5 * 10) / 100);
    expect(m.mcc).toBeCloseTo((30 * 50 - 10 * 10) / Math.sqrt(40 * 40 * 60 * 60), 15);
  });

  it('uses zero_division = 0: nothing predicted positive', () => {
    const m = metricsFromConfusion({ tp: 0, fp: 0, tn: 8, fn: 2 }, costs);
    expect(m.precision).toBe(0);
    expect(m.recall).toBe(0);
    expect(m.f1).toBe(0);
    expect(m.mcc).toBe(0);
    expect(m.queueRate).toBe(0);
    expect(m.npv).toBe(0.8);
  });

  it('uses zero_division = 0: everything predicted positive', () => {
    const m = metricsFromConfusion({ tp: 2, fp: 8, tn: 0, fn: 0 }, costs);
    expect(m.npv).toBe(0);
    expect(m.specificity).toBe(0);
    expect(m.mcc).toBe(0);
    expect(m.recall).toBe(1);
  });

  it('one class only: rates of the missing class are 0, balanced accuracy is the present class recall', () => {
    const m = metricsFromConfusion({ tp: 0, fp: 3, tn: 7, fn: 0 }, costs);
    expect(m.recall).toBe(0);
    expect(m.tpr).toBe(0);
    expect(m.specificity).toBe(0.7);
    expect(m.balancedAccuracy).toBe(0.7);
    const p = metricsFromConfusion({ tp: 4, fp: 0, tn: 0, fn: 1 }, costs);
    expect(p.fpr).toBe(0);
    expect(p.balancedAccuracy).toBe(0.8);
  });

  it('all-zero matrix gives zeros, not NaN', () => {
    const m = metricsFromConfusion({ tp: 0, fp: 0, tn: 0, fn: 0 }, costs);
    for (const v of Object.values(m)) expect(v).toBe(0);
  });

  it('F-beta weights recall by beta', () => {
    const c = { tp: 10, fp: 10, tn: 0, fn: 0 }; // precision 0.5, recall 1
    expect(fBeta(c, 1)).toBeCloseTo(2 / 3, 15);
    expect(fBeta(c, 2)).toBeCloseTo((5 * 0.5) / (4 * 0.5 + 1), 15);
    expect(metricsFromConfusion(c, costs, 2).f1).toBe(fBeta(c, 2));
    expect(fBeta({ tp: 0, fp: 0, tn: 5, fn: 0 }, 2)).toBe(0);
  });

  it('MCC stays within [-1, 1] and is finite for huge weights', () => {
    expect(mccOf({ tp: 1e200, fp: 0, tn: 1e200, fn: 0 })).toBe(1);
    expect(mccOf({ tp: 0, fp: 3, tn: 0, fn: 3 })).toBe(-1);
  });

  it('safeDivide returns 0 for a zero denominator', () => {
    expect(safeDivide(0, 0)).toBe(0);
    expect(safeDivide(3, 0)).toBe(0);
    expect(safeDivide(3, 4)).toBe(0.75);
  });
});

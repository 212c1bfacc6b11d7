import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsFromConfusion, ScoreCurve } from '../../../src/metrics';
import { confusionAtPrevalence, metricsAtPrevalence, naturalFrequencies } from '../../../src/metrics/prevalence';
import { evaluateThreshold } from '../../../src/metrics/evaluate';
import { bruteConfusion } from './brute-force';

const rowsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0, 1)), { minLength: 2, maxLength: 40 })
  .map((t) => ({ scores: t.map((x) => x[0] / 10), labels: t.map((x) => x[1]) }))
  .filter((r) => r.labels.includes(0) && r.labels.includes(1));

describe('metrics at an assumed prevalence', () => {
  it('equal those of the data re-weighted row by row so that positives make up π of the weight', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0.001, max: 0.999, noNaN: true }), fc.integer({ min: 0, max: 11 }), (r, pi, t10) => {
        const t = t10 / 10;
        const P = r.labels.filter((y) => y === 1).length;
        const N = r.labels.length - P;
        // Brute force: each positive row weighs π/P, each negative (1 − π)/N.
        const weights = r.labels.map((y) => (y === 1 ? pi / P : (1 - pi) / N));
        const want = metricsFromConfusion(bruteConfusion({ ...r, weights }, t), { costFp: 1, costFn: 5 });
        const curve = ScoreCurve.from(r.scores, r.labels);
        const got = evaluateThreshold(curve, t, { costFp: 1, costFn: 5 }, pi).metrics;
        for (const key of ['precision', 'npv', 'accuracy', 'queueRate', 'f1', 'mcc', 'recall', 'fpr', 'expectedCost'] as const) {
          expect(got[key]).toBeCloseTo(want[key], 9);
        }
      }),
    );
  });

  it('are the data’s own metrics at the observed prevalence, and without one', () => {
    const c = { tp: 30, fp: 10, tn: 50, fn: 10 };
    const costs = { costFp: 1, costFn: 3 };
    const plain = metricsFromConfusion(c, costs);
    const same = metricsAtPrevalence(c, costs, 0.4);
    expect(same.precision).toBeCloseTo(plain.precision, 12);
    expect(same.accuracy).toBeCloseTo(plain.accuracy, 12);
    expect(metricsAtPrevalence(c, costs, null)).toEqual(plain);
  });

  it('move precision the way Bayes’ rule says', () => {
    // TPR 0.9, FPR 0.1 at 5 %: PPV = 0.045 / (0.045 + 0.095).
    const m = metricsAtPrevalence({ tp: 90, fn: 10, fp: 10, tn: 90 }, { costFp: 1, costFn: 1 }, 0.05);
    expect(m.precision).toBeCloseTo(0.045 / 0.14, 12);
    expect(m.npv).toBeCloseTo(0.855 / (0.855 + 0.005), 12);
    expect(m.queueRate).toBeCloseTo(0.14, 12);
    const f = naturalFrequencies({ tp: 90, fn: 10, fp: 10, tn: 90 }, 0.05);
    expect(f.tp).toBeCloseTo(45, 9);
    expect(f.fp).toBeCloseTo(95, 9);
    expect(f.fn).toBeCloseTo(5, 9);
    expect(f.tn).toBeCloseTo(855, 9);
    const shares = confusionAtPrevalence({ tp: 0, fn: 0, fp: 3, tn: 7 }, 0.5);
    expect(shares.tp).toBe(0);
    expect(shares.fp).toBeCloseTo(0.15, 12);
    expect(shares.tn).toBeCloseTo(0.35, 12);
  });
});

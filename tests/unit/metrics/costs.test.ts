import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defined } from '../defined';
import { bayesThreshold, calibratedCostRatio, costOptimal, expectedCostAt, impliedCostRatio, MetricsInputError, ScoreCurve } from '../../../src/metrics';

/** Integer-valued rows so brute-force costs are exact and ties are real ties. */
const curveArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 12 }), fc.constantFrom(0, 1), fc.integer({ min: 1, max: 4 })), {
    minLength: 1,
    maxLength: 40,
  })
  .map((rows) =>
    ScoreCurve.from(
      rows.map((r) => r[0] / 12),
      rows.map((r) => r[1]),
      rows.map((r) => r[2]),
    ),
  );
const costArb = fc.record({ costFp: fc.integer({ min: 0, max: 20 }), costFn: fc.integer({ min: 0, max: 20 }) });

/** Brute force: interval of r = C_FN / C_FP where k beats or ties every other point. */
function bruteRange(curve: ScoreCurve, k: number): { low: number; high: number } | null {
  const x = (j: number) => (j === 0 ? 0 : curve.cumFp[j - 1]);
  const y = (j: number) => (j === 0 ? 0 : curve.cumTp[j - 1]);
  let low = 0;
  let high = Infinity;
  let beatenAtEqualRecall = false;
  for (let j = 0; j <= curve.size; j++) {
    const dy = y(j) - y(k);
    const dx = x(j) - x(k);
    if (dy > 0) high = Math.min(high, dx / dy);
    else if (dy < 0) low = Math.max(low, dx / dy);
    else if (dx < 0) beatenAtEqualRecall = true;
  }
  // Beaten at every finite ratio by a point of equal recall and fewer alarms: still tied at
  // r = ∞ (false alarms free) when k has full recall.
  if (beatenAtEqualRecall) return y(k) === curve.positives ? { low: Infinity, high: Infinity } : null;
  return low <= high ? { low, high } : null;
}

describe('expectedCostAt', () => {
  const curve = ScoreCurve.from([0.9, 0.8, 0.3, 0.2], [1, 0, 1, 0]);
  it('is per case at the observed prevalence', () => {
    // k = 2: tp 1, fp 1, fn 1 of 4 cases.
    expect(expectedCostAt(curve, 2, { costFp: 1, costFn: 10 })).toBe((1 + 10) / 4);
  });
  it('re-weights to an assumed prevalence', () => {
    // FPR 0.5, FNR 0.5 at k = 2.
    expect(expectedCostAt(curve, 2, { costFp: 1, costFn: 10 }, 0.1)).toBeCloseTo(0.9 * 0.5 * 1 + 0.1 * 0.5 * 10, 15);
    expect(expectedCostAt(curve, 0, { costFp: 1, costFn: 10 }, 0)).toBe(0);
  });
  it('rejects negative costs and impossible prevalences', () => {
    expect(() => expectedCostAt(curve, 1, { costFp: -1, costFn: 1 })).toThrow(MetricsInputError);
    expect(() => expectedCostAt(curve, 1, { costFp: 1, costFn: NaN })).toThrow(/false negative/);
    expect(() => expectedCostAt(curve, 1, { costFp: 1, costFn: 1 }, 1.5)).toThrow(/Prevalence/);
  });
});

describe('costOptimal', () => {
  it('finds the minimum over all operating points, highest threshold on ties', () => {
    fc.assert(
      fc.property(curveArb, costArb, fc.option(fc.constantFrom(0, 0.05, 0.5, 0.9, 1), { nil: undefined }), (curve, costs, pi) => {
        const got = costOptimal(curve, costs, pi);
        let best = 0;
        let bestCost = Infinity;
        for (let k = 0; k <= curve.size; k++) {
          const c = expectedCostAt(curve, k, costs, pi);
          if (c < bestCost - 1e-12 * Math.max(1, bestCost === Infinity ? 0 : bestCost)) {
            best = k;
            bestCost = c;
          }
        }
        expect(got.index).toBe(best);
        expect(got.expectedCost).toBeCloseTo(bestCost, 12);
        expect(curve.indexAt(got.threshold)).toBe(got.index);
      }),
      { numRuns: 300 },
    );
  });

  it('ties: free misses flag nothing; free false alarms stop at the first threshold with full recall', () => {
    const curve = ScoreCurve.from([0.9, 0.7, 0.5, 0.3], [1, 1, 0, 0]);
    expect(costOptimal(curve, { costFp: 1, costFn: 0 }).index).toBe(0);
    expect(costOptimal(curve, { costFp: 0, costFn: 1 }).index).toBe(2);
    expect(costOptimal(curve, { costFp: 0, costFn: 0 }).index).toBe(0);
  });

  it('returns a threshold just above the top score when flagging nothing is best', () => {
    const curve = ScoreCurve.from([0.9, 0.1], [0, 1]);
    const r = costOptimal(curve, { costFp: 5, costFn: 1 });
    expect(r.index).toBe(0);
    expect(r.threshold).toBeGreaterThan(0.9);
    expect(r.expectedCost).toBe(0.5);
  });
});

describe('impliedCostRatio', () => {
  it('matches the brute-force envelope for every operating point', () => {
    fc.assert(
      fc.property(curveArb, (curve) => {
        for (let k = 0; k <= curve.size; k++) {
          const got = impliedCostRatio(curve, k);
          const want = bruteRange(curve, k);
          if (want === null) expect(got).toBeNull();
          else {
            expect(got).not.toBeNull();
            expect(defined(got).low).toBeCloseTo(want.low, 12);
            if (want.high === Infinity) expect(defined(got).high).toBe(Infinity);
            else expect(defined(got).high).toBeCloseTo(want.high, 12);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with costOptimal: at a ratio inside the range, k is optimal', () => {
    fc.assert(
      fc.property(curveArb, (curve) => {
        for (let k = 0; k <= curve.size; k++) {
          const range = impliedCostRatio(curve, k);
          if (range === null || range.low === range.high) continue;
          const r = range.high === Infinity ? range.low + 1 : (range.low + range.high) / 2;
          const best = costOptimal(curve, { costFp: 1, costFn: r });
          expect(best.index).toBe(k);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('scales with an assumed prevalence', () => {
    const curve = ScoreCurve.from([0.9, 0.8, 0.6, 0.4, 0.2], [1, 0, 1, 0, 0]);
    const observed = defined(impliedCostRatio(curve, 1));
    // π = 0.5 vs observed 0.4: each ratio scales by (P/N)·(1 − π)/π = (2/3)·1.
    const shifted = defined(impliedCostRatio(curve, 1, 0.5));
    expect(shifted.low).toBeCloseTo(observed.low * (2 / 3), 12);
    expect(shifted.high).toBeCloseTo(observed.high * (2 / 3), 12);
    expect(impliedCostRatio(curve, 2)).toBeNull(); // 0.8 is a lone negative: below the hull
  });

  it('handles one class and degenerate prevalences', () => {
    const neg = ScoreCurve.from([0.3, 0.2], [0, 0]);
    expect(impliedCostRatio(neg, 0)).toEqual({ low: 0, high: Infinity });
    expect(impliedCostRatio(neg, 1)).toEqual({ low: Infinity, high: Infinity });
    const curve = ScoreCurve.from([0.9, 0.5], [1, 0]);
    expect(impliedCostRatio(curve, 0, 0)).toEqual({ low: 0, high: Infinity });
    expect(impliedCostRatio(curve, 2, 1)).toEqual({ low: 0, high: Infinity });
  });
});

describe('calibrated thresholds', () => {
  it('bayesThreshold and calibratedCostRatio are inverse', () => {
    expect(bayesThreshold({ costFp: 1, costFn: 9 })).toBe(0.1);
    expect(calibratedCostRatio(0.1)).toBeCloseTo(9, 12);
    expect(calibratedCostRatio(0.5)).toBe(1);
    expect(calibratedCostRatio(0)).toBe(Infinity);
    expect(calibratedCostRatio(1)).toBe(0);
    expect(calibratedCostRatio(1.5)).toBeNaN();
    expect(bayesThreshold({ costFp: 0, costFn: 0 })).toBeNaN();
    expect(() => bayesThreshold({ costFp: -1, costFn: 0 })).toThrow(MetricsInputError);
  });
});

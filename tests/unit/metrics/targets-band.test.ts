import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bandAtIndices, f1Optimal, fBeta, MetricsInputError, ScoreCurve, threeWayBand, thresholdForRecall } from '../../../src/metrics';
import { bandExpectedCost, thresholdForPrecision } from './target-oracles';
import { bruteConfusion, close } from './brute-force';
import { defined } from '../defined';

const rowsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0, 1)), { minLength: 1, maxLength: 40 })
  .map((t) => ({ scores: t.map((x) => x[0] / 10), labels: t.map((x) => x[1]) }));

describe('f1Optimal', () => {
  it('maximises F over all operating points, highest threshold on ties', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(0.5, 1, 2), ({ scores, labels }, beta) => {
        const c = ScoreCurve.from(scores, labels);
        const got = f1Optimal(c, beta);
        let best = 0;
        let bestF = 0;
        for (let k = 0; k <= c.size; k++) {
          const f = fBeta(c.confusionAtIndex(k), beta);
          if (f > bestF + 1e-12) {
            best = k;
            bestF = f;
          }
        }
        expect(got.index).toBe(best);
        expect(got.f).toBeCloseTo(bestF, 12);
        expect(c.indexAt(got.threshold)).toBe(got.index);
      }),
    );
  });
  it('is index 0 without positives', () => {
    expect(f1Optimal(ScoreCurve.from([0.2, 0.4], [0, 0])).index).toBe(0);
  });
});

describe('thresholdForRecall / thresholdForPrecision', () => {
  it('recall: the highest threshold reaching the target', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0, max: 1.2, noNaN: true }), ({ scores, labels }, r) => {
        const c = ScoreCurve.from(scores, labels);
        const got = thresholdForRecall(c, r);
        const recallAt = (k: number) => (c.positives > 0 ? c.confusionAtIndex(k).tp / c.positives : 0);
        let want = -1;
        for (let k = 0; k <= c.size; k++) {
          if (recallAt(k) >= r) {
            want = k;
            break;
          }
        }
        if (want < 0) expect(got).toBeNull();
        else {
          expect(got?.index).toBe(want);
          expect(defined(got).recall).toBeGreaterThanOrEqual(r);
          // The threshold reproduces the recall through the ordinary query.
          const t = bruteConfusion({ scores, labels }, defined(got).threshold);
          expect(close(t.tp / Math.max(1, t.tp + t.fn), defined(got).recall)).toBe(true);
        }
      }),
    );
  });
  it('precision: the lowest threshold reaching the target', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0, max: 1, noNaN: true }), ({ scores, labels }, p) => {
        const c = ScoreCurve.from(scores, labels);
        const got = thresholdForPrecision(c, p);
        let want = -1;
        for (let k = c.size; k >= 1; k--) {
          const x = c.confusionAtIndex(k);
          if (x.tp / (x.tp + x.fp) >= p) {
            want = k;
            break;
          }
        }
        if (want < 0) expect(got).toBeNull();
        else expect(got?.index).toBe(want);
      }),
    );
  });
  it('edge targets', () => {
    const c = ScoreCurve.from([0.9, 0.8, 0.3], [1, 0, 1]);
    expect(thresholdForRecall(c, 0)?.index).toBe(0);
    expect(thresholdForRecall(c, 1)?.index).toBe(3);
    expect(thresholdForRecall(c, 1.01)).toBeNull();
    expect(thresholdForRecall(ScoreCurve.from([0.3], [0]), 0.5)).toBeNull();
    expect(thresholdForPrecision(c, 1)?.index).toBe(1);
    expect(thresholdForPrecision(ScoreCurve.from([0.3], [0]), 0.5)).toBeNull();
  });
});

describe('threeWayBand', () => {
  it('splits the cases into flagged, review and cleared', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10 }), ({ scores, labels }, a, b) => {
        const lower = Math.min(a, b) / 10;
        const upper = Math.max(a, b) / 10;
        const c = ScoreCurve.from(scores, labels);
        const band = threeWayBand(c, lower, upper);
        let fl = 0;
        let rv = 0;
        let cl = 0;
        let rvPos = 0;
        scores.forEach((s, i) => {
          if (s >= upper) fl++;
          else if (s >= lower) {
            rv++;
            rvPos += labels[i];
          } else cl++;
        });
        expect(band.flagged.tp + band.flagged.fp).toBe(fl);
        expect(band.review.positives + band.review.negatives).toBe(rv);
        expect(band.review.positives).toBe(rvPos);
        expect(band.cleared.fn + band.cleared.tn).toBe(cl);
        expect(band.flaggedShare + band.reviewShare + band.clearedShare).toBeCloseTo(1, 12);
        expect(band.reviewShare).toBeCloseTo(rv / scores.length, 12);
      }),
    );
  });
  it('is the plain threshold when lower = upper, and costs review time', () => {
    const c = ScoreCurve.from([0.9, 0.6, 0.4, 0.1], [1, 1, 0, 0]);
    const band = threeWayBand(c, 0.5, 0.5);
    expect(band.reviewShare).toBe(0);
    expect(band.flagged).toEqual({ tp: 2, fp: 0 });
    const wide = bandAtIndices(c, 4, 1);
    expect(wide.upperIndex).toBe(1);
    expect(wide.lowerIndex).toBe(4);
    expect(wide.review).toEqual({ positives: 1, negatives: 2 });
    expect(bandExpectedCost(wide, { costFp: 1, costFn: 10, costReview: 0.5 })).toBe((3 * 0.5) / 4);
  });
  it('rejects lower > upper', () => {
    const c = ScoreCurve.from([0.9, 0.1], [1, 0]);
    expect(() => threeWayBand(c, 0.6, 0.4)).toThrow(MetricsInputError);
    expect(() => threeWayBand(c, NaN, 0.4)).toThrow(MetricsInputError);
  });
});

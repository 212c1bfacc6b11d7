import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { metricsFromConfusion, ScoreCurve } from '../../../src/metrics';
import { bruteAp, bruteAuc, bruteConfusion, close, distinctDescending, type Rows } from './brute-force';
import { defined } from '../defined';

/** Scores with many ties (a coarse grid) mixed with arbitrary finite doubles, -0 included. */
const score = fc.oneof(
  fc.integer({ min: -4, max: 8 }).map((x) => x / 8),
  fc.constantFrom(0, -0, 1),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
);
const label = fc.oneof(fc.constantFrom(0, 1), fc.constantFrom(0, 1, 2, -1));
// Weights spanning many orders of magnitude would test float absorption (1 + 1e-300 = 1),
// not the metrics; real weights are counts or modest ratios.
const weight = fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 }), fc.double({ min: 0.01, max: 10, noNaN: true }));

const rows: fc.Arbitrary<Rows> = fc
  .array(fc.tuple(score, label, weight), { minLength: 1, maxLength: 60 })
  .chain((t) =>
    fc.boolean().map((weighted) => ({
      scores: t.map((x) => x[0]),
      labels: t.map((x) => x[1]),
      weights: weighted ? t.map((x) => x[2]) : undefined,
    })),
  )
  .filter((r) => !r.weights || r.weights.some((x) => x > 0));

const build = (r: Rows) => ScoreCurve.from(r.scores, r.labels, r.weights);

const sameConfusion = (a: ReturnType<typeof bruteConfusion>, b: ReturnType<typeof bruteConfusion>) =>
  close(a.tp, b.tp) && close(a.fp, b.fp) && close(a.tn, b.tn) && close(a.fn, b.fn);

describe('ScoreCurve against brute force', () => {
  it('has strictly descending distinct thresholds and nondecreasing counts', () => {
    fc.assert(
      fc.property(rows, (r) => {
        const c = build(r);
        expect(Array.from(c.thresholds)).toEqual(distinctDescending(r));
        for (let i = 1; i < c.size; i++) {
          expect(c.cumTp[i]).toBeGreaterThanOrEqual(c.cumTp[i - 1]);
          expect(c.cumFp[i]).toBeGreaterThanOrEqual(c.cumFp[i - 1]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the confusion matrix of any threshold', () => {
    fc.assert(
      fc.property(rows, fc.oneof(score, fc.double({ noNaN: true })), (r, t) => {
        const c = build(r);
        expect(sameConfusion(c.confusionAt(t), bruteConfusion(r, t))).toBe(true);
        // Every data score as threshold, and the index round trip.
        for (const s of r.scores) {
          const k = c.indexAt(s);
          expect(sameConfusion(c.confusionAtIndex(k), bruteConfusion(r, s))).toBe(true);
          expect(c.indexAt(c.thresholdAtIndex(k))).toBe(k);
        }
        expect(c.indexAt(c.thresholdAtIndex(0))).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  it('gives the metrics of any threshold', () => {
    fc.assert(
      fc.property(rows, score, (r, t) => {
        const c = build(r);
        const got = metricsFromConfusion(c.confusionAt(t), { costFp: 1, costFn: 7 });
        const b = bruteConfusion(r, t);
        const div = (x: number, y: number) => (y === 0 ? 0 : x / y);
        const total = b.tp + b.fp + b.tn + b.fn;
        expect(close(got.precision, div(b.tp, b.tp + b.fp))).toBe(true);
        expect(close(got.recall, div(b.tp, b.tp + b.fn))).toBe(true);
        expect(close(got.fpr, div(b.fp, b.fp + b.tn))).toBe(true);
        expect(close(got.npv, div(b.tn, b.tn + b.fn))).toBe(true);
        expect(close(got.accuracy, div(b.tp + b.tn, total))).toBe(true);
        expect(close(got.expectedCost, div(b.fp + 7 * b.fn, total))).toBe(true);
        const p = div(b.tp, b.tp + b.fp);
        const rec = div(b.tp, b.tp + b.fn);
        expect(close(got.f1, p + rec === 0 ? 0 : (2 * p * rec) / (p + rec))).toBe(true);
        const den = Math.sqrt((b.tp + b.fp) * (b.tp + b.fn) * (b.tn + b.fp) * (b.tn + b.fn));
        expect(close(got.mcc, den === 0 ? 0 : (b.tp * b.tn - b.fp * b.fn) / den, 1e-7)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('computes ROC-AUC as the pairwise (Mann–Whitney) probability with ties as ½', () => {
    fc.assert(
      fc.property(rows, (r) => {
        expect(close(build(r).rocAuc(), bruteAuc(r))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('computes average precision as the step sum over distinct thresholds', () => {
    fc.assert(
      fc.property(rows, (r) => {
        expect(close(build(r).averagePrecision(), bruteAp(r))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on row order', () => {
    fc.assert(
      fc.property(rows, fc.integer(), (r, seed) => {
        const idx = r.scores.map((_, i) => i);
        let s = seed >>> 0;
        for (let i = idx.length - 1; i > 0; i--) {
          s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
          const j = s % (i + 1);
          [idx[i], idx[j]] = [idx[j], idx[i]];
        }
        const shuffled = {
          scores: idx.map((i) => r.scores[i]),
          labels: idx.map((i) => r.labels[i]),
          weights: r.weights ? idx.map((i) => defined(r.weights)[i]) : undefined,
        };
        const a = build(r);
        const b = build(shuffled);
        expect(Array.from(b.thresholds)).toEqual(Array.from(a.thresholds));
        for (let i = 0; i < a.size; i++) {
          expect(close(a.cumTp[i], b.cumTp[i])).toBe(true);
          expect(close(a.cumFp[i], b.cumFp[i])).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

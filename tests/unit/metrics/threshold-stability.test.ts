import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { bootstrapResamples, describeStability, foldResamples, resampleCurves, spreadOf, thresholdStability } from '../../../src/metrics/threshold-stability';

/** Brute force: try every distinct score and "flag nothing" (above the highest); ties go to the highest threshold. */
function bruteBest(scores: number[], labels: number[], value: (tp: number, fp: number, fn: number) => number, higherIsBetter: boolean): number {
  const candidates = [...new Set(scores)].sort((a, b) => b - a);
  let best = Infinity; // flag nothing
  let bestValue = value(0, 0, labels.filter((l) => l === 1).length);
  for (const t of candidates) {
    let tp = 0;
    let fp = 0;
    let fn = 0;
    scores.forEach((s, i) => {
      if (s >= t) {
        if (labels[i]) tp++;
        else fp++;
      } else if (labels[i]) fn++;
    });
    const v = value(tp, fp, fn);
    if (higherIsBetter ? v > bestValue * (1 + 1e-12) : v < bestValue - 1e-9) {
      best = t;
      bestValue = v;
    }
  }
  return best;
}

const casesArb = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 40 }).map((v) => v / 40),
      fc.integer({ min: 0, max: 1 }),
    ),
    { minLength: 30, maxLength: 120 },
  )
  .filter((rows) => rows.some((r) => r[1] === 1) && rows.some((r) => r[1] === 0));

describe('threshold stability', () => {
  test('every figure equals a brute-force recomputation on each fold', () => {
    fc.assert(
      fc.property(casesArb, fc.integer({ min: 2, max: 5 }), fc.integer({ min: 1, max: 20 }), (rows, k, costFn) => {
        const scores = rows.map((r) => r[0]);
        const labels = rows.map((r) => r[1]);
        const foldOf = Uint8Array.from(rows, (_, i) => i % k);
        const resamples = foldResamples(foldOf, k);
        const chosen = 0.5;
        const s = thresholdStability(resampleCurves(scores, labels, resamples), { costs: { costFp: 1, costFn } }, chosen, 'k-fold');
        const recalls: number[] = [];
        resamples.forEach((fold, f) => {
          const fs = Array.from(fold, (i) => scores[i]);
          const fl = Array.from(fold, (i) => labels[i]);
          const cost = bruteBest(fs, fl, (_tp, fp, fn) => fp + costFn * fn, false);
          const f1 = bruteBest(fs, fl, (tp, fp, fn) => (tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn)), true);
          const fromCurve = (t: number) => (Number.isFinite(t) ? t : Math.max(...fs));
          // "Flag nothing" is the next float above the highest score.
          if (Number.isFinite(cost)) expect(s.thresholds[0].values[f]).toBe(cost);
          else expect(s.thresholds[0].values[f]).toBeGreaterThan(fromCurve(cost));
          if (Number.isFinite(f1)) expect(s.thresholds[1].values[f]).toBe(f1);
          const tp = fs.filter((v, i) => v >= chosen && fl[i] === 1).length;
          const p = fl.filter((l) => l === 1).length;
          recalls.push(p ? tp / p : NaN);
        });
        const brute = spreadOf(recalls);
        expect(s.atChosen.recall.low).toBe(brute.low);
        expect(s.atChosen.recall.high).toBe(brute.high);
        expect(s.atChosen.recall.mean).toBeCloseTo(brute.mean, 12);
      }),
    );
  });

  test('spread is min, max, mean and population sd of the finite values', () => {
    const s = spreadOf([0.2, NaN, 0.4, 0.6]);
    expect([s.low, s.high]).toEqual([0.2, 0.6]);
    expect(s.mean).toBeCloseTo(0.4, 15);
    expect(s.sd).toBeCloseTo(Math.sqrt(0.08 / 3), 15);
    expect(spreadOf([NaN]).low).toBeNaN();
  });

  test('bootstrap resamples are seeded and drawn with replacement', () => {
    const a = bootstrapResamples(50, 3, 7);
    expect(a).toEqual(bootstrapResamples(50, 3, 7));
    expect(a).not.toEqual(bootstrapResamples(50, 3, 8));
    expect(a.every((r) => r.length === 50 && r.every((i) => i < 50))).toBe(true);
    expect(new Set(a[0]).size).toBeLessThan(50);
  });

  test('says the range in words', () => {
    const scores = [0.1, 0.2, 0.7, 0.8, 0.3, 0.9, 0.6, 0.4];
    const labels = [0, 0, 1, 1, 0, 1, 1, 0];
    const s = thresholdStability(resampleCurves(scores, labels, [Uint32Array.of(0, 1, 2, 3), Uint32Array.of(4, 5, 6, 7)]), { costs: { costFp: 1, costFn: 1 } }, 0.5, 'k-fold');
    expect(describeStability(s)).toBe('the cost-optimal cutoff ranges 0.60–0.70 across 2 folds');
  });
});

import { describe, expect, it } from 'vitest';
import { mulberry32, randomBelow } from '../../../src/data/random';
import { aucApOfLevels, bootstrapAucAp, MetricsInputError, ScoreCurve } from '../../../src/metrics';
import { generatedRows } from './lcg';
import { defined } from '../defined';

describe('the seeded generator', () => {
  it('is deterministic per seed and roughly uniform', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const xs = Array.from({ length: 5 }, () => a());
    expect(xs).toEqual(Array.from({ length: 5 }, () => b()));
    expect(xs).not.toEqual(Array.from({ length: 5 }, () => c()));
    const r = mulberry32(1);
    let sum = 0;
    for (let i = 0; i < 100_000; i++) sum += r();
    expect(sum / 100_000).toBeCloseTo(0.5, 2);
  });

  it('randomBelow covers [0, n) evenly and never reaches n', () => {
    const random = mulberry32(3);
    const counts = new Array<number>(7).fill(0);
    for (let i = 0; i < 70_000; i++) counts[randomBelow(random, 7)]++;
    expect(counts.every((c) => Math.abs(c - 10_000) < 400)).toBe(true);
  });
});

describe('bootstrapAucAp', () => {
  const { scores, labels, weights } = generatedRows(5, 2000, 2, true);

  it('is reproducible from its seed', () => {
    const a = bootstrapAucAp(scores, labels, weights, { replicates: 50, seed: 3 });
    const b = bootstrapAucAp(scores, labels, weights, { replicates: 50, seed: 3 });
    const c = bootstrapAucAp(scores, labels, weights, { replicates: 50, seed: 4 });
    expect(a).toEqual(b);
    expect(a.rocAuc.low).not.toBe(c.rocAuc.low);
  });

  it('each replicate equals AUC and AP of the resampled rows computed from scratch', () => {
    const n = 300;
    const { scores: s, labels: y, weights: w } = generatedRows(9, n, 1, true);
    const res = bootstrapAucAp(s, y, w, { replicates: 5, seed: 11 });
    // Redraw the same rows with the same generator, in the same order (positives, then negatives).
    const kept = [...Array(n).keys()].filter((i) => defined(w)[i] > 0);
    const pos = kept.filter((i) => y[i] !== 0);
    const neg = kept.filter((i) => y[i] === 0);
    const random = mulberry32(11);
    for (let r = 0; r < 5; r++) {
      const rows = [...pos.map(() => pos[randomBelow(random, pos.length)]), ...neg.map(() => neg[randomBelow(random, neg.length)])];
      const curve = ScoreCurve.from(
        rows.map((i) => s[i]),
        rows.map((i) => y[i]),
        rows.map((i) => defined(w)[i]),
      );
      expect(res.samples.rocAuc[r]).toBeCloseTo(curve.rocAuc(), 12);
      expect(res.samples.averagePrecision[r]).toBeCloseTo(curve.averagePrecision(), 12);
    }
  });

  it('gives an interval around the estimate that narrows with more data', () => {
    const small = generatedRows(21, 400, 0, false);
    const large = generatedRows(21, 6400, 0, false);
    const a = bootstrapAucAp(small.scores, small.labels, undefined, { replicates: 200 });
    const b = bootstrapAucAp(large.scores, large.labels, undefined, { replicates: 200 });
    for (const r of [a, b]) {
      expect(r.rocAuc.low).toBeLessThan(r.rocAuc.estimate);
      expect(r.rocAuc.high).toBeGreaterThan(r.rocAuc.estimate);
      expect(r.averagePrecision.low).toBeLessThan(r.averagePrecision.estimate);
      expect(r.averagePrecision.high).toBeGreaterThan(r.averagePrecision.estimate);
    }
    const width = (e: { low: number; high: number }) => e.high - e.low;
    expect(width(b.rocAuc)).toBeLessThan(width(a.rocAuc) / 2);
  });

  it('reports progress and validates its options', () => {
    const seen: number[] = [];
    bootstrapAucAp([0.1, 0.9], [0, 1], undefined, { replicates: 3, onProgress: (d) => seen.push(d) });
    expect(seen).toEqual([1, 2, 3]);
    expect(() => bootstrapAucAp([0.1], [1], undefined, { replicates: 0 })).toThrow(MetricsInputError);
    expect(() => bootstrapAucAp([0.1], [1], undefined, { confidence: 1 })).toThrow(MetricsInputError);
    expect(() => bootstrapAucAp([NaN], [1])).toThrow(/row 1/);
  });

  it('gives NaN AUC intervals with one class', () => {
    const r = bootstrapAucAp([0.1, 0.5], [1, 1], undefined, { replicates: 10 });
    expect(r.rocAuc.low).toBeNaN();
    expect(r.averagePrecision.estimate).toBe(1);
  });

  it('aucApOfLevels matches the curve figures', () => {
    const c = ScoreCurve.from([0.9, 0.5, 0.5, 0.1, 0.5], [1, 0, 1, 0, 0]);
    const posW = new Float64Array([1, 1, 0]);
    const negW = new Float64Array([0, 2, 1]);
    const r = aucApOfLevels(posW, negW);
    expect(r.auc).toBeCloseTo(c.rocAuc(), 15);
    expect(r.ap).toBeCloseTo(c.averagePrecision(), 15);
  });
});

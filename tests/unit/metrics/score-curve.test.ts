import { describe, expect, it } from 'vitest';
import { MetricsInputError, nextUp, ScoreCurve } from '../../../src/metrics';
import { logLossOf, prCurveOf, rocCurveOf } from './curve-oracles';

function errorOf(f: () => unknown): MetricsInputError {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MetricsInputError);
    return e as MetricsInputError;
  }
  throw new Error('expected a MetricsInputError');
}

describe('ScoreCurve.from', () => {
  it('collapses ties and accumulates counts', () => {
    const c = ScoreCurve.from([0.9, 0.5, 0.5, 0.1, 0.5], [1, 0, 1, 0, 0]);
    expect(Array.from(c.thresholds)).toEqual([0.9, 0.5, 0.1]);
    expect(Array.from(c.cumTp)).toEqual([1, 2, 2]);
    expect(Array.from(c.cumFp)).toEqual([0, 2, 3]);
    expect(c.n).toBe(5);
    expect(c.positives).toBe(2);
    expect(c.negatives).toBe(3);
    expect(c.prevalence()).toBe(0.4);
  });

  it('accepts typed arrays, negative scores, any nonzero label, and folds -0 into 0', () => {
    const c = ScoreCurve.from(new Float32Array([-2, 0, -0, 3]), new Int8Array([-1, 0, 2, 0]));
    expect(Array.from(c.thresholds)).toEqual([3, 0, -2]);
    expect(Array.from(c.cumTp)).toEqual([0, 1, 2]);
  });

  it('sorts extreme and subnormal values correctly', () => {
    const s = [Number.MAX_VALUE, -Number.MAX_VALUE, Number.MIN_VALUE, -Number.MIN_VALUE, 1e-300, -1e300, 0];
    const c = ScoreCurve.from(
      s,
      s.map(() => 1),
    );
    expect(Array.from(c.thresholds)).toEqual([...s].sort((a, b) => b - a));
  });

  it('rejects NaN and infinite scores, naming the row', () => {
    let e = errorOf(() => ScoreCurve.from([0.1, 0.2, NaN], [0, 1, 0]));
    expect(e.message).toMatch(/row 3/);
    expect(e.message).toMatch(/NaN/);
    expect(e.row).toBe(2);
    e = errorOf(() => ScoreCurve.from([Infinity], [1]));
    expect(e.message).toMatch(/Score in row 1 is Infinity/);
    e = errorOf(() => ScoreCurve.from([0, -Infinity], [1, 0]));
    expect(e.message).toMatch(/row 2 is -Infinity/);
  });

  it('rejects bad labels and weights with a specific message', () => {
    expect(errorOf(() => ScoreCurve.from([0.1, 0.2], [0, NaN])).message).toMatch(/Label in row 2/);
    expect(errorOf(() => ScoreCurve.from([0.1, 0.2], [0, 1], [1, -1])).message).toMatch(/Weight in row 2 is -1/);
    expect(errorOf(() => ScoreCurve.from([0.1, 0.2], [0, 1], [Infinity, 1])).message).toMatch(/Weight in row 1/);
    expect(errorOf(() => ScoreCurve.from([0.1, 0.2], [0, 1], [NaN, 1])).row).toBe(0);
  });

  it('rejects empty input, length mismatches and all-zero weights', () => {
    expect(errorOf(() => ScoreCurve.from([], [])).message).toMatch(/no scores/);
    expect(errorOf(() => ScoreCurve.from([1, 2], [1])).message).toMatch(/2 scores but 1 labels/);
    expect(errorOf(() => ScoreCurve.from([1, 2], [1, 0], [1])).message).toMatch(/2 scores but 1 weights/);
    expect(errorOf(() => ScoreCurve.from([1, 2], [1, 0], [0, 0])).message).toMatch(/weight 0/);
  });

  it('drops zero-weight rows entirely, like scikit-learn', () => {
    const c = ScoreCurve.from([0.9, 0.7, 0.5], [1, 0, 0], [2, 0, 1.5]);
    expect(Array.from(c.thresholds)).toEqual([0.9, 0.5]);
    expect(c.n).toBe(3);
    expect(c.positives).toBe(2);
    expect(c.negatives).toBe(1.5);
    expect(c.confusionAt(0.7)).toEqual({ tp: 2, fp: 0, tn: 1.5, fn: 0 });
  });
});

describe('threshold queries', () => {
  const c = ScoreCurve.from([0.9, 0.5, 0.5, 0.1, 0.5], [1, 0, 1, 0, 0]);

  it('indexAt counts distinct thresholds >= t', () => {
    expect(c.indexAt(1)).toBe(0);
    expect(c.indexAt(0.9)).toBe(1);
    expect(c.indexAt(0.6)).toBe(1);
    expect(c.indexAt(0.5)).toBe(2);
    expect(c.indexAt(0.1)).toBe(3);
    expect(c.indexAt(-Infinity)).toBe(3);
    expect(c.indexAt(Infinity)).toBe(0);
    expect(c.indexAt(NaN)).toBe(0);
  });

  it('confusionAt applies score >= t', () => {
    expect(c.confusionAt(0.5)).toEqual({ tp: 2, fp: 2, tn: 1, fn: 0 });
    expect(c.confusionAt(0.50000001)).toEqual({ tp: 1, fp: 0, tn: 3, fn: 1 });
    expect(c.confusionAtIndex(0)).toEqual({ tp: 0, fp: 0, tn: 3, fn: 2 });
  });

  it('thresholdAtIndex realises the index, with the next double above the top for k = 0', () => {
    expect(c.thresholdAtIndex(0)).toBe(nextUp(0.9));
    expect(c.thresholdAtIndex(0)).toBeGreaterThan(0.9);
    expect(c.thresholdAtIndex(2)).toBe(0.5);
    for (let k = 0; k <= c.size; k++) expect(c.indexAt(c.thresholdAtIndex(k))).toBe(k);
  });

  it('clamps out-of-range and fractional indices', () => {
    expect(c.confusionAtIndex(-3)).toEqual(c.confusionAtIndex(0));
    expect(c.confusionAtIndex(99)).toEqual(c.confusionAtIndex(3));
    expect(c.confusionAtIndex(1.7)).toEqual(c.confusionAtIndex(1));
    expect(c.thresholdAtIndex(99)).toBe(0.1);
  });
});

describe('edge cases with a defined answer', () => {
  it('n = 1', () => {
    const c = ScoreCurve.from([0.7], [1]);
    expect(c.size).toBe(1);
    expect(c.rocAuc()).toBeNaN();
    expect(c.averagePrecision()).toBe(1);
    expect(c.confusionAtIndex(1)).toEqual({ tp: 1, fp: 0, tn: 0, fn: 0 });
  });

  it('all scores equal: one operating point besides "nothing", AUC 0.5, AP = prevalence', () => {
    const c = ScoreCurve.from([0.3, 0.3, 0.3, 0.3], [1, 0, 0, 0]);
    expect(c.size).toBe(1);
    expect(c.rocAuc()).toBe(0.5);
    expect(c.averagePrecision()).toBe(0.25);
    expect(Array.from(rocCurveOf(c).fpr)).toEqual([0, 1]);
  });

  it('one class only: AUC NaN, ROC rates of the absent class NaN, AP 0 without positives', () => {
    const neg = ScoreCurve.from([0.1, 0.4, 0.4], [0, 0, 0]);
    expect(neg.rocAuc()).toBeNaN();
    expect(neg.averagePrecision()).toBe(0);
    expect(Array.from(rocCurveOf(neg).tpr).every(Number.isNaN)).toBe(true);
    expect(Array.from(prCurveOf(neg).recall)).toEqual([1, 1, 0]);
    const pos = ScoreCurve.from([0.1, 0.4, 0.4], [1, 1, 1]);
    expect(pos.rocAuc()).toBeNaN();
    expect(pos.averagePrecision()).toBe(1);
    expect(Array.from(rocCurveOf(pos).fpr).every(Number.isNaN)).toBe(true);
  });

  it('Brier is NaN for scores outside [0, 1]; log loss clips', () => {
    const c = ScoreCurve.from([2, -1], [1, 0]);
    expect(c.brier()).toBeNaN();
    expect(logLossOf(c)).toBeCloseTo(-Math.log(1 - 2.220446049250313e-16), 12);
    expect(logLossOf(ScoreCurve.from([0, 1], [1, 0]))).toBeCloseTo(-Math.log(2.220446049250313e-16), 9);
  });

  it('survives a transfer: the constructor rebuilds from the arrays alone', () => {
    const a = ScoreCurve.from([0.9, 0.5, 0.5, 0.1], [1, 0, 1, 0]);
    const b = new ScoreCurve(a.n, a.thresholds.slice(), a.cumTp.slice(), a.cumFp.slice());
    expect(b.rocAuc()).toBe(a.rocAuc());
    expect(b.positives).toBe(2);
  });
});

describe('nextUp', () => {
  it('steps to the adjacent double', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-0)).toBe(Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(-1)).toBe(-1 + Number.EPSILON / 2);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextUp(Infinity)).toBe(Infinity);
  });
});

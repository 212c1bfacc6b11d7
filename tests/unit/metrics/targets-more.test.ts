import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScoreCurve } from '../../../src/metrics';
import { bestPrecisionAtRecall, bestRecallAtPrecision, mostCaughtWithinAlarms, solveTarget } from '../../../src/metrics/targets';

const rowsArb = fc
  .array(fc.tuple(fc.integer({ min: 0, max: 10 }), fc.constantFrom(0, 1), fc.constantFrom(1, 2, 3)), { minLength: 1, maxLength: 40 })
  .map((t) => ({ scores: t.map((x) => x[0] / 10), labels: t.map((x) => x[1]), weights: t.map((x) => x[2]) }));
const prevalenceArb = fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined });

/** Brute force: every operating point's recall, precision and alarm rate straight from the rows. */
function points(r: { scores: number[]; labels: number[]; weights: number[] }, prevalence?: number) {
  const P = r.labels.reduce((s, y, i) => s + (y ? r.weights[i] : 0), 0);
  const N = r.labels.reduce((s, y, i) => s + (y ? 0 : r.weights[i]), 0);
  const wP = prevalence === undefined ? 1 / (P + N) : P > 0 ? prevalence / P : 0;
  const wN = prevalence === undefined ? 1 / (P + N) : N > 0 ? (1 - prevalence) / N : 0;
  const ts = [Infinity, ...[...new Set(r.scores)].sort((a, b) => b - a)];
  return ts.map((t, k) => {
    let tp = 0;
    let fp = 0;
    r.scores.forEach((s, i) => {
      if (s < t) return;
      if (r.labels[i]) tp += r.weights[i];
      else fp += r.weights[i];
    });
    const flagged = tp * wP + fp * wN;
    return { k, tp, recall: P > 0 ? tp / P : 0, precision: flagged > 0 ? (tp * wP) / flagged : 0, alarmRate: flagged };
  });
}

describe('targets', () => {
  it('best recall at precision ≥ x: the most caught among the points that keep the precision, fewest alarms on ties', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0, max: 1, noNaN: true }), prevalenceArb, (r, x, pi) => {
        const curve = ScoreCurve.from(r.scores, r.labels, r.weights);
        const ok = points(r, pi).filter((p) => p.k > 0 && p.precision >= x);
        const got = bestRecallAtPrecision(curve, x, pi);
        if (ok.length === 0) {
          expect(got).toBeNull();
          return;
        }
        const maxTp = Math.max(...ok.map((p) => p.tp));
        const want = ok.find((p) => p.tp === maxTp);
        expect(got?.index).toBe(want?.k);
        expect(curve.indexAt(got?.threshold ?? NaN)).toBe(got?.index);
      }),
    );
  });

  it('best precision at recall ≥ x: the highest precision among the points that reach the recall', () => {
    fc.assert(
      fc.property(rowsArb, fc.double({ min: 0, max: 1.2, noNaN: true }), prevalenceArb, (r, x, pi) => {
        const curve = ScoreCurve.from(r.scores, r.labels, r.weights);
        const ok = points(r, pi).filter((p) => p.recall >= x && (p.k > 0 || x <= 0));
        const got = bestPrecisionAtRecall(curve, x, pi);
        if (ok.length === 0) {
          expect(got).toBeNull();
          return;
        }
        const best = Math.max(...ok.map((p) => p.precision));
        expect(got?.precision).toBeCloseTo(best, 9);
        expect(got?.recall ?? -1).toBeGreaterThanOrEqual(x - 1e-12);
      }),
    );
  });

  it('at most k alarms per 1,000 cases: the lowest threshold within the budget', () => {
    fc.assert(
      fc.property(rowsArb, fc.integer({ min: 0, max: 1000 }), prevalenceArb, (r, perThousand, pi) => {
        const curve = ScoreCurve.from(r.scores, r.labels, r.weights);
        const ok = points(r, pi).filter((p) => p.alarmRate <= perThousand / 1000 + 1e-12);
        const got = mostCaughtWithinAlarms(curve, perThousand, pi);
        expect(got?.index).toBe(Math.max(...ok.map((p) => p.k)));
      }),
    );
  });

  it('solveTarget dispatches each kind and says none exists with null', () => {
    const curve = ScoreCurve.from([0.9, 0.8, 0.7, 0.2], [1, 0, 1, 0]);
    expect(solveTarget(curve, 'fewest-alarms-at-recall', 1)?.index).toBe(3);
    expect(solveTarget(curve, 'best-recall-at-precision', 0.6)?.index).toBe(3);
    expect(solveTarget(curve, 'best-recall-at-precision', 1)?.index).toBe(1);
    expect(solveTarget(curve, 'best-precision-at-recall', 1)?.precision).toBeCloseTo(2 / 3, 12);
    expect(solveTarget(curve, 'max-alarms-per-1000', 500)?.index).toBe(2);
    expect(solveTarget(curve, 'fewest-alarms-at-recall', 1.1)).toBeNull();
    expect(solveTarget(ScoreCurve.from([0.9, 0.1], [0, 0]), 'best-recall-at-precision', 0.1)).toBeNull();
  });
});

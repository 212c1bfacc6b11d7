import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { casesNeeded, precisionGrid, solveConfidentTarget } from '../../../src/decision/confident-target';
import { binomialCdf, binomialUpperTail } from '../../../src/metrics/binomial';
import { ScoreCurve } from '../../../src/metrics/score-curve';
import { solveTarget, type TargetKind } from '../../../src/metrics/targets';

/** Scores on a coarse grid so ties are common, with labels. */
const casesArb = fc.array(fc.record({ score: fc.integer({ min: 0, max: 20 }).map((s) => s / 20), label: fc.integer({ min: 0, max: 1 }) }), { minLength: 1, maxLength: 300 });

function curveOf(cases: { score: number; label: number }[]): ScoreCurve {
  return ScoreCurve.from(
    cases.map((c) => c.score),
    cases.map((c) => c.label),
  );
}

describe('recall with a confidence: the mirrored umbrella rule, by brute force', () => {
  test('flags every positive scoring at least s(j*), j* = max{ j : P(Bin(n, 1 − r) ≤ j − 1) ≤ 1 − C }', () => {
    fc.assert(
      fc.property(casesArb, fc.constantFrom(0.5, 0.8, 0.9), fc.constantFrom(0.9, 0.95), (cases, r, C) => {
        const positives = cases
          .filter((c) => c.label === 1)
          .map((c) => c.score)
          .sort((a, b) => a - b);
        const outcome = solveConfidentTarget(curveOf(cases), { kind: 'fewest-alarms-at-recall', value: r, confidence: C });
        let jStar = 0;
        for (let j = 1; j <= positives.length; j++) if (binomialCdf(j - 1, positives.length, 1 - r) <= 1 - C) jStar = j;
        if (jStar === 0) {
          expect(outcome.ok).toBe(false);
          return;
        }
        if (!outcome.ok) throw new Error(outcome.message);
        const t = outcome.result.threshold;
        const sj = positives[jStar - 1];
        // Every positive at or above s(j*) is flagged (ties on the safe side) and nothing flagged lies below the next lower score.
        expect(t).toBeLessThanOrEqual(sj);
        expect(cases.filter((c) => c.score >= t).length).toBe(cases.filter((c) => c.score >= sj).length);
      }),
    );
  });

  test('says how many positives are needed when too few (29 for recall 0.9 at 95 %)', () => {
    expect(casesNeeded(0.9, 0.95)).toBe(29);
    const cases = Array.from({ length: 200 }, (_, i) => ({ score: i / 200, label: i % 10 === 0 ? 1 : 0 }));
    const outcome = solveConfidentTarget(curveOf(cases), { kind: 'fewest-alarms-at-recall', value: 0.9, confidence: 0.95 });
    expect(outcome).toEqual({ ok: false, message: 'Recall ≥ 0.9 with 95 % confidence needs at least 29 positives; these cases have 20.' });
  });
});

describe('false-positive rate and alarm rate with a confidence: the umbrella rule', () => {
  test('flags only scores above t(k*) of the negatives, k* = min{ k : P(Bin(n, 1 − f) ≥ k) ≤ 1 − C }', () => {
    fc.assert(
      fc.property(casesArb, fc.constantFrom(0.05, 0.2, 0.5), (cases, f) => {
        const negatives = cases
          .filter((c) => c.label === 0)
          .map((c) => c.score)
          .sort((a, b) => a - b);
        const outcome = solveConfidentTarget(curveOf(cases), { kind: 'max-fpr', value: f, confidence: 0.9 });
        let kStar = -1;
        for (let k = negatives.length; k >= 1; k--) if (binomialUpperTail(k, negatives.length, 1 - f) <= 0.1) kStar = k;
        if (kStar < 0) {
          expect(outcome.ok).toBe(false);
          return;
        }
        if (!outcome.ok) throw new Error(outcome.message);
        expect(outcome.result.threshold).toBeGreaterThan(negatives[kStar - 1]);
        // The lowest such cutoff: the next distinct score above t(k*) is flagged.
        const above = cases.map((c) => c.score).filter((s) => s > negatives[kStar - 1]);
        if (above.length > 0) expect(outcome.result.threshold).toBeLessThanOrEqual(Math.min(...above));
      }),
    );
  });

  test('an alarm budget counts all cases', () => {
    const cases = Array.from({ length: 1000 }, (_, i) => ({ score: i / 1000, label: i % 7 === 0 ? 1 : 0 }));
    const outcome = solveConfidentTarget(curveOf(cases), { kind: 'max-alarms-per-1000', value: 100, confidence: 0.95 });
    if (!outcome.ok) throw new Error(outcome.message);
    const flagged = cases.filter((c) => c.score >= outcome.result.threshold).length;
    // k* = min{ k : P(Bin(1000, 0.9) ≥ k) ≤ 0.05 }: at most 1000 − k* flagged, the most allowed.
    let kStar = 1000;
    while (binomialUpperTail(kStar - 1, 1000, 0.9) <= 0.05) kStar--;
    expect(flagged).toBe(1000 - kStar);
  });
});

describe('precision with a confidence: fixed-sequence Learn-then-Test', () => {
  test('the grid depends on the scores alone', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const flipped = cases.map((c) => ({ score: c.score, label: 1 - c.label }));
        expect(precisionGrid(curveOf(cases), 0.8, 0.95)).toEqual(precisionGrid(curveOf(flipped), 0.8, 0.95));
      }),
    );
  });

  test('every cutoff tested down to the chosen one passes its exact binomial test, and the next one fails', () => {
    fc.assert(
      fc.property(casesArb, (cases) => {
        const curve = curveOf(cases);
        const outcome = solveConfidentTarget(curve, { kind: 'best-recall-at-precision', value: 0.6, confidence: 0.9 });
        const grid = precisionGrid(curve, 0.6, 0.9);
        const passes = (k: number) => binomialUpperTail(curve.cumTp[k - 1], curve.cumTp[k - 1] + curve.cumFp[k - 1], 0.6) <= 0.1;
        if (!outcome.ok) {
          expect(grid.length === 0 || !passes(grid[0])).toBe(true);
          return;
        }
        const at = grid.indexOf(outcome.result.index);
        expect(at).toBeGreaterThanOrEqual(0);
        expect(grid.slice(0, at + 1).every(passes)).toBe(true);
        if (at + 1 < grid.length) expect(passes(grid[at + 1])).toBe(false);
      }),
    );
  });
});

describe('weights, prevalence and the words', () => {
  test('whole-number weights count as the cases they stand for', () => {
    const scores = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2];
    const labels = [1, 1, 0, 1, 0, 1, 0, 0];
    const weights = [30, 20, 5, 25, 40, 10, 50, 60];
    const expanded = { scores: [] as number[], labels: [] as number[] };
    scores.forEach((s, i) => {
      for (let w = 0; w < weights[i]; w++) {
        expanded.scores.push(s);
        expanded.labels.push(labels[i]);
      }
    });
    for (const kind of ['fewest-alarms-at-recall', 'max-fpr', 'best-recall-at-precision', 'max-alarms-per-1000'] as const) {
      const value = kind === 'max-alarms-per-1000' ? 600 : kind === 'max-fpr' ? 0.5 : 0.7;
      const weighted = solveConfidentTarget(ScoreCurve.from(scores, labels, weights), { kind, value, confidence: 0.9 });
      const rows = solveConfidentTarget(ScoreCurve.from(expanded.scores, expanded.labels), { kind, value, confidence: 0.9 });
      expect(weighted).toEqual(rows);
    }
  });

  test('fractional weights are refused for a confidence target, and allowed without one', () => {
    const curve = ScoreCurve.from([0.9, 0.5, 0.1], [1, 0, 1], [1.5, 2, 0.25]);
    const outcome = solveConfidentTarget(curve, { kind: 'fewest-alarms-at-recall', value: 0.5, confidence: 0.9 });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/fractional weights/);
    expect(solveConfidentTarget(curve, { kind: 'fewest-alarms-at-recall', value: 0.5, confidence: null }).ok).toBe(true);
  });

  test('a precision target with a confidence is refused at an assumed prevalence', () => {
    const curve = ScoreCurve.from([0.9, 0.5, 0.1], [1, 0, 1]);
    const outcome = solveConfidentTarget(curve, { kind: 'best-recall-at-precision', value: 0.5, confidence: 0.9, prevalence: 0.2 });
    expect(outcome.ok).toBe(false);
  });

  test('without a confidence it is the sample target, as before', () => {
    fc.assert(
      fc.property(casesArb, fc.constantFrom<TargetKind>('fewest-alarms-at-recall', 'best-recall-at-precision', 'max-alarms-per-1000', 'max-fpr'), (cases, kind) => {
        const curve = curveOf(cases);
        const value = kind === 'max-alarms-per-1000' ? 300 : 0.5;
        const outcome = solveConfidentTarget(curve, { kind, value, confidence: null });
        const found = solveTarget(curve, kind, value);
        expect(outcome.ok ? outcome.result.index : null).toBe(found ? found.index : null);
      }),
    );
  });

  test('states the guarantee in words', () => {
    // 102 positives spread over (0, 1], negatives below them.
    const cases = [...Array.from({ length: 102 }, (_, i) => ({ score: (i + 1) / 102, label: 1 })), ...Array.from({ length: 400 }, (_, i) => ({ score: i / 1000, label: 0 }))];
    const outcome = solveConfidentTarget(curveOf(cases), { kind: 'fewest-alarms-at-recall', value: 0.9, confidence: 0.95 });
    if (!outcome.ok) throw new Error(outcome.message);
    expect(outcome.result.statement).toMatch(
      /^Recall ≥ 0\.9 with 95 % confidence: cutoff [0-9.]+\. On these 102 positives recall is 0\.9[0-9]{2}; the cutoff allows \d misses; precision is/,
    );
    expect(outcome.result.method).toBe('order-statistic');
  });
});

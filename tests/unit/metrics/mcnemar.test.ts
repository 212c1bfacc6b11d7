/**
 * McNemar's exact test against the definition (discordant pairs counted case by case, the
 * binomial tail summed term by term) and exact reference p-values (Python's math.comb and
 * fractions, one-off); and the plain-words sentences of the paired tests.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/random';
import { mcnemarExactP, mcnemarTests } from '../../../src/metrics/mcnemar';
import { describeDelong, describeMcnemar, formatP } from '../../../src/metrics/paired-words';
import type { DelongTest } from '../../../src/metrics/delong';

/** 2·P(Bin(b + c, ½) ≤ min(b, c)) by summing the pmf (log-space binomial coefficients), capped at 1. */
function bruteP(b: number, c: number): number {
  const n = b + c;
  let lgn = 0;
  const lf = [0];
  for (let i = 1; i <= n; i++) lf.push((lgn += Math.log(i)));
  let sum = 0;
  for (let i = 0; i <= Math.min(b, c); i++) sum += Math.exp(lf[n] - lf[i] - lf[n - i] - n * Math.LN2);
  return Math.min(1, 2 * sum);
}

const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9);

describe('mcnemarExactP', () => {
  it('matches exact reference values', () => {
    close(mcnemarExactP(9, 6), 0.60723876953125);
    close(mcnemarExactP(20, 8), 0.03569813817739487);
    close(mcnemarExactP(0, 5), 0.0625);
    close(mcnemarExactP(12, 30), 0.007915897334896727);
    close(mcnemarExactP(1000, 1100), 0.030720707864242296);
    expect(mcnemarExactP(0, 0)).toBe(1);
    expect(mcnemarExactP(7, 7)).toBe(1);
  });

  it('equals the summed binomial tail', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), (b, c) => {
        close(mcnemarExactP(b, c), bruteP(b, c));
        close(mcnemarExactP(b, c), mcnemarExactP(c, b));
      }),
    );
  });
});

describe('mcnemarTests', () => {
  it('counts discordant cases as a case-by-case loop does, weights as counts', () => {
    const random = mulberry32(11);
    for (let run = 0; run < 20; run++) {
      const n = 200 + run * 10;
      const labels = Array.from({ length: n }, () => (random() < 0.3 ? 1 : 0));
      const scoresA = labels.map((y) => Math.round((0.3 * y + 0.7 * random()) * 20) / 20);
      const scoresB = labels.map((y) => Math.round((0.2 * y + 0.8 * random()) * 20) / 20);
      const weights = run % 2 ? labels.map(() => Math.floor(random() * 3)) : undefined;
      const [tA, tB] = [0.5, 0.45];
      const got = mcnemarTests({ scoresA, scoresB, labels, weights }, tA, tB);
      for (const positive of [true, false]) {
        let b = 0;
        let c = 0;
        let cases = 0;
        let rightA = 0;
        labels.forEach((y, i) => {
          if ((y === 1) !== positive) return;
          const w = weights?.[i] ?? 1;
          const a = scoresA[i] >= tA === positive;
          const bb = scoresB[i] >= tB === positive;
          cases += w;
          if (a) rightA += w;
          if (a && !bb) b += w;
          if (!a && bb) c += w;
        });
        const test = positive ? got.positives : got.negatives;
        expect([test.cases, test.b, test.c]).toEqual([cases, b, c]);
        close(test.rateA, rightA / cases);
        close(test.p, bruteP(b, c));
      }
    }
  });

  it('refuses fractional weights and non-finite thresholds', () => {
    const cases = { scoresA: [0.1, 0.9], scoresB: [0.2, 0.8], labels: [0, 1] };
    expect(() => mcnemarTests({ ...cases, weights: [0.5, 1] }, 0.5, 0.5)).toThrow(/whole counts/);
    expect(() => mcnemarTests(cases, NaN, 0.5)).toThrow(/finite/);
  });
});

describe('plain words', () => {
  const base: DelongTest = { aucA: 0.85, aucB: 0.836, diff: 0.014, variance: 0, ciLow: -0.006, ciHigh: 0.035, confidence: 0.95, z: 1.37, p: 0.17, positives: 200, negatives: 1000 };

  it('says "no evidence" unless p < 0.05, and names the better model only then', () => {
    expect(describeDelong(base)).toBe("A's ROC-AUC is 0.014 higher (95 % CI −0.006 to 0.035, p = 0.17): no evidence of a difference on these 1,200 cases.");
    const lower = describeDelong({ ...base, diff: -0.04, ciLow: -0.07, ciHigh: -0.01, p: 0.004 });
    expect(lower).toBe("A's ROC-AUC is 0.040 lower (95 % CI −0.070 to −0.010, p = 0.0040): B ranks these 1,200 cases better than A, by more than chance alone explains.");
    expect(describeDelong({ ...base, p: 0.05 })).toContain('no evidence');
    expect(describeDelong({ ...base, diff: 0.0001, p: 0.0001 })).toContain('the same as');
  });

  it('McNemar: the discordant counts, and "no evidence" unless p < 0.05', () => {
    const test = { cases: 117, rateA: 0.812, rateB: 0.79, b: 9, c: 6, p: 0.61 };
    expect(describeMcnemar(test, 'recall')).toBe('Recall: A 0.812, B 0.790 on 117 positives; 9 caught only by A, 6 only by B (exact p = 0.61): no evidence of a difference.');
    expect(describeMcnemar({ ...test, b: 2, c: 20, p: 0.0001 }, 'specificity', { a: 'new', b: 'old' })).toContain("old's specificity is higher");
    expect(formatP(0.0004)).toBe('< 0.001');
    expect(formatP(1)).toBe('= 1');
  });
});

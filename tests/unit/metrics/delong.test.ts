/**
 * DeLong's test (Sun & Xu's midrank algorithm) against the definition: placements by a double
 * loop over positives and negatives, O(m·n), on generated cases with heavy ties, and against
 * reference figures computed in exact rational arithmetic (Python's fractions, one-off).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../src/data/random';
import { delongTest, pairedPlacements } from '../../../src/metrics/delong';
import { normalCdf } from '../../../src/metrics/two-sample';

interface Brute {
  aucA: number;
  aucB: number;
  diff: number;
  variance: number;
  z: number;
  p: number;
  v10a: number[];
  v10b: number[];
  v01a: number[];
  v01b: number[];
}

const psi = (x: number, y: number) => (x > y ? 1 : x === y ? 0.5 : 0);

/** The definition, straight from the rows: every positive against every negative. */
function bruteDelong(c: { scoresA: number[]; scoresB: number[]; labels: number[]; weights?: number[] }): Brute {
  const w = (i: number) => c.weights?.[i] ?? 1;
  const rows = c.labels.map((_, i) => i).filter((i) => w(i) > 0);
  const P = rows.filter((i) => c.labels[i] !== 0);
  const N = rows.filter((i) => c.labels[i] === 0);
  const m = P.reduce((s, i) => s + w(i), 0);
  const n = N.reduce((s, j) => s + w(j), 0);
  const v10 = (s: number[]) => P.map((i) => N.reduce((acc, j) => acc + w(j) * psi(s[i], s[j]), 0) / n);
  const v01 = (s: number[]) => N.map((j) => P.reduce((acc, i) => acc + w(i) * psi(s[i], s[j]), 0) / m);
  const v10a = v10(c.scoresA);
  const v10b = v10(c.scoresB);
  const v01a = v01(c.scoresA);
  const v01b = v01(c.scoresB);
  const aucA = P.reduce((s, i, k) => s + w(i) * v10a[k], 0) / m;
  const aucB = P.reduce((s, i, k) => s + w(i) * v10b[k], 0) / m;
  const diff = aucA - aucB;
  const s10 = P.reduce((s, i, k) => s + w(i) * (v10a[k] - v10b[k] - diff) ** 2, 0) / (m - 1);
  const s01 = N.reduce((s, j, k) => s + w(j) * (v01a[k] - v01b[k] - diff) ** 2, 0) / (n - 1);
  const variance = s10 / m + s01 / n;
  const z = variance > 0 ? diff / Math.sqrt(variance) : 0;
  return { aucA, aucB, diff, variance, z, p: variance > 0 ? 2 * normalCdf(-Math.abs(z)) : 1, v10a, v10b, v01a, v01b };
}

const close = (x: number, y: number) => expect(Math.abs(x - y)).toBeLessThanOrEqual(1e-9);

function expectMatches(cases: { scoresA: number[]; scoresB: number[]; labels: number[]; weights?: number[] }): void {
  const brute = bruteDelong(cases);
  const fast = delongTest(cases);
  const placed = pairedPlacements(cases);
  brute.v10a.forEach((v, k) => close(placed.a.positives[k], v));
  brute.v10b.forEach((v, k) => close(placed.b.positives[k], v));
  brute.v01a.forEach((v, k) => close(placed.a.negatives[k], v));
  brute.v01b.forEach((v, k) => close(placed.b.negatives[k], v));
  close(fast.aucA, brute.aucA);
  close(fast.aucB, brute.aucB);
  close(fast.diff, brute.diff);
  close(fast.variance, brute.variance);
  if (brute.variance > 1e-12) {
    close(fast.z, brute.z);
    close(fast.p, brute.p);
    close(fast.ciHigh - fast.ciLow, 2 * 1.959963984540054 * Math.sqrt(brute.variance));
  }
}

/** Seeded cases: B is A plus noise, scores rounded to `decimals` for ties. */
function generated(n: number, seed: number, decimals: number, weighted: boolean) {
  const random = mulberry32(seed);
  const round = (x: number) => Math.round(Math.min(1, Math.max(0, x)) * 10 ** decimals) / 10 ** decimals;
  const labels: number[] = [];
  const scoresA: number[] = [];
  const scoresB: number[] = [];
  const weights: number[] = [];
  for (let i = 0; i < n; i++) {
    const y = random() < 0.3 ? 1 : 0;
    const a = 0.3 * y + 0.7 * random();
    labels.push(y);
    scoresA.push(round(a));
    scoresB.push(round(0.6 * a + 0.4 * random()));
    weights.push(Math.floor(random() * 4));
  }
  return weighted ? { scoresA, scoresB, labels, weights } : { scoresA, scoresB, labels };
}

describe('delongTest', () => {
  it('equals the O(m·n) definition on seeded cases with ties, weighted and not', () => {
    for (const [seed, decimals] of [
      [1, 1],
      [2, 2],
      [3, 3],
      [4, 6],
    ]) {
      expectMatches(generated(1500, seed, decimals, false));
      expectMatches(generated(800, seed + 10, decimals, true));
    }
  });

  it('equals the definition on arbitrary small cases (fast-check)', () => {
    const score = fc.oneof(
      fc.integer({ min: 0, max: 6 }).map((x) => x / 6),
      fc.constantFrom(0, -0, 1),
      fc.double({ min: -5, max: 5, noNaN: true, noDefaultInfinity: true }),
    );
    const row = fc.tuple(score, score, fc.constantFrom(0, 1), fc.integer({ min: 0, max: 3 }));
    fc.assert(
      fc.property(fc.array(row, { minLength: 4, maxLength: 60 }), fc.boolean(), (rows, weighted) => {
        const cases = {
          scoresA: rows.map((r) => r[0]),
          scoresB: rows.map((r) => r[1]),
          labels: rows.map((r): number => r[2]),
          weights: weighted ? rows.map((r) => r[3]) : undefined,
        };
        const w = (i: number) => cases.weights?.[i] ?? 1;
        const m = cases.labels.reduce((s, y, i) => s + (y ? w(i) : 0), 0);
        const n = cases.labels.reduce((s, y, i) => s + (y ? 0 : w(i)), 0);
        if (m < 2 || n < 2) {
          expect(() => delongTest(cases)).toThrow(/at least two positive and two negative/);
          return;
        }
        expectMatches(cases);
      }),
      { numRuns: 300 },
    );
  });

  it('counts a row of weight k as k cases: the same test as the expanded rows', () => {
    const cases = generated(300, 5, 2, true);
    const expanded = { scoresA: [] as number[], scoresB: [] as number[], labels: [] as number[] };
    cases.weights?.forEach((w, i) => {
      for (let k = 0; k < w; k++) {
        expanded.scoresA.push(cases.scoresA[i]);
        expanded.scoresB.push(cases.scoresB[i]);
        expanded.labels.push(cases.labels[i]);
      }
    });
    const a = delongTest(cases);
    const b = delongTest(expanded);
    for (const key of ['aucA', 'aucB', 'diff', 'variance', 'z', 'p', 'ciLow', 'ciHigh', 'positives', 'negatives'] as const) close(a[key], b[key]);
  });

  // Reference: /usr/bin/python3 with fractions.Fraction, O(m·n) placements in exact arithmetic
  // (AUCs 23/28 and 79/112, variance 4789/1141504; weighted 361/432, 3/4, 59017/17449344),
  // z and p from math.erfc.
  const reference = {
    labels: [1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    scoresA: [0.9, 0.8, 0.8, 0.7, 0.6, 0.6, 0.4, 0.3, 0.8, 0.6, 0.5, 0.5, 0.4, 0.4, 0.3, 0.2, 0.2, 0.1, 0.1, 0.6, 0.3, 0.0],
    scoresB: [0.7, 0.9, 0.5, 0.5, 0.6, 0.4, 0.4, 0.2, 0.9, 0.5, 0.5, 0.3, 0.6, 0.2, 0.2, 0.4, 0.1, 0.1, 0.3, 0.7, 0.2, 0.1],
  };

  it('matches exact reference figures', () => {
    const t = delongTest(reference);
    close(t.aucA, 23 / 28);
    close(t.aucB, 79 / 112);
    close(t.diff, 0.11607142857142858);
    close(t.variance, 4789 / 1141504);
    close(t.z, 1.7920149560870973);
    close(t.p, 0.0731305702956399);
    const weighted = delongTest({ ...reference, weights: [1, 2, 1, 3, 1, 1, 2, 1, 1, 1, 2, 1, 1, 3, 1, 1, 1, 2, 1, 1, 1, 1] });
    close(weighted.aucA, 361 / 432);
    close(weighted.aucB, 3 / 4);
    close(weighted.variance, 59017 / 17449344);
    close(weighted.z, 1.472715863350908);
    close(weighted.p, 0.1408276673148879);
    expect(weighted.positives).toBe(12);
    expect(weighted.negatives).toBe(18);
  });

  it('is symmetric: swapping A and B flips the sign and keeps p', () => {
    const t = delongTest(reference);
    const s = delongTest({ ...reference, scoresA: reference.scoresB, scoresB: reference.scoresA });
    close(s.diff, -t.diff);
    close(s.ciLow, -t.ciHigh);
    close(s.p, t.p);
  });

  it('identical models: difference 0, p = 1; a constant model against a perfect one: p = 0', () => {
    const same = delongTest({ ...reference, scoresB: reference.scoresA });
    expect(same.diff).toBe(0);
    expect(same.p).toBe(1);
    const labels = [1, 1, 1, 0, 0, 0];
    const degenerate = delongTest({ labels, scoresA: [0.9, 0.8, 0.7, 0.3, 0.2, 0.1], scoresB: [0.5, 0.5, 0.5, 0.5, 0.5, 0.5] });
    expect(degenerate.diff).toBe(0.5);
    expect(degenerate.z).toBe(Infinity);
    expect(degenerate.p).toBe(0);
  });

  it('refuses what it cannot test, in words', () => {
    expect(() => delongTest({ labels: [0, 0, 0], scoresA: [0.1, 0.2, 0.3], scoresB: [0.1, 0.2, 0.3] })).toThrow(/0 positive and 3 negative/);
    expect(() => delongTest({ ...reference, weights: reference.labels.map(() => 0.5) })).toThrow(/whole counts/);
    expect(() => delongTest({ ...reference, scoresB: [0.1] })).toThrow(/one value per case/);
    expect(() => delongTest({ ...reference, scoresA: reference.scoresA.map((s, i) => (i === 3 ? NaN : s)) })).toThrow(/row 4/);
  });
});

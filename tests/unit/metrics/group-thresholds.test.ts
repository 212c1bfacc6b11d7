import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOptimal, ScoreCurve } from '../../../src/metrics';
import { GROUP_STRATEGIES, groupInputs, isParityStrategy, solveGroupThresholds, type ParityStrategy } from '../../../src/metrics/group-thresholds';

interface Row {
  score: number;
  label: number;
  group: number;
  missed: number;
}

const rowsArb = fc.array(
  fc.record({
    score: fc.integer({ min: 0, max: 5 }).map((x) => x / 5),
    label: fc.constantFrom(0, 1),
    group: fc.constantFrom(0, 1, 2),
    missed: fc.integer({ min: 1, max: 30 }),
  }),
  { minLength: 1, maxLength: 30 },
);
const parityArb = fc.constantFrom<ParityStrategy>('equal-opportunity', 'equal-odds-fpr', 'demographic-parity', 'equal-accuracy');
const prevalenceArb = fc.option(fc.constantFrom(0.05, 0.3, 0.7), { nil: undefined });
const COSTS = { costFp: 1, costFn: 4 };

/** Brute force: every threshold a group can use (its distinct scores, plus above the top). */
function choicesOf(rows: Row[]): number[] {
  return [Infinity, ...[...new Set(rows.map((r) => r.score))].sort((a, b) => b - a)];
}

/** Brute force, straight from the rows: parity metric and weighted cost of one group at threshold t. */
function bruteGroup(rows: Row[], all: Row[], t: number, strategy: ParityStrategy, perRow: boolean, prevalence?: number) {
  const P = all.filter((r) => r.label).length;
  const N = all.length - P;
  const wP = prevalence === undefined ? 1 / all.length : P > 0 ? prevalence / P : 0;
  const wN = prevalence === undefined ? 1 / all.length : N > 0 ? (1 - prevalence) / N : 0;
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  let cost = 0;
  for (const r of rows) {
    const flagged = r.score >= t;
    if (r.label && flagged) tp++;
    else if (r.label) {
      fn++;
      cost += wP * (perRow ? r.missed : COSTS.costFn);
    } else if (flagged) {
      fp++;
      cost += wN * COSTS.costFp;
    } else tn++;
  }
  const p = tp + fn;
  const n = fp + tn;
  const total = p * wP + n * wN;
  const metric = {
    'equal-opportunity': p > 0 ? tp / p : NaN,
    'equal-odds-fpr': n > 0 ? fp / n : NaN,
    'demographic-parity': total > 0 ? (tp * wP + fp * wN) / total : NaN,
    'equal-accuracy': total > 0 ? (tp * wP + tn * wN) / total : NaN,
  }[strategy];
  return { metric, cost };
}

function solve(rows: Row[], strategy: (typeof GROUP_STRATEGIES)[number], perRow: boolean, prevalence?: number, threshold = 0.5) {
  const inputs = groupInputs(
    { scores: rows.map((r) => r.score), labels: rows.map((r) => r.label), weights: null },
    rows.map((r) => r.group),
    ['a', 'b', 'c'],
    COSTS,
    perRow ? { missed: rows.map((r) => r.missed), alarm: null } : null,
  );
  return { inputs, solution: solveGroupThresholds(inputs, strategy, { threshold, prevalence }) };
}

describe('group thresholds', () => {
  it('parity strategies: within the sample’s resolution, and no other choice within it is cheaper (brute force over every combination)', () => {
    fc.assert(
      fc.property(rowsArb, parityArb, fc.boolean(), prevalenceArb, (rows, strategy, perRow, prevalence) => {
        const { solution } = solve(rows, strategy, perRow, prevalence);
        const groups = ['a', 'b', 'c'].map((_, g) => rows.filter((r) => r.group === g)).filter((g) => g.length > 0);
        const table = groups.map((g) => choicesOf(g).map((t) => ({ t, ...bruteGroup(g, rows, t, strategy, perRow, prevalence) })));
        const constrained = table.filter((options) => !Number.isNaN(options[0].metric));
        // The resolution: the largest step between neighbouring achievable values in a group.
        let resolution = 0;
        for (const options of constrained) {
          const values = [...new Set(options.map((o) => o.metric))].sort((a, b) => a - b);
          for (let i = 1; i < values.length; i++) resolution = Math.max(resolution, values[i] - values[i - 1]);
        }
        // Every combination of one threshold per group (unconstrained groups at their cheapest).
        let best = Infinity;
        let smallest = Infinity;
        const walk = (j: number, cost: number, lo: number, hi: number, tolerance: number) => {
          if (j === table.length) {
            if (hi - lo <= tolerance + 1e-9) best = Math.min(best, cost);
            smallest = Math.min(smallest, hi - lo);
            return;
          }
          const options = table[j];
          if (Number.isNaN(options[0].metric)) {
            walk(j + 1, cost + Math.min(...options.map((o) => o.cost)), lo, hi, tolerance);
            return;
          }
          for (const o of options) walk(j + 1, cost + o.cost, Math.min(lo, o.metric), Math.max(hi, o.metric), tolerance);
        };
        walk(0, 0, Infinity, -Infinity, Infinity);
        const tolerance = Math.max(resolution, constrained.length > 0 ? smallest : 0);
        best = Infinity;
        walk(0, 0, Infinity, -Infinity, tolerance);
        expect(solution.tolerance).toBeCloseTo(tolerance, 9);
        expect(solution.gap).toBeLessThanOrEqual(tolerance + 1e-9);
        expect(solution.expectedCost).toBeCloseTo(best, 9);
        expect(solution.expectedCost).toBeGreaterThanOrEqual(solution.optimumCost - 1e-12);
        // The reported thresholds give the reported metrics.
        solution.groups.forEach((choice, j) => {
          const g = groups[j];
          const again = bruteGroup(g, rows, choice.threshold, strategy, perRow, prevalence);
          if (choice.constrained) expect(choice.metric).toBeCloseTo(again.metric, 9);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('group-cost puts every group at its own cost optimum; single at the one threshold', () => {
    fc.assert(
      fc.property(rowsArb, fc.constantFrom(0, 0.2, 0.5, 1), (rows, threshold) => {
        const { inputs, solution } = solve(rows, 'group-cost', false);
        solution.groups.forEach((choice, j) => expect(choice.index).toBe(costOptimal(inputs[j].curve, COSTS).index));
        const single = solve(rows, 'single', false, undefined, threshold).solution;
        single.groups.forEach((choice, j) => {
          expect(choice.index).toBe(inputs[j].curve.indexAt(threshold));
          const g = rows.filter((r) => r.group === ['a', 'b', 'c'].indexOf(choice.value));
          const tp = g.filter((r) => r.label && r.score >= threshold).length;
          expect(choice.confusion.tp).toBe(tp);
        });
        expect(single.expectedCost).toBeGreaterThanOrEqual(solution.expectedCost - 1e-12);
      }),
    );
  });

  it('manual takes the dragged thresholds, the global one elsewhere', () => {
    const rows = [0.9, 0.7, 0.4, 0.2, 0.8, 0.3];
    const inputs = groupInputs({ scores: rows, labels: [1, 0, 1, 0, 1, 0], weights: null }, [0, 0, 0, 0, 1, 1], ['x', 'y'], COSTS, null);
    const s = solveGroupThresholds(inputs, 'manual', { threshold: 0.5, manual: new Map([['x', 0.3]]) });
    expect(s.groups.map((g) => g.threshold)).toEqual([0.3, 0.5]);
    expect(s.groups[0].confusion).toEqual({ tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(GROUP_STRATEGIES.filter(isParityStrategy)).toHaveLength(4);
  });

  it('equal opportunity finds exactly equal recall when the sample has it', () => {
    // Both groups can reach recall 1/2 exactly; the cost decides which common value.
    const scores = [0.9, 0.8, 0.3, 0.1, 0.95, 0.6, 0.5, 0.2];
    const labels = [1, 0, 1, 0, 1, 1, 1, 1];
    const inputs = groupInputs({ scores, labels, weights: null }, [0, 0, 0, 0, 1, 1, 1, 1], ['x', 'y'], COSTS, null);
    const s = solveGroupThresholds(inputs, 'equal-opportunity', { threshold: 0.5, tolerance: 0 });
    expect(s.gap).toBe(0);
    expect(s.groups[0].metric).toBe(s.groups[1].metric);
    expect(ScoreCurve.from(scores, labels).size).toBe(8);
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { costOptimal, expectedCostAt, MetricsInputError, ScoreCurve } from '../../../src/metrics';
import { constantCostModel, modelCostAt, modelCostOptimal, RowCostCurve, rowCostScaleRange } from '../../../src/metrics/row-costs';
import { distinctDescending } from './brute-force';

const rowsArb = fc
  .array(
    fc.record({
      score: fc.integer({ min: 0, max: 8 }).map((x) => x / 8),
      label: fc.constantFrom(0, 1),
      weight: fc.constantFrom(0, 1, 2, 0.5),
      missed: fc.integer({ min: 0, max: 500 }),
      alarm: fc.integer({ min: 0, max: 50 }),
    }),
    { minLength: 1, maxLength: 40 },
  )
  .filter((rows) => rows.some((r) => r.weight > 0));

interface Row {
  score: number;
  label: number;
  weight: number;
  missed: number;
  alarm: number;
}

/** Brute force: cost of the errors at threshold t straight from the rows. */
function bruteErrorCosts(rows: Row[], t: number) {
  let missed = 0;
  let alarms = 0;
  for (const r of rows) {
    if (r.label !== 0 && r.score < t) missed += r.weight * r.missed;
    if (r.label === 0 && r.score >= t) alarms += r.weight * r.alarm;
  }
  return { missed, alarms };
}

const build = (rows: Row[]) => {
  const scores = rows.map((r) => r.score);
  const labels = rows.map((r) => r.label);
  const weights = rows.map((r) => r.weight);
  const curve = ScoreCurve.from(scores, labels, weights);
  const model = RowCostCurve.from(curve, scores, labels, weights, { missed: rows.map((r) => r.missed), alarm: rows.map((r) => r.alarm) }, { costFp: 1, costFn: 1 });
  return { curve, model, scores, labels, weights };
};

describe('RowCostCurve', () => {
  it('gives the cost of the missed cases and of the alarms at every threshold, as summed from the rows', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const { curve, model, scores, labels, weights } = build(rows);
        const thresholds = [Infinity, ...distinctDescending({ scores, labels, weights })];
        thresholds.forEach((t, k) => {
          const got = model.errorCostsAtIndex(k);
          const want = bruteErrorCosts(rows, t);
          expect(got.missed).toBeCloseTo(want.missed, 9);
          expect(got.alarms).toBeCloseTo(want.alarms, 9);
          expect(curve.indexAt(t === Infinity ? curve.thresholdAtIndex(0) : t)).toBe(k);
        });
      }),
    );
  });

  it('finds the cheapest operating point over every threshold, the highest on ties', () => {
    fc.assert(
      fc.property(rowsArb, fc.option(fc.double({ min: 0.01, max: 0.99, noNaN: true }), { nil: undefined }), (rows, prevalence) => {
        const { curve, model } = build(rows);
        const got = modelCostOptimal(curve, model, prevalence);
        const P = rows.reduce((s, r) => s + (r.label ? r.weight : 0), 0);
        const N = rows.reduce((s, r) => s + (r.label ? 0 : r.weight), 0);
        const wP = prevalence === undefined ? 1 / (P + N) : P > 0 ? prevalence / P : 0;
        const wN = prevalence === undefined ? 1 / (P + N) : N > 0 ? (1 - prevalence) / N : 0;
        let best = Infinity;
        for (let k = 0; k <= curve.size; k++) {
          const e = bruteErrorCosts(rows, k === 0 ? Infinity : curve.thresholds[k - 1]);
          best = Math.min(best, wP * e.missed + wN * e.alarms);
        }
        expect(got.expectedCost).toBeCloseTo(best, 9);
        expect(modelCostAt(curve, model, got.index, prevalence)).toBeCloseTo(best, 9);
        for (let k = 0; k < got.index; k++) expect(modelCostAt(curve, model, k, prevalence)).toBeGreaterThan(best - 1e-9);
      }),
    );
  });

  it('with constant columns, agrees with the constant-cost expected cost and optimum', () => {
    fc.assert(
      fc.property(rowsArb, (rows) => {
        const scores = rows.map((r) => r.score);
        const labels = rows.map((r) => r.label);
        const curve = ScoreCurve.from(scores, labels);
        const costs = { costFp: 3, costFn: 17 };
        const perRow = RowCostCurve.from(curve, scores, labels, null, { missed: rows.map(() => 17), alarm: rows.map(() => 3) }, costs);
        const constant = constantCostModel(curve, costs);
        for (let k = 0; k <= curve.size; k++) {
          expect(modelCostAt(curve, perRow, k)).toBeCloseTo(expectedCostAt(curve, k, costs), 9);
          expect(modelCostAt(curve, constant, k, 0.2)).toBeCloseTo(expectedCostAt(curve, k, costs, 0.2), 12);
        }
        expect(modelCostOptimal(curve, constant).index).toBe(costOptimal(curve, costs).index);
      }),
    );
  });

  it('gives a missing cost cell the constant cost, and refuses a negative one naming the row', () => {
    const scores = [0.9, 0.2, 0.6];
    const labels = [1, 1, 0];
    const curve = ScoreCurve.from(scores, labels);
    const model = RowCostCurve.from(curve, scores, labels, null, { missed: [100, NaN, 0], alarm: null }, { costFp: 2, costFn: 10 });
    expect(model.filled).toBe(1);
    expect(model.totalMissed).toBe(110);
    expect(model.totalAlarms).toBe(2);
    expect(() => RowCostCurve.from(curve, scores, labels, null, { missed: [1, -5, 0], alarm: null }, { costFp: 1, costFn: 1 })).toThrow(/row 2 is -5/);
    expect(() => RowCostCurve.from(curve, scores, labels, null, { missed: null, alarm: [0, 0, Infinity] }, { costFp: 1, costFn: 1 })).toThrow(MetricsInputError);
  });
});

describe('rowCostScaleRange', () => {
  it('gives the scales of the miss costs at which the point is the cheapest, checked by brute force at sampled scales', () => {
    fc.assert(
      fc.property(rowsArb, fc.nat(), (rows, pick) => {
        const { curve, model } = build(rows);
        const k = pick % (curve.size + 1);
        const range = rowCostScaleRange(curve, model, k);
        const costAt = (j: number, lambda: number) => {
          const e = model.errorCostsAtIndex(j);
          return lambda * e.missed + e.alarms;
        };
        const cheapestAt = (lambda: number) => {
          let best = Infinity;
          for (let j = 0; j <= curve.size; j++) best = Math.min(best, costAt(j, lambda));
          return costAt(k, lambda) <= best + 1e-9 * Math.max(1, best);
        };
        for (const lambda of [0, 0.01, 0.1, 0.5, 1, 2, 10, 100, 1e4]) {
          const inside = range !== null && lambda >= range.low * (1 - 1e-9) && lambda <= range.high * (1 + 1e-9);
          if (inside) expect(cheapestAt(lambda)).toBe(true);
          // Strictly outside the range some other point is strictly cheaper.
          if (range === null || lambda < range.low * (1 - 1e-6) || lambda > range.high * (1 + 1e-6)) expect(cheapestAt(lambda)).toBe(false);
        }
        if (range) {
          const mid = Number.isFinite(range.high) ? (range.low + range.high) / 2 : range.low + 1;
          expect(cheapestAt(mid)).toBe(true);
        }
      }),
    );
  });
});

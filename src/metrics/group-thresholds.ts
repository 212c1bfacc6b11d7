import { MetricsInputError } from './errors';
import { niceThresholdAtIndex } from './nice-threshold';
import { constantCostModel, RowCostCurve, type RowCostColumns } from './row-costs';
import { ScoreCurve } from './score-curve';
import type { Costs } from './threshold-metrics';

// The strategies and result types, and the parity search, live beside this solver.
export * from './group-strategies';
export { parityMetricAt, sampleResolution, smallestSpread } from './group-parity';
import { EPS, parityMetricAt, solveParity } from './group-parity';
import { isParityStrategy, type GroupChoice, type GroupInput, type GroupOptions, type GroupSolution, type GroupStrategy } from './group-strategies';

/**
 * Builds one curve (and cost model) per group from rows with a group code (-1: no group,
 * left out). Groups with no case of positive weight are dropped.
 */
export function groupInputs(
  rows: { scores: ArrayLike<number>; labels: ArrayLike<number>; weights: ArrayLike<number> | null },
  codes: ArrayLike<number>,
  levels: readonly string[],
  constants: Costs,
  columns: RowCostColumns | null,
): GroupInput[] {
  const members = membersOf(codes, levels.length);
  const out: GroupInput[] = [];
  members.forEach((idx, g) => {
    if (idx.length === 0) return;
    // A loop, not Float64Array.from(idx, f), which lists every value on the heap first.
    const pick = (source: ArrayLike<number>) => {
      const picked = new Float64Array(idx.length);
      for (let k = 0; k < idx.length; k++) picked[k] = source[idx[k]];
      return picked;
    };
    const scores = pick(rows.scores);
    const labels = pick(rows.labels);
    const weights = rows.weights ? pick(rows.weights) : undefined;
    if (weights && !weights.some((w) => w > 0)) return;
    const curve = ScoreCurve.from(scores, labels, weights);
    const perRow = columns !== null && (columns.missed !== null || columns.alarm !== null);
    const costs = perRow
      ? RowCostCurve.from(curve, scores, labels, weights, { missed: columns.missed && pick(columns.missed), alarm: columns.alarm && pick(columns.alarm) }, constants)
      : constantCostModel(curve, constants);
    out.push({ value: levels[g], curve, costs });
  });
  return out;
}

/**
 * Each group's rows, in row order: one typed array cut into a slice per group (a counting
 * sort), since a list of numbers per group took several times the memory at millions of rows.
 */
function membersOf(codes: ArrayLike<number>, groups: number): Int32Array[] {
  const counts = new Int32Array(groups);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    if (g >= 0 && g < groups) counts[g]++;
  }
  const starts = new Int32Array(groups);
  for (let g = 1; g < groups; g++) starts[g] = starts[g - 1] + counts[g - 1];
  const order = new Int32Array(groups > 0 ? starts[groups - 1] + counts[groups - 1] : 0);
  const at = starts.slice();
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    if (g >= 0 && g < groups) order[at[g]++] = i;
  }
  return Array.from(starts, (start, g) => order.subarray(start, start + counts[g]));
}

/** Per-unit weights of positives and negatives across all groups (as classWeights). */
function unitWeights(groups: readonly GroupInput[], prevalence?: number): { wP: number; wN: number } {
  let P = 0;
  let N = 0;
  for (const g of groups) {
    P += g.curve.positives;
    N += g.curve.negatives;
  }
  if (prevalence === undefined) return { wP: 1 / (P + N), wN: 1 / (P + N) };
  if (!(prevalence >= 0 && prevalence <= 1)) throw new MetricsInputError(`Prevalence must be a share between 0 and 1; got ${prevalence}.`);
  return { wP: P > 0 ? prevalence / P : 0, wN: N > 0 ? (1 - prevalence) / N : 0 };
}

/**
 * The thresholds of every group under a strategy. Deterministic: no randomisation between
 * thresholds. For a parity strategy, the cheapest choice (least total expected cost) among
 * all choices whose metrics differ by at most the tolerance; found exactly by sliding a
 * window of that width over the groups' achievable values (each group takes its cheapest
 * point inside the window), O(M·G) for M achievable values and G groups.
 */
export function solveGroupThresholds(groups: readonly GroupInput[], strategy: GroupStrategy, options: GroupOptions): GroupSolution {
  const w = unitWeights(groups, options.prevalence);
  const costAt = (g: GroupInput, k: number) => {
    const e = g.costs.errorCostsAtIndex(k);
    return w.wP * e.missed + w.wN * e.alarms;
  };
  const cheapest = (g: GroupInput) => {
    let best = 0;
    let bestCost = costAt(g, 0);
    for (let k = 1; k <= g.curve.size; k++) {
      const c = costAt(g, k);
      if (c < bestCost - EPS * Math.abs(bestCost)) {
        best = k;
        bestCost = c;
      }
    }
    return best;
  };
  const optimumIndices = groups.map(cheapest);
  const optimumCost = groups.reduce((sum, g, i) => sum + costAt(g, optimumIndices[i]), 0);

  let indices: number[];
  let gap = 0;
  let tolerance = 0;
  const metricOf = (g: GroupInput, k: number) => (isParityStrategy(strategy) ? parityMetricAt(strategy, g.curve, k, w) : NaN);
  if (strategy === 'single') indices = groups.map((g) => g.curve.indexAt(options.threshold));
  else if (strategy === 'manual') indices = groups.map((g) => g.curve.indexAt(options.manual?.get(g.value) ?? options.threshold));
  else if (strategy === 'group-cost') indices = optimumIndices;
  else {
    const solved = solveParity(strategy, groups, w, optimumIndices, options.tolerance);
    indices = solved.indices;
    tolerance = solved.tolerance;
    const values = groups.map((g, i) => metricOf(g, indices[i])).filter((v) => !Number.isNaN(v));
    gap = values.length > 0 ? Math.max(...values) - Math.min(...values) : 0;
  }
  // Single and manual keep the threshold as given (it generalises to new scores as the user
  // meant); the solved strategies report the shortest threshold realising their point.
  const given = (g: GroupInput) => (strategy === 'single' ? options.threshold : strategy === 'manual' ? (options.manual?.get(g.value) ?? options.threshold) : null);
  const choices = groups.map((g, i): GroupChoice => {
    const k = indices[i];
    const e = g.costs.errorCostsAtIndex(k);
    const metric = metricOf(g, k);
    return {
      value: g.value,
      index: k,
      threshold: given(g) ?? niceThresholdAtIndex(g.curve.thresholds, k),
      confusion: g.curve.confusionAtIndex(k),
      metric,
      constrained: isParityStrategy(strategy) && !Number.isNaN(metric),
      missedCost: e.missed,
      alarmCost: e.alarms,
    };
  });
  const expectedCost = groups.reduce((sum, g, i) => sum + costAt(g, indices[i]), 0);
  return { strategy, groups: choices, expectedCost, gap, tolerance, optimumCost, weights: w };
}

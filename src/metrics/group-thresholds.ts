import { MetricsInputError } from './errors';
import type { GroupRoc } from './group-roc';
import { niceThresholdAtIndex } from './nice-threshold';
import { constantCostModel, RowCostCurve, type CostModel, type RowCostColumns } from './row-costs';
import { ScoreCurve, type Confusion } from './score-curve';
import type { Costs } from './threshold-metrics';

/**
 * How the thresholds of several groups are chosen:
 * - single: one threshold for everyone;
 * - group-cost: each group at its own cost-optimal threshold (the unconstrained optimum);
 * - equal-opportunity / equal-odds-fpr / demographic-parity / equal-accuracy: the recall,
 *   the false positive rate, the alarm rate or the accuracy equal across groups, as closely
 *   as the sample allows, at the least total expected cost;
 * - manual: the thresholds the user dragged.
 */
export const GROUP_STRATEGIES = ['single', 'group-cost', 'equal-opportunity', 'equal-odds-fpr', 'demographic-parity', 'equal-accuracy', 'manual'] as const;
export type GroupStrategy = (typeof GROUP_STRATEGIES)[number];

/** The strategies that hold a metric equal across groups, and that metric. */
export const PARITY_METRIC = {
  'equal-opportunity': 'recall',
  'equal-odds-fpr': 'false positive rate',
  'demographic-parity': 'alarm rate',
  'equal-accuracy': 'accuracy',
} as const;
export type ParityStrategy = keyof typeof PARITY_METRIC;

export function isParityStrategy(s: GroupStrategy): s is ParityStrategy {
  return s in PARITY_METRIC;
}

/** One group's cases: its curve and what its errors cost. */
export interface GroupInput {
  value: string;
  curve: ScoreCurve;
  costs: CostModel;
}

/** What the page holds of a group: its name, curve and ROC drawing (solved and drawn in the metrics worker). */
export type GroupCurve = Pick<GroupInput, 'value' | 'curve'> & { roc: GroupRoc };

/** One group's operating point under a strategy. */
export interface GroupChoice {
  value: string;
  /** Operating point on the group's own curve (ScoreCurve.indexAt) and the shortest threshold realising it. */
  index: number;
  threshold: number;
  confusion: Confusion;
  /** The parity metric at this point (NaN for single / group-cost / manual). */
  metric: number;
  /** False when the parity metric is undefined for the group (no positives for recall, no negatives for FPR). */
  constrained: boolean;
  /** Total cost of this group's errors, in the user's unit (not per case). */
  missedCost: number;
  alarmCost: number;
}

export interface GroupSolution {
  strategy: GroupStrategy;
  groups: GroupChoice[];
  /** Expected cost per case over all groups' cases (at the assumed prevalence when given). */
  expectedCost: number;
  /** Largest minus smallest parity metric over the constrained groups; 0 when not a parity strategy. */
  gap: number;
  /** The gap allowed (the sample's resolution or the user's tolerance); 0 when not a parity strategy. */
  tolerance: number;
  /** The unconstrained optimum's expected cost per case (every group at its own cost optimum). */
  optimumCost: number;
  /** What one unit of positive / negative weight counts (as classWeights over all groups). */
  weights: { wP: number; wN: number };
}

/**
 * A group's recall, precision, false positive rate, alarm rate and accuracy at its choice,
 * with the classes weighted as in the solution (so at an assumed prevalence, re-weighted).
 */
export function groupRates(c: Confusion, w: { wP: number; wN: number }): { recall: number; precision: number; fpr: number; alarmRate: number; accuracy: number } {
  const tp = c.tp * w.wP;
  const fn = c.fn * w.wP;
  const fp = c.fp * w.wN;
  const tn = c.tn * w.wN;
  const div = (a: number, b: number) => (b > 0 ? a / b : 0);
  const total = tp + fn + fp + tn;
  return { recall: div(tp, tp + fn), precision: div(tp, tp + fp), fpr: div(fp, fp + tn), alarmRate: div(tp + fp, total), accuracy: div(tp + tn, total) };
}

export interface GroupOptions {
  /** The single (global) threshold. */
  threshold: number;
  /** Manual thresholds by group value; groups without one take `threshold`. */
  manual?: ReadonlyMap<string, number>;
  /** Assumed deployment prevalence, or undefined for the data's. */
  prevalence?: number;
  /**
   * Largest gap allowed between groups' parity metrics. Default: the sample's resolution,
   * the largest step between neighbouring achievable values in any group, so that every
   * common value is within reach of every group.
   */
  tolerance?: number;
}

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
  const members: number[][] = levels.map(() => []);
  for (let i = 0; i < codes.length; i++) {
    const g = codes[i];
    if (g >= 0 && g < levels.length) members[g].push(i);
  }
  const out: GroupInput[] = [];
  members.forEach((idx, g) => {
    if (idx.length === 0) return;
    const pick = (source: ArrayLike<number>) => Float64Array.from(idx, (i) => source[i]);
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
 * The parity metric of a group at operating point k, or NaN when undefined. Alarm rate and
 * accuracy use the class weights (so at an assumed prevalence they are re-weighted to it).
 */
export function parityMetricAt(strategy: ParityStrategy, curve: ScoreCurve, k: number, w: { wP: number; wN: number }): number {
  const c = curve.confusionAtIndex(k);
  const P = curve.positives;
  const N = curve.negatives;
  switch (strategy) {
    case 'equal-opportunity':
      return P > 0 ? c.tp / P : NaN;
    case 'equal-odds-fpr':
      return N > 0 ? c.fp / N : NaN;
    case 'demographic-parity':
    case 'equal-accuracy': {
      const total = P * w.wP + N * w.wN;
      if (!(total > 0)) return NaN;
      return strategy === 'demographic-parity' ? (c.tp * w.wP + c.fp * w.wN) / total : (c.tp * w.wP + c.tn * w.wN) / total;
    }
  }
}

/** A group's achievable metric values, ascending and distinct, each with its cheapest operating point. */
interface Options {
  metric: Float64Array;
  cost: Float64Array;
  index: Int32Array;
}

function optionsOf(strategy: ParityStrategy, g: GroupInput, w: { wP: number; wN: number }): Options {
  const m = g.curve.size;
  const all = Array.from({ length: m + 1 }, (_, k) => {
    const e = g.costs.errorCostsAtIndex(k);
    return { metric: parityMetricAt(strategy, g.curve, k, w), cost: w.wP * e.missed + w.wN * e.alarms, k };
  });
  // Ascending metric; equal metric: cheapest first, then the highest threshold (smallest k).
  all.sort((a, b) => a.metric - b.metric || a.cost - b.cost || a.k - b.k);
  const metric: number[] = [];
  const cost: number[] = [];
  const index: number[] = [];
  for (const o of all) {
    if (metric.length > 0 && o.metric === metric[metric.length - 1]) continue;
    metric.push(o.metric);
    cost.push(o.cost);
    index.push(o.k);
  }
  return { metric: Float64Array.from(metric), cost: Float64Array.from(cost), index: Int32Array.from(index) };
}

/** The largest step between neighbouring achievable values of any group: every common value is within it. */
export function sampleResolution(options: readonly Options[]): number {
  let step = 0;
  for (const o of options) for (let i = 1; i < o.metric.length; i++) step = Math.max(step, o.metric[i] - o.metric[i - 1]);
  return step;
}

// Relative slack for comparing sums of float costs and metric windows.
const EPS = 1e-12;

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

function solveParity(
  strategy: ParityStrategy,
  groups: readonly GroupInput[],
  w: { wP: number; wN: number },
  fallback: number[],
  userTolerance?: number,
): { indices: number[]; tolerance: number } {
  const indices = fallback.slice();
  // Groups where the metric is undefined are not constrained: they stay at their own optimum.
  const constrained = groups.map((g, i) => ({ i, o: optionsOf(strategy, g, w) })).filter(({ o }) => !Number.isNaN(o.metric[0]));
  if (constrained.length === 0) return { indices, tolerance: 0 };
  const all = constrained.map((c) => c.o);
  let tolerance = userTolerance ?? sampleResolution(all);
  let pick = cheapestWithin(all, tolerance);
  if (pick === null) {
    // Where the groups' ranges barely overlap (accuracy can), even the resolution may not bring
    // them together: then the smallest spread any choice achieves is the tolerance. (Computed
    // only then: it costs O(M·G·log M).)
    tolerance = Math.max(tolerance, smallestSpread(all));
    pick = cheapestWithin(all, tolerance);
  }
  if (pick === null) throw new MetricsInputError('No choice of thresholds keeps the groups within the tolerance.');
  const chosen = pick;
  constrained.forEach(({ i, o }, j) => {
    indices[i] = o.index[chosen[j]];
  });
  return { indices, tolerance };
}

/**
 * The cheapest choice of one option per group whose metrics lie within `tolerance` of each
 * other (positions into each group's options), or null when there is none. Every window start
 * is an achievable value: a choice lies in the window that starts at its smallest metric.
 */
function cheapestWithin(all: readonly Options[], tolerance: number): number[] | null {
  const starts = Float64Array.from(new Set(all.flatMap((o) => Array.from(o.metric)))).sort();
  const G = all.length;
  const lo = new Int32Array(G); // first option with metric >= start
  const hi = new Int32Array(G); // one past the last option with metric <= start + tolerance
  // Per group a deque (as an array and head) of option positions with nondecreasing cost.
  const deques: number[][] = all.map(() => []);
  const heads = new Int32Array(G);
  let bestCost = Infinity;
  let bestPick: number[] | null = null;
  for (const start of starts) {
    const end = start + tolerance + EPS;
    let total = 0;
    let feasible = true;
    for (let j = 0; j < G; j++) {
      const { metric, cost } = all[j];
      const dq = deques[j];
      while (hi[j] < metric.length && metric[hi[j]] <= end) {
        const c = cost[hi[j]];
        // Equal cost keeps the earlier option (smaller metric: for the monotone metrics, fewer alarms).
        while (dq.length > heads[j] && cost[dq[dq.length - 1]] > c) dq.pop();
        dq.push(hi[j]);
        hi[j]++;
      }
      while (lo[j] < metric.length && metric[lo[j]] < start - EPS) lo[j]++;
      while (heads[j] < dq.length && dq[heads[j]] < lo[j]) heads[j]++;
      if (heads[j] >= dq.length) {
        feasible = false;
        break;
      }
      total += cost[dq[heads[j]]];
    }
    if (!feasible) continue;
    if (bestPick === null || total < bestCost - EPS * Math.max(1, Math.abs(bestCost))) {
      bestCost = total;
      bestPick = deques.map((dq, j) => dq[heads[j]]);
    }
  }
  return bestPick;
}

/**
 * The smallest spread (largest minus smallest metric) of any choice of one achievable value
 * per group: for each start value, every group's first value at or above it. O(M·G·log M).
 */
export function smallestSpread(options: readonly Options[]): number {
  let best = Infinity;
  for (const o of options) {
    for (let i = 0; i < o.metric.length; i++) {
      const start = o.metric[i];
      let end = start;
      for (const other of options) {
        const j = firstAtLeast(other.metric, start);
        if (j === other.metric.length) {
          end = Infinity;
          break;
        }
        end = Math.max(end, other.metric[j]);
      }
      best = Math.min(best, end - start);
    }
  }
  return best;
}

function firstAtLeast(sorted: Float64Array, v: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

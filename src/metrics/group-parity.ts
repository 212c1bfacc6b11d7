/**
 * The parity strategies' search: each group's achievable metric values with their cheapest
 * operating points, and the cheapest choice whose metrics lie within a tolerance.
 */
import { MetricsInputError } from './errors';
import { rateOf } from './rates';
import type { GroupInput, ParityStrategy } from './group-strategies';
import type { ScoreCurve } from './score-curve';

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
      return rateOf(c.tp, P) ?? NaN;
    case 'equal-odds-fpr':
      return rateOf(c.fp, N) ?? NaN;
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
export const EPS = 1e-12;

export function solveParity(
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

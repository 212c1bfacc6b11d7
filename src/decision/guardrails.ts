/**
 * Guardrails for `cutoff check`: what the export asks the command to enforce (by default:
 * recall and precision must not drop below the exported figures, by a two-sample test held
 * at a 1% false-alarm rate; floors the user typed are absolute) and the score histogram that
 * new scores are compared against for drift (PSI, with KS beside it). Shared by the page's
 * export and the command, so both bin scores the same way.
 */
import '../data/zod-setup';
import { z } from 'zod';

/** The metrics a check compares with the export by a two-sample test. */
export const COMPARED_METRICS = ['recall', 'precision'] as const;
export type ComparedMetric = (typeof COMPARED_METRICS)[number];

/** The default false-alarm rate of a check: a healthy sample fails about once in a hundred runs. */
export const DEFAULT_ALPHA = 0.01;

/** Equal-width bins on [0, 1] for the exported histogram: PSI's customary ten, doubled for resolution. */
export const DRIFT_BINS = 20;

/** Proportions below this count as this in PSI, so an empty bin does not make it infinite. */
export const PSI_FLOOR = 1e-4;

/** The drift alarm PSI level practitioners use (0.1 watch, 0.25 act). */
export const DEFAULT_MAX_DRIFT = 0.25;

export interface ScoreHistogram {
  edges: number[];
  counts: number[];
}

/** Edges 0, 1/B, …, 1. */
export function driftEdges(bins: number = DRIFT_BINS): number[] {
  return Array.from({ length: bins + 1 }, (_, i) => i / bins);
}

/**
 * The bin of a score: bin i holds edges[i] <= s < edges[i + 1]; the last bin includes its top
 * edge; scores below the first edge or above the last are counted in the end bins.
 */
/**
 * histogramBin for one set of edges, made once: on equal-width edges (driftEdges') the bin is
 * floor(score · bins) moved by at most one so it agrees with the search to the last bit; other
 * edges search. `cutoff check` bins every row, so this is on its hot path.
 */
export function histogramBinner(edges: readonly number[]): (score: number) => number {
  const bins = edges.length - 1;
  const uniform = bins >= 2 && edges.every((e, i) => e === i / bins);
  if (!uniform) return (score) => histogramBin(edges, score);
  const last = bins - 1;
  return (score) => {
    if (!(score >= edges[1])) return 0;
    if (score >= edges[last]) return last;
    let b = Math.floor(score * bins);
    if (b > last) b = last;
    // The search's answer: the largest i with edges[i] <= score.
    while (b > 1 && edges[b] > score) b--;
    while (b < last && edges[b + 1] <= score) b++;
    return b;
  };
}

export function histogramBin(edges: readonly number[], score: number): number {
  const last = edges.length - 2;
  if (!(score >= edges[1])) return 0;
  if (score >= edges[last]) return last;
  let lo = 1;
  let hi = last;
  // Largest i with edges[i] <= score.
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (edges[mid] <= score) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** A weighted histogram of scores on the given edges. */
export function scoreHistogram(scores: ArrayLike<number>, edges: readonly number[] = driftEdges(), weights?: ArrayLike<number>): ScoreHistogram {
  const counts = new Array<number>(edges.length - 1).fill(0);
  for (let i = 0; i < scores.length; i++) counts[histogramBin(edges, scores[i])] += weights ? weights[i] : 1;
  return { edges: [...edges], counts };
}

/**
 * The same histogram read off a score curve: each distinct score carries the weight of its
 * rows (the steps of cumTp + cumFp), so the export never walks a million rows on the page.
 */
export function curveHistogram(
  curve: { thresholds: ArrayLike<number>; cumTp: ArrayLike<number>; cumFp: ArrayLike<number> },
  edges: readonly number[] = driftEdges(),
): ScoreHistogram {
  const counts = new Array<number>(edges.length - 1).fill(0);
  let before = 0;
  for (let k = 0; k < curve.thresholds.length; k++) {
    const total = curve.cumTp[k] + curve.cumFp[k];
    counts[histogramBin(edges, curve.thresholds[k])] += total - before;
    before = total;
  }
  return { edges: [...edges], counts };
}

function proportions(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((c) => (total > 0 ? c / total : 0));
}

/** Population stability index Σ (a − e)·ln(a / e) over the bins, proportions floored at PSI_FLOOR. */
export function populationStability(expected: readonly number[], actual: readonly number[]): number {
  const e = proportions(expected);
  const a = proportions(actual);
  let psi = 0;
  for (let i = 0; i < e.length; i++) {
    const ei = Math.max(PSI_FLOOR, e[i]);
    const ai = Math.max(PSI_FLOOR, a[i]);
    psi += (ai - ei) * Math.log(ai / ei);
  }
  return psi;
}

/** Kolmogorov–Smirnov distance between two binned distributions: the largest gap of their CDFs at the edges. */
export function binnedKs(expected: readonly number[], actual: readonly number[]): number {
  const e = proportions(expected);
  const a = proportions(actual);
  let ce = 0;
  let ca = 0;
  let ks = 0;
  for (let i = 0; i < e.length; i++) {
    ce += e[i];
    ca += a[i];
    ks = Math.max(ks, Math.abs(ce - ca));
  }
  return ks;
}

/**
 * The floors a user may type (the export panel, `cutoff check`'s options) and an export records,
 * with their bounds: one declaration the panel, the command and the operating-point schema read.
 * PSI above 100 means no overlap at all between the score distributions; no ceiling is higher.
 */
export const floorsSchema = z.object({
  minRecall: z.number().min(0).max(1),
  minPrecision: z.number().min(0).max(1),
  maxAlarmRate: z.number().min(0).max(1),
  maxDrift: z.number().min(0).max(100),
});
export type FloorName = keyof z.infer<typeof floorsSchema>;

/**
 * The metrics still compared with the export once floors are typed: a typed floor replaces the
 * comparison for its metric (the page's export and `cutoff check` both ask this).
 */
export function comparedBesides(compare: readonly ComparedMetric[], typed: { minRecall?: number | null; minPrecision?: number | null }): ComparedMetric[] {
  const floorOf = (m: ComparedMetric) => (m === 'recall' ? typed.minRecall : typed.minPrecision);
  return compare.filter((m) => floorOf(m) === undefined || floorOf(m) === null);
}

/** A floor's [min, max], read off the schema. */
export function floorBounds(name: FloorName): [number, number] {
  const field = floorsSchema.shape[name];
  return [field.minValue ?? -Infinity, field.maxValue ?? Infinity];
}

export interface Guardrails extends Record<FloorName, number | null> {
  basis: string;
  compare: ComparedMetric[];
  alpha: number;
}

/**
 * Default guardrails: recall and precision compared with the exported figures (a one-sided
 * two-sample test, so the new sample's own sampling error is allowed for), the family held at
 * a 1% false-alarm rate, no absolute floor, no alarm-rate ceiling, and PSI 0.25 for drift.
 * A one-sample bound on the exported figure (the earlier default) is crossed by a healthy
 * sample about 8% of the time per floor.
 */
export function defaultGuardrails(): Guardrails {
  return {
    minRecall: null,
    minPrecision: null,
    maxAlarmRate: null,
    maxDrift: DEFAULT_MAX_DRIFT,
    compare: [...COMPARED_METRICS],
    alpha: DEFAULT_ALPHA,
    basis: `recall and precision compared with the exported figures (two-sample test, ${DEFAULT_ALPHA * 100}% false alarms per run); PSI ${DEFAULT_MAX_DRIFT}`,
  };
}

/** An export written before two-sample checks: its floors were the 95% Wilson bounds nobody typed. */
export function isWilsonDefault(basis: string | undefined): boolean {
  return basis !== undefined && /^95% Wilson lower bounds of recall and precision/.test(basis);
}

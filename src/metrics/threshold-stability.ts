/**
 * How far the chosen cutoff would move on other data: each rule (cost-optimal, best F1, a
 * target) is solved again on every resample — the k out-of-fold folds, or B seeded bootstrap
 * resamples of the evaluated scores — and recall and precision at the threshold in use are
 * read on each. The spread is what a user should expect the rule to wander by.
 */
import { deriveSeed, mulberry32 } from '../data/random';
import { costOptimal } from './costs';
import { precisionOf, recallOf } from './rates';
import { ScoreCurve } from './score-curve';
import { f1Optimal, solveTarget, type TargetKind } from './targets';
import type { Costs } from './threshold-metrics';

/** Low, high, mean and (population) standard deviation of the finite values. */
export interface Spread {
  low: number;
  high: number;
  mean: number;
  sd: number;
}

/** Rules whose threshold is re-solved on every resample. */
export interface StabilityRules {
  costs: Costs;
  /** Assumed deployment prevalence for the cost rule; undefined: as observed. */
  prevalence?: number;
  target?: { kind: TargetKind; value: number } | null;
}

export interface ThresholdStability {
  method: 'k-fold' | 'bootstrap';
  resamples: number;
  seed?: number;
  thresholds: { rule: string; values: number[]; spread: Spread }[];
  /** Recall and precision at the threshold in use, on each resample. */
  atChosen: { recall: Spread; precision: Spread };
  chosen: number;
}

/** Spread of the finite values; NaNs throughout when there are none. */
export function spreadOf(values: readonly number[]): Spread {
  const v = values.filter(Number.isFinite);
  if (v.length === 0) return { low: NaN, high: NaN, mean: NaN, sd: NaN };
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  const sd = Math.sqrt(v.reduce((s, x) => s + (x - mean) ** 2, 0) / v.length);
  return { low: Math.min(...v), high: Math.max(...v), mean, sd };
}

/** The rows of each fold (foldOf[i] = fold of row i, 0 … k−1). */
export function foldResamples(foldOf: Uint8Array, k: number): Uint32Array[] {
  return Array.from({ length: k }, (_, f) => Uint32Array.from(foldOf.keys()).filter((i) => foldOf[i] === f));
}

/** B bootstrap resamples of n rows (drawn with replacement), seeded. */
export function bootstrapResamples(n: number, replicates: number, seed: number): Uint32Array[] {
  return Array.from({ length: replicates }, (_, b) => {
    const random = mulberry32(deriveSeed(seed, b));
    return Uint32Array.from({ length: n }, () => Math.floor(random() * n));
  });
}

/** One sorted curve per resample: built once per score set, re-read on every cost change. */
export function resampleCurves(scores: ArrayLike<number>, labels: ArrayLike<number>, resamples: readonly Uint32Array[]): ScoreCurve[] {
  return resamples.map((rows) =>
    ScoreCurve.from(
      Float64Array.from(rows, (i) => scores[i]),
      Uint8Array.from(rows, (i) => labels[i]),
    ),
  );
}

/** Each rule's threshold on every curve and its spread (re-solved when the costs change, not on a drag). */
export function ruleStability(curves: readonly ScoreCurve[], rules: StabilityRules): ThresholdStability['thresholds'] {
  const solved: { rule: string; values: number[] }[] = [
    { rule: 'cost-optimal', values: curves.map((c) => costOptimal(c, rules.costs, rules.prevalence).threshold) },
    { rule: 'f1', values: curves.map((c) => f1Optimal(c).threshold) },
  ];
  const target = rules.target;
  if (target) solved.push({ rule: `${target.kind} ${target.value}`, values: curves.map((c) => solveTarget(c, target.kind, target.value, rules.prevalence)?.threshold ?? NaN) });
  return solved.map((s) => ({ ...s, spread: spreadOf(s.values) }));
}

/** Recall and precision at `chosen` on every curve (a binary search each: cheap enough for a drag). */
export function chosenStability(curves: readonly ScoreCurve[], chosen: number): ThresholdStability['atChosen'] {
  const recall: number[] = [];
  const precision: number[] = [];
  for (const c of curves) {
    const m = c.confusionAt(chosen);
    recall.push(recallOf(m) ?? NaN);
    precision.push(precisionOf(m) ?? NaN);
  }
  return { recall: spreadOf(recall), precision: spreadOf(precision) };
}

/** The stability of each rule's threshold and of recall and precision at `chosen`, over the curves. */
export function thresholdStability(curves: readonly ScoreCurve[], rules: StabilityRules, chosen: number, method: ThresholdStability['method'], seed?: number): ThresholdStability {
  return { method, resamples: curves.length, ...(seed !== undefined ? { seed } : {}), thresholds: ruleStability(curves, rules), atChosen: chosenStability(curves, chosen), chosen };
}

/** "the cost-optimal cutoff ranges 0.64–0.78 across folds" */
export function describeStability(s: ThresholdStability, rule = 'cost-optimal'): string {
  const r = s.thresholds.find((t) => t.rule === rule);
  const where = s.method === 'k-fold' ? `across ${s.resamples} folds` : `across ${s.resamples} bootstrap resamples`;
  if (!r || !Number.isFinite(r.spread.low)) return `the ${rule} cutoff is undefined ${where}`;
  const name = rule === 'f1' ? 'best-F1' : rule;
  return `the ${name} cutoff ranges ${r.spread.low.toFixed(2)}–${r.spread.high.toFixed(2)} ${where}`;
}

/** The scores a trained model was evaluated on, with what decides how they are resampled. */
export interface EvaluatedScores {
  scores: ArrayLike<number>;
  labels: ArrayLike<number>;
  /** Set after a cross-validation: resample by fold. Null: bootstrap. */
  foldOf: Uint8Array | null;
  folds: number;
  seed: number;
  /** Bootstrap resamples when there are no folds. */
  replicates: number;
}

/** Stability over the folds, or over seeded bootstrap resamples of the evaluated scores. */
export function evaluatedStability(e: EvaluatedScores, rules: StabilityRules, chosen: number): ThresholdStability {
  const resamples = e.foldOf ? foldResamples(e.foldOf, e.folds) : bootstrapResamples(e.scores.length, e.replicates, e.seed);
  return thresholdStability(resampleCurves(e.scores, e.labels, resamples), rules, chosen, e.foldOf ? 'k-fold' : 'bootstrap', e.seed);
}

import { MetricsInputError } from './errors';
import { quantileSorted } from './interval';
import { mulberry32, randomBelow } from '../data/random';
import { ScoreCurve } from './score-curve';

/** Settings of a bootstrap run. */
export interface BootstrapOptions {
  /** Number of resamples (default 1000). */
  replicates?: number;
  /** Two-sided level of the percentile intervals (default 0.95). */
  confidence?: number;
  /** Seed of the generator: the same seed gives the same intervals (default 1). */
  seed?: number;
  /** Called after each replicate, e.g. to report progress from a worker. */
  onProgress?: (done: number, total: number) => void;
}

/** Point estimate on the full data and percentile interval over the resamples. */
export interface BootstrapEstimate {
  estimate: number;
  low: number;
  high: number;
}

export interface BootstrapResult {
  replicates: number;
  confidence: number;
  seed: number;
  rocAuc: BootstrapEstimate;
  averagePrecision: BootstrapEstimate;
  /** Every replicate's value, in the order drawn (for histograms and for tests). */
  samples: { rocAuc: Float64Array; averagePrecision: Float64Array };
}

/**
 * Stratified, seeded bootstrap percentile intervals for ROC-AUC and average precision.
 * Each replicate draws, with replacement, as many positive rows as there are positive rows
 * (and likewise negatives), so every replicate has both classes and the class mix is fixed,
 * as it is in a validation split of fixed size. Rows of weight 0 are left out first, like
 * everywhere in this module; the weights of drawn rows come with them.
 *
 * Pure and deterministic: same inputs and seed, same result, in Node or a worker. The rows
 * are sorted once; a replicate then costs O(n + distinct scores) with no sorting: drawn rows
 * add their weight to their score level, and AUC and AP are summed over the levels.
 * @throws MetricsInputError like ScoreCurve.from, or for replicates < 1 or confidence outside (0, 1).
 */
export function bootstrapAucAp(scores: ArrayLike<number>, labels: ArrayLike<number>, weights?: ArrayLike<number>, options: BootstrapOptions = {}): BootstrapResult {
  const replicates = options.replicates ?? 1000;
  const confidence = options.confidence ?? 0.95;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(replicates) || replicates < 1) {
    throw new MetricsInputError(`The number of bootstrap replicates must be a whole number >= 1; got ${replicates}.`);
  }
  if (!(confidence > 0 && confidence < 1)) {
    throw new MetricsInputError(`The confidence level must lie strictly between 0 and 1; got ${confidence}.`);
  }
  const curve = ScoreCurve.from(scores, labels, weights);
  const m = curve.size;

  // Level (index into curve.thresholds) and weight of every kept row, split by class.
  const pos = { level: [] as number[], weight: [] as number[] };
  const neg = { level: [] as number[], weight: [] as number[] };
  for (let i = 0; i < scores.length; i++) {
    const w = weights === undefined ? 1 : weights[i];
    if (w === 0) continue;
    const side = labels[i] !== 0 ? pos : neg;
    side.level.push(curve.indexAt(scores[i]) - 1);
    side.weight.push(w);
  }
  const posLevel = Uint32Array.from(pos.level);
  const negLevel = Uint32Array.from(neg.level);
  const posWeight = Float64Array.from(pos.weight);
  const negWeight = Float64Array.from(neg.weight);

  const random = mulberry32(seed);
  const posW = new Float64Array(m);
  const negW = new Float64Array(m);
  const aucs = new Float64Array(replicates);
  const aps = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    posW.fill(0);
    negW.fill(0);
    for (let j = 0; j < posLevel.length; j++) {
      const pick = randomBelow(random, posLevel.length);
      posW[posLevel[pick]] += posWeight[pick];
    }
    for (let j = 0; j < negLevel.length; j++) {
      const pick = randomBelow(random, negLevel.length);
      negW[negLevel[pick]] += negWeight[pick];
    }
    const { auc, ap } = aucApOfLevels(posW, negW);
    aucs[r] = auc;
    aps[r] = ap;
    options.onProgress?.(r + 1, replicates);
  }
  return {
    replicates,
    confidence,
    seed,
    rocAuc: summarise(curve.rocAuc(), aucs, confidence),
    averagePrecision: summarise(curve.averagePrecision(), aps, confidence),
    samples: { rocAuc: aucs, averagePrecision: aps },
  };
}

/**
 * ROC-AUC (trapezoid) and AP (step sum) from per-level class weights, levels in descending
 * score order; same definitions as ScoreCurve.rocAuc and averagePrecision.
 */
export function aucApOfLevels(posW: Float64Array, negW: Float64Array): { auc: number; ap: number } {
  let tp = 0;
  let fp = 0;
  let area = 0;
  let apSum = 0;
  for (let i = 0; i < posW.length; i++) {
    const dTp = posW[i];
    const dFp = negW[i];
    if (dTp === 0 && dFp === 0) continue;
    const tpNext = tp + dTp;
    const fpNext = fp + dFp;
    area += dFp * (tp + tpNext);
    if (dTp > 0) apSum += dTp * (tpNext / (tpNext + fpNext));
    tp = tpNext;
    fp = fpNext;
  }
  return { auc: tp > 0 && fp > 0 ? area / (2 * tp * fp) : NaN, ap: tp > 0 ? apSum / tp : 0 };
}

function summarise(estimate: number, values: Float64Array, confidence: number): BootstrapEstimate {
  const sorted = values.slice().sort();
  const alpha = (1 - confidence) / 2;
  return { estimate, low: quantileSorted(sorted, alpha), high: quantileSorted(sorted, 1 - alpha) };
}

import { MetricsInputError } from './errors';
import type { ScoreCurve } from './score-curve';
import type { Costs } from './threshold-metrics';

/**
 * How much one unit of positive and of negative weight counts towards a per-case figure.
 * Observed prevalence: both 1 / total. Assumed deployment prevalence π: positives are scaled
 * to make up π of the cases and negatives 1 − π, i.e. wP = π / P and wN = (1 − π) / N,
 * so a rate measured on the data (TPR, FPR) is carried over unchanged to the new mix.
 * A class with no weight in the data gets factor 0 (its rates are 0 by convention).
 */
export interface ClassWeights {
  wP: number;
  wN: number;
}

/** Per-unit class factors for the observed prevalence, or for an assumed one in [0, 1]. */
export function classWeights(curve: Pick<ScoreCurve, 'positives' | 'negatives'>, prevalence?: number): ClassWeights {
  const P = curve.positives;
  const N = curve.negatives;
  if (prevalence === undefined) {
    const total = P + N;
    return { wP: 1 / total, wN: 1 / total };
  }
  assertPrevalence(prevalence);
  return { wP: P > 0 ? prevalence / P : 0, wN: N > 0 ? (1 - prevalence) / N : 0 };
}

/** Throws MetricsInputError unless 0 <= prevalence <= 1. */
export function assertPrevalence(prevalence: number): void {
  if (!(prevalence >= 0 && prevalence <= 1)) {
    throw new MetricsInputError(`Prevalence must be a share between 0 and 1; got ${prevalence}.`);
  }
}

/** Throws MetricsInputError unless both costs are finite and >= 0. */
export function assertCosts(costs: Costs): void {
  for (const [name, value] of [
    ['false positive', costs.costFp],
    ['false negative', costs.costFn],
  ] as const) {
    if (!Number.isFinite(value) || value < 0) {
      throw new MetricsInputError(`The cost of a ${name} must be a finite number >= 0; got ${value}.`);
    }
  }
}

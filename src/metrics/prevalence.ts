import { assertPrevalence } from './class-weights';
import type { Confusion } from './score-curve';
import { metricsFromConfusion, type Costs, type ThresholdMetrics } from './threshold-metrics';

/**
 * The confusion matrix carried over to an assumed deployment prevalence π, as shares of all
 * cases (the four cells add up to 1): the rates within each class (TPR, FPR) are those
 * measured, the class mix is π : 1 − π. A class absent from the data contributes 0.
 * @throws MetricsInputError when π is outside [0, 1].
 */
export function confusionAtPrevalence(c: Confusion, prevalence: number): Confusion {
  assertPrevalence(prevalence);
  const P = c.tp + c.fn;
  const N = c.fp + c.tn;
  const wP = P > 0 ? prevalence / P : 0;
  const wN = N > 0 ? (1 - prevalence) / N : 0;
  return { tp: c.tp * wP, fn: c.fn * wP, fp: c.fp * wN, tn: c.tn * wN };
}

/**
 * Every threshold metric at an assumed deployment prevalence: precision, NPV, accuracy,
 * alarm rate, F1, MCC and expected cost change with the class mix; recall, specificity and
 * FPR do not. Without a prevalence (null) the figures are those of the data.
 */
export function metricsAtPrevalence(c: Confusion, costs: Costs, prevalence: number | null, beta: number = 1): ThresholdMetrics {
  return metricsFromConfusion(prevalence === null ? c : confusionAtPrevalence(c, prevalence), costs, beta);
}

/**
 * The matrix as natural frequencies: how many of every `per` cases (1,000 by default) fall
 * in each cell, at the data's prevalence or at an assumed one. Not rounded.
 */
export function naturalFrequencies(c: Confusion, prevalence: number | null, per: number = 1000): Confusion {
  const shares = prevalence === null ? sharesOf(c) : confusionAtPrevalence(c, prevalence);
  return { tp: shares.tp * per, fp: shares.fp * per, tn: shares.tn * per, fn: shares.fn * per };
}

function sharesOf(c: Confusion): Confusion {
  const total = c.tp + c.fp + c.tn + c.fn;
  if (!(total > 0)) return { tp: 0, fp: 0, tn: 0, fn: 0 };
  return { tp: c.tp / total, fp: c.fp / total, tn: c.tn / total, fn: c.fn / total };
}

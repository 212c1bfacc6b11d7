/**
 * A population whose every figure is known in closed form, for the confidence targets'
 * simulations: prevalence 0.1, positives' scores Beta(5, 2), negatives' Beta(2, 5). Recall at
 * t is 1 − I_t(5, 2) = 1 − 6t⁵ + 5t⁶ and the FPR 1 − I_t(2, 5) = (1 − t)⁶ + 6t(1 − t)⁵.
 */
import { mulberry32, type Random } from '../../../src/data/random';

export const PREVALENCE = 0.1;

export function populationRecall(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return 1 - 6 * u ** 5 + 5 * u ** 6;
}

export function populationFpr(t: number): number {
  const u = Math.min(1, Math.max(0, t));
  return (1 - u) ** 6 + 6 * u * (1 - u) ** 5;
}

export function populationAlarmRate(t: number): number {
  return PREVALENCE * populationRecall(t) + (1 - PREVALENCE) * populationFpr(t);
}

export function populationPrecision(t: number): number {
  const flagged = populationAlarmRate(t);
  return flagged > 0 ? (PREVALENCE * populationRecall(t)) / flagged : 1;
}

/** Gamma(k) for a whole k: the sum of k standard exponentials. */
function gamma(random: Random, k: number): number {
  let sum = 0;
  for (let i = 0; i < k; i++) sum -= Math.log(1 - random());
  return sum;
}

function beta(random: Random, a: number, b: number): number {
  const x = gamma(random, a);
  return x / (x + gamma(random, b));
}

/** One sample of n cases: scores and labels. */
export function drawSample(random: Random, n: number): { scores: Float64Array; labels: Uint8Array } {
  const scores = new Float64Array(n);
  const labels = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const positive = random() < PREVALENCE;
    labels[i] = positive ? 1 : 0;
    scores[i] = positive ? beta(random, 5, 2) : beta(random, 2, 5);
  }
  return { scores, labels };
}

/** `runs` seeded samples of n cases each, from one mulberry32 stream. */
export function* samples(seed: number, runs: number, n: number): Generator<{ scores: Float64Array; labels: Uint8Array }> {
  const random = mulberry32(seed);
  for (let r = 0; r < runs; r++) yield drawSample(random, n);
}

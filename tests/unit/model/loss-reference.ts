/**
 * Float64 plain-JS references of the losses in losses.ts, for tests and checks: the same
 * formulas written once more, without tfjs, in the stable form.
 */
import type { LossWeights } from '../../../src/model/losses';

/** log(1 + e^x) without overflow or loss of precision, in float64. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

/** Logistic σ(x), stable at both ends. */
export function sigmoid(x: number): number {
  return x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));
}

function check(logits: ArrayLike<number>, labels: ArrayLike<number>): void {
  if (logits.length !== labels.length) throw new RangeError('logits and labels differ in length');
}

/** Loss of one row (not averaged). */
export function rowLossReference(z: number, y: number, w: LossWeights): number {
  const spPos = softplus(z);
  const spNeg = softplus(-z);
  if (y === 1) return w.positive * Math.exp(-w.gamma * spPos) * spNeg;
  return w.negative * Math.exp(-w.gamma * spNeg) * spPos;
}

/** Mean loss over rows; NaN for no rows. */
export function lossReference(logits: ArrayLike<number>, labels: ArrayLike<number>, w: LossWeights): number {
  check(logits, labels);
  if (logits.length === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < logits.length; i++) sum += rowLossReference(logits[i], labels[i], w);
  return sum / logits.length;
}

/** d(row loss)/dz of one row, from the closed form in losses.ts. */
export function rowGradientReference(z: number, y: number, w: LossWeights): number {
  const p = sigmoid(z);
  const q = sigmoid(-z);
  if (y === 1) return -w.positive * Math.exp(-w.gamma * softplus(z)) * (w.gamma * p * softplus(-z) + q);
  return w.negative * Math.exp(-w.gamma * softplus(-z)) * (w.gamma * q * softplus(z) + p);
}

/** Weighted BCE with pos_weight, the special case γ = 0, c = (pos_weight, 1). */
export function weightedBceReference(logits: ArrayLike<number>, labels: ArrayLike<number>, posWeight: number): number {
  return lossReference(logits, labels, { positive: posWeight, negative: 1, gamma: 0 });
}

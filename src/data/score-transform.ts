import './zod-setup';
import { z } from 'zod';
import { DataError } from './errors';

/**
 * How a score column outside [0, 1] is brought onto it; 'none' refuses such scores.
 * 'percent' divides scores on 0–100 by 100: unlike min-max it keeps what a threshold means
 * (a threshold of 0.3 is a score of 30 whatever the file's lowest and highest scores).
 */
export const SCORE_TRANSFORMS = ['none', 'min-max', 'sigmoid', 'percent'] as const;
export type ScoreTransform = (typeof SCORE_TRANSFORMS)[number];

/** The mapping applied, with what is needed to apply it again to a deployed model's raw scores (the export records it). */
export const appliedTransformSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('min-max'), min: z.number().finite(), max: z.number().finite() }),
  z.object({ kind: z.literal('sigmoid') }),
  /** Percent scores (0–100): divided by `by`, which keeps the threshold's meaning. */
  z.object({ kind: z.literal('divide'), by: z.number().finite().positive() }),
]);
export type AppliedTransform = z.infer<typeof appliedTransformSchema>;

/** The one implementation of each mapping: the page applies it while choosing, the command while checking and applying. */
export function scoreMapping(transform: AppliedTransform | null): (raw: number) => number {
  if (transform === null) return (s) => s;
  switch (transform.kind) {
    case 'sigmoid':
      return (s) => 1 / (1 + Math.exp(-s));
    case 'divide':
      return (s) => s / transform.by;
    case 'min-max': {
      const span = transform.max - transform.min;
      return (s) => (s - transform.min) / span;
    }
  }
}

/**
 * True when every finite value lies in [0, 100] and some exceed 10: percentages, most
 * likely (scores up to 1.7 or 5 are more likely margins or ratings).
 */
export function looksLikePercent(values: ArrayLike<number>): boolean {
  let above = false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== v) continue;
    if (v < 0 || v > 100) return false;
    if (v > 10) above = true;
  }
  return above;
}

/**
 * Maps raw scores onto [0, 1]: min-max keeps their spacing (`(s − min) / (max − min)`), the
 * sigmoid reads them as logits (`1 / (1 + e^−s)`). Both keep the order, so the curves are
 * the same and only the threshold's scale changes.
 */
export function rescaleScores(raw: Float64Array, transform: Exclude<ScoreTransform, 'none'>, column: string): { scores: Float64Array; transform: AppliedTransform } {
  const applied = appliedFor(raw, transform, column);
  const map = scoreMapping(applied);
  const scores = new Float64Array(raw.length);
  for (let i = 0; i < raw.length; i++) scores[i] = map(raw[i]);
  return { scores, transform: applied };
}

function appliedFor(raw: Float64Array, transform: Exclude<ScoreTransform, 'none'>, column: string): AppliedTransform {
  if (transform === 'sigmoid') return { kind: 'sigmoid' };
  if (transform === 'percent') {
    const outside = raw.find((v) => !(v >= 0 && v <= 100));
    if (outside !== undefined) {
      throw new DataError(`The score column "${column}" has ${outside}, outside 0–100: these are not percentages. Rescale min-max instead.`, { kind: 'rescale-scores', column });
    }
    return { kind: 'divide', by: 100 };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of raw) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) throw new DataError(`Every score in "${column}" is ${min}: there is nothing to rescale and no threshold to choose.`);
  return { kind: 'min-max', min, max };
}

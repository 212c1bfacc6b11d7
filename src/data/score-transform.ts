import { DataError } from './errors';

/**
 * How a score column outside [0, 1] is brought onto it; 'none' refuses such scores.
 * 'percent' divides scores on 0–100 by 100: unlike min-max it keeps what a threshold means
 * (a threshold of 0.3 is a score of 30 whatever the file's lowest and highest scores).
 */
export type ScoreTransform = 'none' | 'min-max' | 'sigmoid' | 'percent';
export const SCORE_TRANSFORMS: readonly ScoreTransform[] = ['none', 'min-max', 'sigmoid', 'percent'];

/** The mapping applied, with what is needed to undo it on a deployed model's raw scores. */
export type AppliedTransform = { kind: 'min-max'; min: number; max: number } | { kind: 'sigmoid' } | { kind: 'divide'; by: number };

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
  const scores = new Float64Array(raw.length);
  if (transform === 'percent') {
    for (let i = 0; i < raw.length; i++) {
      if (!(raw[i] >= 0 && raw[i] <= 100)) {
        throw new DataError(`The score column "${column}" has ${raw[i]}, outside 0–100: these are not percentages. Rescale min-max instead.`, { kind: 'rescale-scores', column });
      }
      scores[i] = raw[i] / 100;
    }
    return { scores, transform: { kind: 'divide', by: 100 } };
  }
  if (transform === 'sigmoid') {
    for (let i = 0; i < raw.length; i++) scores[i] = 1 / (1 + Math.exp(-raw[i]));
    return { scores, transform: { kind: 'sigmoid' } };
  }
  let min = Infinity;
  let max = -Infinity;
  for (const v of raw) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) throw new DataError(`Every score in "${column}" is ${min}: there is nothing to rescale and no threshold to choose.`);
  const span = max - min;
  for (let i = 0; i < raw.length; i++) scores[i] = (raw[i] - min) / span;
  return { scores, transform: { kind: 'min-max', min, max } };
}

import { DataError } from './errors';

/** How a score column outside [0, 1] is brought onto it; 'none' refuses such scores. */
export type ScoreTransform = 'none' | 'min-max' | 'sigmoid';
export const SCORE_TRANSFORMS: readonly ScoreTransform[] = ['none', 'min-max', 'sigmoid'];

/** The mapping applied, with what is needed to undo it on a deployed model's raw scores. */
export type AppliedTransform = { kind: 'min-max'; min: number; max: number } | { kind: 'sigmoid' };

/**
 * Maps raw scores onto [0, 1]: min-max keeps their spacing (`(s − min) / (max − min)`), the
 * sigmoid reads them as logits (`1 / (1 + e^−s)`). Both keep the order, so the curves are
 * the same and only the threshold's scale changes.
 */
export function rescaleScores(raw: Float64Array, transform: Exclude<ScoreTransform, 'none'>, column: string): { scores: Float64Array; transform: AppliedTransform } {
  const scores = new Float64Array(raw.length);
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

/** A threshold on the rescaled scores as a threshold on the raw scores, for the export. */
export function rawThreshold(threshold: number, transform: AppliedTransform): number {
  if (transform.kind === 'sigmoid') return Math.log(threshold / (1 - threshold));
  return transform.min + threshold * (transform.max - transform.min);
}

import type { AppliedTransform } from '../../../src/data/score-transform';

/** A threshold on the rescaled scores as a threshold on the raw scores, the inverse the score-transform tests check rescaling against. */
export function rawThreshold(threshold: number, transform: AppliedTransform): number {
  if (transform.kind === 'sigmoid') return Math.log(threshold / (1 - threshold));
  if (transform.kind === 'divide') return threshold * transform.by;
  return transform.min + threshold * (transform.max - transform.min);
}

/**
 * The figures each epoch reports about the validation split, read from ScoreCurve: the
 * metrics module is the one source of truth for AUCs and rates, here as on the page.
 */
import { safeDivide, ScoreCurve } from '../metrics';
import type { ValidationFigures } from './train-protocol';

/** PR-AUC (average precision), ROC-AUC, and recall and precision at `threshold`. */
export function validationFigures(scores: Float32Array, labels: ArrayLike<number>, threshold: number): ValidationFigures {
  const curve = ScoreCurve.from(scores, labels);
  const c = curve.confusionAt(threshold);
  return {
    prAuc: curve.averagePrecision(),
    rocAuc: curve.rocAuc(),
    recall: safeDivide(c.tp, c.tp + c.fn),
    precision: safeDivide(c.tp, c.tp + c.fp),
  };
}

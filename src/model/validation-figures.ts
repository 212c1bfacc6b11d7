/**
 * The figures each epoch reports about the validation split, read from ScoreCurve: the
 * metrics module is the one source of truth for AUCs and rates, here as on the page.
 */
import { safeDivide, ScoreCurve } from '../metrics';
import { prepareCurve, type PreparedCurve } from '../metrics/curve-view';
import type { ValidationFigures } from './train-protocol';

/**
 * The figures and, when `drawn`, the validation curve with its drawing: the page shows this
 * curve as it is, so an epoch's scores are sorted once, here, not again in the metrics worker.
 * The drawing costs several times the figures, so epochs the page will not show go without.
 */
export function validationCurve(
  scores: Float32Array,
  labels: ArrayLike<number>,
  threshold: number,
  drawn = true,
): { figures: ValidationFigures; curve: PreparedCurve | null; sorted: ScoreCurve } {
  const sorted = ScoreCurve.from(scores, labels);
  return { figures: figuresOf(sorted, threshold), curve: drawn ? prepareCurve(sorted) : null, sorted };
}

/** PR-AUC (average precision), ROC-AUC, and recall and precision at `threshold`. */
function figuresOf(curve: ScoreCurve, threshold: number): ValidationFigures {
  const c = curve.confusionAt(threshold);
  return {
    prAuc: curve.averagePrecision(),
    rocAuc: curve.rocAuc(),
    recall: safeDivide(c.tp, c.tp + c.fn),
    precision: safeDivide(c.tp, c.tp + c.fp),
  };
}

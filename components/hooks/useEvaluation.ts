import { useMemo, useRef } from 'react';
import type { Dataset } from '../../src/data/dataset';
import type { Remedy } from '../../src/data/errors';
import type { LabelVector } from '../../src/data/label';
import type { AppliedTransform } from '../../src/data/score-transform';
import { rememberCostHull, ScoreCurve } from '../../src/metrics';
import type { CurveView, PreparedCurve } from '../../src/metrics/curve-view';
import type { Settings } from '../../src/session/settings';
import type { TrainingState } from './useTrainer';
import { useCurve } from './useCurve';
import type { EvaluatedOn } from '../../src/session/operating-point';
import type { CasesSource } from '../../src/engine/cases-runner';
import type { CaseChoice } from '../../src/session/evaluated-cases';
import { useLabelledCases } from './useLabelledCases';

export interface Evaluation {
  curve: ScoreCurve;
  /** The charts' points, paths, histogram and hull, prepared with the curve. */
  view: CurveView;
  evaluatedOn: EvaluatedOn;
  /** Dataset row of each evaluated case, aligned with `scores`. */
  rows: Uint32Array;
  scores: ArrayLike<number>;
  labels: Uint8Array;
  weights: Float64Array | null;
  /** How a scores-mode column was rescaled onto [0, 1]; null when used as is (or trained). */
  transform?: AppliedTransform | null;
}

export interface EvaluationResult {
  labels: LabelVector | null;
  evaluation: Evaluation | null;
  error: string | null;
  /** What the page can offer about `error` (e.g. rescaling scores outside [0, 1]). */
  remedy: Remedy | null;
  /** True while newer scores than the evaluation's are being turned into a curve. */
  updating: boolean;
}

/**
 * The scores and labels the threshold is chosen on: the validation split of a trained model,
 * every labelled row scored by an imported model, or every labelled row of a scores file. The
 * label vector and a scores file's cases are built in the parse worker, next to the file
 * (`source`, src/session/evaluated-cases); the curve once per score set, in a metrics worker,
 * never on a drag.
 */
export function useEvaluation(source: CasesSource, dataset: Dataset | null, settings: Settings, training: TrainingState): EvaluationResult {
  const { labelColumn, positiveValue, mode, scoreColumn, weightColumn, scoreTransform } = settings;
  // Train mode needs the label vector only.
  const choice = useMemo(
    (): CaseChoice =>
      mode === 'scores'
        ? { labelColumn, positiveValue, scoreColumn, weightColumn, scoreTransform }
        : { labelColumn, positiveValue, scoreColumn: null, weightColumn: null, scoreTransform: 'none' },
    [mode, labelColumn, positiveValue, scoreColumn, weightColumn, scoreTransform],
  );
  const labelled = useLabelledCases(source, dataset, choice);
  const vector = labelled.labels;

  const { validationIndices, validationScores, evaluatedOn } = training;
  // The cases the threshold is chosen on; their curve is sorted in a worker (useCurve).
  const cases = useMemo((): Omit<Evaluation, 'curve' | 'view'> | null => {
    if (mode === 'scores') return labelled.cases;
    if (!vector || !validationIndices || !validationScores) return null;
    const validationLabels = new Uint8Array(validationIndices.length);
    const rows = new Uint32Array(validationIndices.length);
    validationIndices.forEach((i, j) => {
      validationLabels[j] = vector.labels[i];
      rows[j] = vector.rows[i];
    });
    return { evaluatedOn, rows, scores: validationScores, labels: validationLabels, weights: null };
  }, [mode, labelled.cases, vector, validationIndices, validationScores, evaluatedOn]);

  // Sorted in the metrics worker, with everything the charts draw: a million scores, or a
  // large validation split every epoch, never block the page. A model's curve stays up until
  // the next epoch's (or the final weights') is ready, so the views never blink; a new file
  // or training run clears the scores first, and with them the curve.
  // A hold-out epoch's curve comes sorted and drawn from the training worker: used as it is.
  const prepared = mode === 'train' ? training.validationCurve : null;
  const built = useCurve(prepared ? null : cases, mode === 'train');
  const fromTraining = useMemo((): Evaluation | null => (prepared && cases ? { ...cases, curve: curveOf(prepared), view: prepared.view } : null), [prepared, cases]);
  const fromWorker = useMemo((): Evaluation | null => (built.built ? { ...built.built.cases, curve: built.built.curve, view: built.built.view } : null), [built.built]);
  // Switching from the training worker's curves to the metrics worker's (the out-of-fold scores
  // after a cross-validation) keeps the last one up until the new one arrives: no blink.
  const last = useRef<Evaluation | null>(null);
  const evaluation = fromTraining ?? fromWorker ?? (mode === 'train' && built.pending ? last.current : null);
  last.current = evaluation;

  return {
    labels: vector,
    evaluation,
    error: labelled.error ?? built.error,
    remedy: labelled.remedy,
    updating: built.pending === true || (labelled.pending && evaluation !== null),
  };
}

/** The ScoreCurve a worker sorted, with its cost hull remembered from the view. */
function curveOf(prepared: PreparedCurve): ScoreCurve {
  const curve = new ScoreCurve(prepared.n, prepared.thresholds, prepared.cumTp, prepared.cumFp);
  rememberCostHull(curve, prepared.view.hull);
  return curve;
}

import { useMemo, useRef } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { findColumn } from '../../src/data/dataset';
import { DataError, type Remedy } from '../../src/data/errors';
import { encodeLabels, type LabelVector } from '../../src/data/label';
import type { AppliedTransform } from '../../src/data/score-transform';
import { scoreInputs } from '../../src/data/scores';
import { rememberCostHull, ScoreCurve } from '../../src/metrics';
import type { CurveView, PreparedCurve } from '../../src/metrics/curve-view';
import type { Settings } from '../../src/session/settings';
import type { TrainingState } from './useTrainer';
import { useCurve } from './useCurve';
import type { EvaluatedOn } from '../../src/session/operating-point';

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
 * curve is built once per score set, in a worker, never on a drag.
 */
export function useEvaluation(dataset: Dataset | null, settings: Settings, training: TrainingState): EvaluationResult {
  const { labelColumn, positiveValue, mode, scoreColumn, weightColumn, scoreTransform } = settings;
  const labels = useMemo(() => {
    if (!dataset || labelColumn === null || positiveValue === null) return { value: null, error: null };
    const column = findColumn(dataset, labelColumn);
    if (!column) return { value: null, error: null };
    try {
      return { value: encodeLabels(column, positiveValue), error: null };
    } catch (error) {
      return { value: null, error: messageOf(error) };
    }
  }, [dataset, labelColumn, positiveValue]);

  const { validationIndices, validationScores, evaluatedOn } = training;
  // The cases the threshold is chosen on; their curve is sorted in a worker (useCurve).
  const scored = useMemo((): { value: Omit<Evaluation, 'curve' | 'view'> | null; error: string | null; remedy?: Remedy | null } => {
    const vector = labels.value;
    if (!dataset || !vector) return { value: null, error: null };
    try {
      if (mode === 'scores') {
        if (scoreColumn === null) return { value: null, error: null };
        const inputs = scoreInputs(dataset, vector.rows, scoreColumn, weightColumn, scoreTransform);
        const value = { evaluatedOn: 'all rows' as const, rows: vector.rows, scores: inputs.scores, labels: vector.labels, weights: inputs.weights, transform: inputs.transform };
        return { value, error: null };
      }
      if (!validationIndices || !validationScores) return { value: null, error: null };
      const validationLabels = new Uint8Array(validationIndices.length);
      const rows = new Uint32Array(validationIndices.length);
      validationIndices.forEach((i, j) => {
        validationLabels[j] = vector.labels[i];
        rows[j] = vector.rows[i];
      });
      return { value: { evaluatedOn, rows, scores: validationScores, labels: validationLabels, weights: null }, error: null };
    } catch (error) {
      return { value: null, error: messageOf(error), remedy: error instanceof DataError ? error.remedy : null };
    }
  }, [dataset, labels.value, mode, scoreColumn, weightColumn, scoreTransform, validationIndices, validationScores, evaluatedOn]);

  const cases = scored.value;
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
    labels: labels.value,
    evaluation,
    error: labels.error ?? scored.error ?? built.error,
    remedy: labels.error ? null : (scored.remedy ?? null),
    updating: built.pending === true,
  };
}

/** The ScoreCurve a worker sorted, with its cost hull remembered from the view. */
function curveOf(prepared: PreparedCurve): ScoreCurve {
  const curve = new ScoreCurve(prepared.n, prepared.thresholds, prepared.cumTp, prepared.cumFp);
  rememberCostHull(curve, prepared.view.hull);
  return curve;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

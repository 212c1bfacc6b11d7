import { useMemo } from 'react';
import type { Dataset } from '../../src/data/dataset';
import { findColumn } from '../../src/data/dataset';
import { encodeLabels, type LabelVector } from '../../src/data/label';
import { scoreInputs } from '../../src/data/scores';
import { ScoreCurve } from '../../src/metrics';
import type { Settings } from '../../src/settings';
import type { TrainingState } from './useTrainer';

export interface Evaluation {
  curve: ScoreCurve;
  evaluatedOn: 'validation' | 'all rows';
  /** Dataset row of each evaluated case, aligned with `scores`. */
  rows: Uint32Array;
  scores: ArrayLike<number>;
}

export interface EvaluationResult {
  labels: LabelVector | null;
  evaluation: Evaluation | null;
  error: string | null;
}

/**
 * The scores and labels the threshold is chosen on: the validation split of a trained model,
 * or every labelled row of a scores file. Built once per score set, never on a drag.
 */
export function useEvaluation(dataset: Dataset | null, settings: Settings, training: TrainingState): EvaluationResult {
  const { labelColumn, positiveValue, mode, scoreColumn, weightColumn } = settings;
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

  const { validationIndices, validationScores } = training;
  const evaluation = useMemo((): { value: Evaluation | null; error: string | null } => {
    const vector = labels.value;
    if (!dataset || !vector) return { value: null, error: null };
    try {
      if (mode === 'scores') {
        if (scoreColumn === null) return { value: null, error: null };
        const inputs = scoreInputs(dataset, vector.rows, scoreColumn, weightColumn);
        const curve = ScoreCurve.from(inputs.scores, vector.labels, inputs.weights ?? undefined);
        return { value: { curve, evaluatedOn: 'all rows', rows: vector.rows, scores: inputs.scores }, error: null };
      }
      if (!validationIndices || !validationScores) return { value: null, error: null };
      const validationLabels = new Uint8Array(validationIndices.length);
      const rows = new Uint32Array(validationIndices.length);
      validationIndices.forEach((i, j) => {
        validationLabels[j] = vector.labels[i];
        rows[j] = vector.rows[i];
      });
      const curve = ScoreCurve.from(validationScores, validationLabels);
      return { value: { curve, evaluatedOn: 'validation', rows, scores: validationScores }, error: null };
    } catch (error) {
      return { value: null, error: messageOf(error) };
    }
  }, [dataset, labels.value, mode, scoreColumn, weightColumn, validationIndices, validationScores]);

  return { labels: labels.value, evaluation: evaluation.value, error: labels.error ?? evaluation.error };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

import type { Dataset } from './dataset';
import { findColumn } from './dataset';
import { DataError } from './errors';

export interface ScoreInputs {
  scores: Float64Array;
  /** Row weights from a count/weight column, or null when every row counts once. */
  weights: Float64Array | null;
}

/**
 * Reads the score column (and an optional count or weight column) for the labelled rows of a
 * scores-mode file. Scores must be probabilities in [0, 1]; anything else is refused by name.
 */
export function scoreInputs(dataset: Dataset, rows: Uint32Array, scoreColumn: string, weightColumn: string | null): ScoreInputs {
  const column = findColumn(dataset, scoreColumn);
  if (!column || column.kind !== 'numeric') {
    throw new DataError(`The score column "${scoreColumn}" must hold numbers; it holds text.`);
  }
  const scores = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = column.values[rows[i]];
    if (Number.isNaN(value)) {
      throw new DataError(`The score column "${scoreColumn}" has a missing value in data row ${rows[i] + 1}.`);
    }
    if (value < 0 || value > 1) {
      throw new DataError(
        `The score column "${scoreColumn}" has ${value} in data row ${rows[i] + 1}: scores must be probabilities between 0 and 1.`,
      );
    }
    scores[i] = value;
  }
  return { scores, weights: weightColumn === null ? null : readWeights(dataset, rows, weightColumn) };
}

function readWeights(dataset: Dataset, rows: Uint32Array, weightColumn: string): Float64Array {
  const column = findColumn(dataset, weightColumn);
  if (!column || column.kind !== 'numeric') {
    throw new DataError(`The weight column "${weightColumn}" must hold numbers; it holds text.`);
  }
  const weights = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = column.values[rows[i]];
    if (!(value >= 0)) {
      throw new DataError(
        `The weight column "${weightColumn}" has ${Number.isNaN(value) ? 'a missing value' : value} in data row ${rows[i] + 1}: weights must be counts or weights of zero or more.`,
      );
    }
    weights[i] = value;
  }
  return weights;
}

/** Column names that usually hold a model's score. */
const SCORE_NAME_HINTS = ['score', 'prob', 'probability', 'proba', 'prediction', 'pred', 'p', 'yhat'];

/**
 * Suggests a score column: a numeric column named like a score whose values all lie in
 * [0, 1]. Null when none is named so, so a feature file starts in train mode.
 */
export function suggestScoreColumn(dataset: Dataset, labelColumn: string | null): string | null {
  for (const hint of SCORE_NAME_HINTS) {
    const column = dataset.columns.find((c) => c.name !== labelColumn && c.name.trim().toLowerCase() === hint);
    if (column?.kind !== 'numeric') continue;
    if (column.values.every((v) => Number.isNaN(v) || (v >= 0 && v <= 1))) return column.name;
  }
  return null;
}

import type { Dataset, NumericColumn } from './dataset';
import { findColumn, lineOfRow } from './dataset';
import { DataError } from './errors';
import { looksLikePercent, rescaleScores, type ScoreTransform, type AppliedTransform } from './score-transform';

export interface ScoreInputs {
  /** Probabilities in [0, 1], one per labelled row (rescaled when a transform was asked for). */
  scores: Float64Array;
  /** Row weights from a count/weight column, or null when every row counts once. */
  weights: Float64Array | null;
  /** How the raw scores were mapped onto [0, 1]; null when they were used as they are. */
  transform: AppliedTransform | null;
}

/**
 * Reads the score column (and an optional count or weight column) for the labelled rows of a
 * scores-mode file. Scores must be probabilities in [0, 1] unless a rescaling is chosen;
 * a missing, infinite or out-of-range score is refused with its column and file line.
 */
export function scoreInputs(dataset: Dataset, rows: Uint32Array, scoreColumn: string, weightColumn: string | null, transform: ScoreTransform = 'none'): ScoreInputs {
  const column = numericColumn(dataset, scoreColumn, 'score');
  const raw = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = column.values[rows[i]];
    if (!Number.isFinite(value)) {
      const what = Number.isNaN(value) ? 'a missing value (blank, NA or NaN)' : `an infinite value (${value})`;
      throw new DataError(`The score column "${scoreColumn}" has ${what} on line ${lineOfRow(dataset, rows[i])}: every labelled row needs a finite score.`);
    }
    if (transform === 'none' && (value < 0 || value > 1)) {
      const percent = looksLikePercent(column.values);
      throw new DataError(
        percent
          ? `The score column "${scoreColumn}" has ${value} on line ${lineOfRow(dataset, rows[i])}: its scores run from 0 to 100, like percentages. Divide them by 100 (a threshold keeps its meaning), rescale min-max, or choose another column.`
          : `The score column "${scoreColumn}" has ${value} on line ${lineOfRow(dataset, rows[i])}: scores must be probabilities between 0 and 1. Rescale them (min-max, or sigmoid for logits) or choose another column.`,
        percent ? { kind: 'rescale-scores', column: scoreColumn, percent } : { kind: 'rescale-scores', column: scoreColumn },
      );
    }
    raw[i] = value;
  }
  const rescaled = transform === 'none' ? null : rescaleScores(raw, transform, scoreColumn);
  return {
    scores: rescaled?.scores ?? raw,
    weights: weightColumn === null ? null : readWeights(dataset, rows, weightColumn),
    transform: rescaled?.transform ?? null,
  };
}

function numericColumn(dataset: Dataset, name: string, role: string): NumericColumn {
  const column = findColumn(dataset, name);
  if (!column) throw new DataError(`There is no column "${name}" in ${dataset.fileName}.`);
  if (column.kind !== 'numeric') throw new DataError(`The ${role} column "${name}" must hold numbers; it holds text.`);
  return column;
}

function readWeights(dataset: Dataset, rows: Uint32Array, weightColumn: string): Float64Array {
  const column = numericColumn(dataset, weightColumn, 'weight');
  const weights = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const value = column.values[rows[i]];
    if (!(value >= 0) || value === Infinity) {
      const what = Number.isNaN(value) ? 'a missing value' : value;
      throw new DataError(`The weight column "${weightColumn}" has ${what} on line ${lineOfRow(dataset, rows[i])}: weights must be finite counts or weights of zero or more.`);
    }
    weights[i] = value;
  }
  return weights;
}

/** Column names that usually hold a model's score. */
const SCORE_NAME_HINTS = ['score', 'prob', 'probability', 'proba', 'prediction', 'pred', 'p', 'yhat'];
/** Names that say "score" clearly enough to suggest the column even when it is not in [0, 1]. */
const RAW_SCORE_NAMES = ['score', 'logit', 'logits', 'margin', 'decision_function'];

const nameIs = (names: readonly string[]) => (c: { name: string }) => names.includes(c.name.trim().toLowerCase());

/**
 * Suggests a score column: a numeric column named like a score whose values all lie in
 * [0, 1], else one named plainly as a raw score (`score`, `logit`, …) for the user to rescale.
 * Null when none is named so, so a feature file starts in train mode.
 */
export function suggestScoreColumn(dataset: Dataset, labelColumn: string | null): string | null {
  const candidates = dataset.columns.filter((c): c is NumericColumn => c.kind === 'numeric' && c.name !== labelColumn);
  for (const hint of SCORE_NAME_HINTS) {
    const column = candidates.find(nameIs([hint]));
    if (column && column.values.every((v) => Number.isNaN(v) || (v >= 0 && v <= 1))) return column.name;
  }
  return candidates.find(nameIs(RAW_SCORE_NAMES))?.name ?? null;
}

/** Column names that hold the row count of an aggregated (GROUP BY) file. */
const COUNT_NAME_HINTS = ['count', 'n', 'cnt', 'freq', 'frequency', 'weight', 'weights', 'n_rows', 'rows'];

/**
 * Suggests the count column of an aggregated `score,label,count` file: a numeric column named
 * like a count whose every value is a finite number of zero or more. Null when there is none.
 */
export function suggestCountColumn(dataset: Dataset, exclude: readonly (string | null)[]): string | null {
  for (const hint of COUNT_NAME_HINTS) {
    const column = dataset.columns.find((c) => !exclude.includes(c.name) && nameIs([hint])(c));
    if (column?.kind === 'numeric' && column.missing === 0 && column.values.every((v) => v >= 0 && v !== Infinity)) return column.name;
  }
  return null;
}

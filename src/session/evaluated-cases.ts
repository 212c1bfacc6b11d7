/**
 * The one scores-mode pipeline: a file and the column choices in, the evaluated cases out
 * (labelled rows, their scores on [0, 1], weights and the rescaling applied). `cutoff choose`
 * calls it in Node; the page calls it in the parse worker, next to the file it read, so a
 * 10,000,000-row file never runs these passes on the main thread.
 */
import type { Dataset } from '../data/dataset';
import { findColumn } from '../data/dataset';
import { DataError, type Remedy } from '../data/errors';
import { encodeLabels, type LabelVector } from '../data/label';
import type { AppliedTransform, ScoreTransform } from '../data/score-transform';
import { scoreInputs } from '../data/scores';

/** The choices the evaluated cases depend on: the settings' fields of the same names. */
export interface CaseChoice {
  labelColumn: string | null;
  positiveValue: string | null;
  /** Null in train mode: only the label vector is built. */
  scoreColumn: string | null;
  weightColumn: string | null;
  scoreTransform: ScoreTransform;
}

/** Every labelled row of a scores file, as the threshold is chosen on them. */
export interface ScoresCases {
  evaluatedOn: 'all rows';
  /** Dataset row of each case, aligned with `scores`. */
  rows: Uint32Array;
  /** Probabilities in [0, 1] (rescaled when a transform was chosen). */
  scores: Float64Array;
  /** 1 = positive, 0 = negative. */
  labels: Uint8Array;
  weights: Float64Array | null;
  /** How the score column was mapped onto [0, 1]; null when used as is. */
  transform: AppliedTransform | null;
}

/** What the page shows for a choice: the label vector and the cases, or why not. */
export interface LabelledCases {
  /** Null when no label is chosen yet or it cannot be encoded (`error` says why). */
  labels: LabelVector | null;
  /** Null without a score column, or when the scores cannot be read (`error` says why). */
  cases: ScoresCases | null;
  error: string | null;
  /** What the page can offer about a score error (e.g. rescaling scores outside [0, 1]). */
  remedy: Remedy | null;
}

/** The cases of a label vector: the score (and weight) column read for its rows. Throws a DataError. */
function casesOf(dataset: Dataset, labels: LabelVector, choice: CaseChoice & { scoreColumn: string }): ScoresCases {
  const inputs = scoreInputs(dataset, labels.rows, choice.scoreColumn, choice.weightColumn, choice.scoreTransform);
  return { evaluatedOn: 'all rows', rows: labels.rows, scores: inputs.scores, labels: labels.labels, weights: inputs.weights, transform: inputs.transform };
}

/** The label vector and evaluated cases of a scores-mode choice; throws a DataError when one cannot be built. */
export function scoresCases(dataset: Dataset, choice: CaseChoice): { labels: LabelVector; cases: ScoresCases } {
  const column = findColumn(dataset, choice.labelColumn ?? '');
  const { positiveValue, scoreColumn } = choice;
  if (!column || positiveValue === null || scoreColumn === null) throw new DataError('A label column, a positive class and a score column are needed.');
  const labels = encodeLabels(column, positiveValue);
  return { labels, cases: casesOf(dataset, labels, { ...choice, scoreColumn }) };
}

/**
 * The page's reading of a choice, which never throws: the label vector alone until a score
 * column is chosen (train mode), and a problem as a message (the labels are kept when only
 * the scores fail, so the page still shows the class counts).
 */
export function labelledCases(dataset: Dataset, choice: CaseChoice): LabelledCases {
  const column = findColumn(dataset, choice.labelColumn ?? '');
  if (!column || choice.positiveValue === null) return { labels: null, cases: null, error: null, remedy: null };
  let labels: LabelVector;
  try {
    labels = encodeLabels(column, choice.positiveValue);
  } catch (error) {
    return { labels: null, cases: null, error: messageOf(error), remedy: null };
  }
  const { scoreColumn } = choice;
  if (scoreColumn === null) return { labels, cases: null, error: null, remedy: null };
  try {
    return { labels, cases: casesOf(dataset, labels, { ...choice, scoreColumn }), error: null, remedy: null };
  } catch (error) {
    return { labels, cases: null, error: messageOf(error), remedy: error instanceof DataError ? error.remedy : null };
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

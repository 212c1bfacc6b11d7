import { distinctValues, type Column, type Dataset } from './dataset';
import { hintedColumn, LABEL_NAME_HINTS, type LabelChoice } from './label';
import { countValues, rarerValue } from './label-counts';

/**
 * Which column is the outcome, scored rather than guessed: a name that says "outcome" beats
 * one that says "prediction", a two-valued column with a usable rare class beats one whose
 * rarer value is a handful of rows, and being the last column is a weak hint. When the best
 * two score alike, the page asks instead of choosing silently.
 */

/** The rarer class needs this many rows, and this share of them, for a column to be suggested blind. */
export const MIN_RARE_ROWS = 10;
export const MIN_RARE_SHARE = 0.005;

/** Two candidates closer than this are "equally plausible": the page asks which is the outcome. */
export const ASK_MARGIN = 30;

/** Name patterns that say "a yes/no outcome", with the weight each earns; a feature can be named `is_*` too. */
const NAME_PATTERNS: readonly { pattern: RegExp; weight: number; says: string }[] = [
  { pattern: /(^|_)(label|target)$/, weight: 300, says: 'its name ends in _label or _target' },
  { pattern: /_flag$/, weight: 200, says: 'its name ends in _flag' },
  { pattern: /^(is|has)_/, weight: 100, says: 'its name starts with is_ or has_' },
];

/** Words in a name that say "what happened", as the outcome columns of screening and churn files are named. */
const OUTCOME_WORDS = new Set([
  ...LABEL_NAME_HINTS.filter((w) => w !== 'y'),
  ...['bad', 'churned', 'converted', 'dead', 'death', 'deceased', 'default', 'defaulted', 'died', 'event', 'fraudulent', 'malignant'],
  ...['mortality', 'readmission', 'readmitted', 'relapse', 'responded', 'response', 'result', 'status', 'survived'],
]);
const OUTCOME_WEIGHT = 150;
const PREDICTION_WEIGHT = -500;
const ENOUGH_RARE_WEIGHT = 50;
const SOME_RARE_WEIGHT = 20;
const LAST_COLUMN_WEIGHT = 5;

/** Names that say "a model's output", not an outcome. */
const PREDICTION_NAME =
  /^(i_|p_|em_classification|em_eventprobability)|^(pred|predict|predicted|prediction|proba|probability|score)(_|$|\d)|^p[01]$|_(pred|prediction|proba|score)$/;

/** True for a column named as a model's prediction or score (never suggested as the label). */
export function isPredictionName(name: string): boolean {
  return PREDICTION_NAME.test(name.trim().toLowerCase());
}

interface Candidate {
  column: Column;
  score: number;
  /** Why it scored, as phrases for the reason line. */
  says: string[];
}

/** What the page shows beside the label: the choice, why, and the runner-up when it is as plausible. */
export interface LabelSuggestion {
  choice: LabelChoice;
  /** One line: why this column was suggested. */
  reason: string;
  /** A second column as plausible as the choice: the page asks which is the outcome. */
  alternative: LabelChoice | null;
}

function scoreCandidate(column: Column, index: number, dataset: Dataset): Candidate {
  const name = column.name.trim().toLowerCase();
  const says: string[] = [];
  let score = index * 1e-6; // Later columns win ties: outcomes are usually written last.
  const pattern = NAME_PATTERNS.find((p) => p.pattern.test(name));
  if (pattern) {
    score += pattern.weight;
    says.push(pattern.says);
  }
  const word = name.split(/[^a-z0-9]+/).find((w) => OUTCOME_WORDS.has(w));
  if (word !== undefined) {
    score += OUTCOME_WEIGHT;
    says.push(`its name reads as an outcome ("${word}")`);
  }
  if (isPredictionName(column.name)) {
    score += PREDICTION_WEIGHT;
    says.push("its name reads as a model's output");
  }
  const values = distinctValues(column) ?? [];
  const rare = Math.min(...countValues(column, values));
  const positive = rarerValue(column);
  const share = `${((100 * rare) / Math.max(1, dataset.rowCount)).toFixed(1)}% of rows`;
  if (rare >= MIN_RARE_ROWS && rare >= MIN_RARE_SHARE * dataset.rowCount) {
    score += ENOUGH_RARE_WEIGHT;
    says.push(`two values, "${positive}" the rarer (${share})`);
  } else if (rare >= 2) {
    score += SOME_RARE_WEIGHT;
    says.push(`two values, but "${positive}" only in ${rare} rows`);
  } else says.push(`two values, but "${positive}" in a single row`);
  if (index === dataset.columns.length - 1) {
    score += LAST_COLUMN_WEIGHT;
    says.push('the last column');
  }
  return { column, score, says };
}

const choiceOf = (column: Column): LabelChoice => ({ column: column.name, positive: rarerValue(column) });

/**
 * The label suggestion with its reason, or null when no column can be the label. A column
 * named exactly like a label (`label`, `target`, …) is the label, even with three or more
 * values (then without a positive value, for the user to pick one versus the rest). Else the
 * best-scoring two-valued column that is not a row id.
 */
export function labelSuggestion(dataset: Dataset): LabelSuggestion | null {
  // Asked by the loader and by the label menu of the same file: count its columns once.
  if (!suggestions.has(dataset)) suggestions.set(dataset, suggestionOf(dataset));
  return suggestions.get(dataset) ?? null;
}

const suggestions = new WeakMap<Dataset, LabelSuggestion | null>();

/**
 * Records the suggestion made for a dataset elsewhere (the parse worker, on its own copy of the
 * file), so the page does not count the columns again: at 10,000,000 rows that is 80 ms.
 */
export function rememberLabelSuggestion(dataset: Dataset, suggestion: LabelSuggestion | null): void {
  suggestions.set(dataset, suggestion);
}

function suggestionOf(dataset: Dataset): LabelSuggestion | null {
  const hinted = hintedColumn(dataset);
  if (hinted) {
    const count = distinctValues(hinted)?.length ?? 0;
    const reason = `"${hinted.name}" is named like a label.`;
    if (count === 2) return { choice: choiceOf(hinted), reason, alternative: null };
    return count > 2 ? { choice: { column: hinted.name, positive: null }, reason, alternative: null } : null;
  }
  const rowIds = dataset.rowIdColumns ?? [];
  const ranked = dataset.columns
    .map((column, index) => ({ column, index }))
    .filter(({ column }) => distinctValues(column)?.length === 2 && !rowIds.includes(column.name))
    .map(({ column, index }) => scoreCandidate(column, index, dataset))
    .sort((a, b) => b.score - a.score);
  if (ranked.length === 0) return null;
  const [best, second] = ranked;
  const skipped = ranked.filter((c) => isPredictionName(c.column.name) && c !== best).map((c) => c.column.name);
  const skippedLine = skipped.length > 0 ? ` Not ${skipped.join(', ')}: named as a model's output.` : '';
  const reason = `"${best.column.name}" suggested as the label: ${best.says.join('; ')}.${skippedLine}`;
  const close = second !== undefined && best.score - second.score < ASK_MARGIN;
  return { choice: choiceOf(best.column), reason, alternative: close ? choiceOf(second.column) : null };
}

/** The suggested label and positive value, or null when no column can be the label. */
export function suggestLabel(dataset: Dataset): LabelChoice | null {
  return labelSuggestion(dataset)?.choice ?? null;
}

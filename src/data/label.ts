import { columnLength, distinctValues, MAX_LABEL_LEVELS, type Column, type Dataset } from './dataset';
import { DataError } from './errors';

/** Column names that usually hold the outcome, most telling first. */
const LABEL_NAME_HINTS = ['label', 'target', 'class', 'outcome', 'y', 'is_fraud', 'fraud', 'churn', 'diagnosis'];

/**
 * Name patterns that say "a yes/no outcome", in the order they are trusted: `*_label` and
 * `*_target` name an outcome outright, `*_flag`, `is_*` and `has_*` usually do (but a
 * feature can be named so too, hence only when two-valued, and the last one wins).
 */
const LABEL_NAME_PATTERNS = [/(^|_)(label|target)$/, /_flag$/, /^(is|has)_/];

/** The rarer class needs this many rows, and this share of them, for a column to be suggested blind. */
export const MIN_RARE_ROWS = 10;
export const MIN_RARE_SHARE = 0.005;

export interface LabelChoice {
  column: string;
  /** null when the column has three or more values: the user picks one versus the rest. */
  positive: string | null;
}

/** Names that say "a model's output", not an outcome. */
const PREDICTION_NAME =
  /^(i_|p_|em_classification|em_eventprobability)|^(pred|predict|predicted|prediction|proba|probability|score)(_|$|\d)|^p[01]$|_(pred|prediction|proba|score)$/;

/** True for a column named as a model's prediction or score (never suggested as the label). */
export function isPredictionName(name: string): boolean {
  return PREDICTION_NAME.test(name.trim().toLowerCase());
}

function isHintedName(column: Column): boolean {
  return LABEL_NAME_HINTS.includes(column.name.trim().toLowerCase());
}

function hintedColumn(dataset: Dataset): Column | undefined {
  return LABEL_NAME_HINTS.map((hint) => dataset.columns.find((c) => c.name.trim().toLowerCase() === hint)).find((c) => c !== undefined);
}

function isTwoValued(column: Column): boolean {
  return distinctValues(column)?.length === 2;
}

/** The two-valued column a name pattern points at (`is_nine`, `churn_flag`), the last of the most telling pattern. */
function patternedColumn(candidates: readonly Column[]): Column | undefined {
  for (const pattern of LABEL_NAME_PATTERNS) {
    const matching = candidates.filter((c) => pattern.test(c.name.trim().toLowerCase()));
    if (matching.length > 0) return matching[matching.length - 1];
  }
  return undefined;
}

/** How many rows the rarer value of a two-valued column has. */
function rareCount(column: Column): number {
  const values = distinctValues(column) ?? [];
  return Math.min(...countValues(column, values));
}

/**
 * Suggests the label, with its rarer value as the positive class: a column with a telling
 * name first (`label`, `target`, …; then `*_label`, `*_target`, `*_flag`, `is_*`, `has_*`
 * when two-valued); else the last two-valued column whose rarer class has at least
 * MIN_RARE_ROWS rows and MIN_RARE_SHARE of them (a pixel that is on once is no outcome);
 * else the last one whose rarer class has two rows or more; a single rare row only when
 * nothing else exists. A column named like a label with three or more values is suggested
 * without a positive value, for the user to pick one versus the rest. Row-id columns are
 * never suggested. Null when no column can be the label.
 */
export function suggestLabel(dataset: Dataset): LabelChoice | null {
  const hinted = hintedColumn(dataset);
  // A column named like a label is the label, even when it cannot be used as one.
  if (hinted) {
    const count = distinctValues(hinted)?.length ?? 0;
    if (count === 2) return { column: hinted.name, positive: rarerValue(hinted) };
    return count > 2 ? { column: hinted.name, positive: null } : null;
  }
  const rowIds = dataset.rowIdColumns ?? [];
  const twoValued = dataset.columns.filter((c) => isTwoValued(c) && !rowIds.includes(c.name));
  // A model's prediction or score (SAS's I_* and P_*, pred*, proba*, p0/p1, score*) is not the outcome.
  const outcomes = twoValued.filter((c) => !isPredictionName(c.name));
  const binary = outcomes.length > 0 ? outcomes : twoValued;
  if (binary.length === 0) return null;
  const rare = binary.map(rareCount);
  const enough = (i: number) => rare[i] >= MIN_RARE_ROWS && rare[i] >= MIN_RARE_SHARE * dataset.rowCount;
  const column = patternedColumn(binary) ?? lastWhere(binary, enough) ?? lastWhere(binary, (i) => rare[i] >= 2) ?? binary[binary.length - 1];
  return { column: column.name, positive: rarerValue(column) };
}

function lastWhere(columns: readonly Column[], keep: (index: number) => boolean): Column | undefined {
  for (let i = columns.length - 1; i >= 0; i--) if (keep(i)) return columns[i];
  return undefined;
}

/**
 * The positive value when the user picks `column` as the label by hand: the same rule as
 * the suggestion (the rarer value of two), so re-picking a column never flips its classes;
 * null with three or more values, for the user to choose.
 */
export function positiveForColumn(column: Column): string | null {
  return isTwoValued(column) ? rarerValue(column) : null;
}

/**
 * Says why no label could be suggested, as specifically as the data allows: a label-like
 * column with a single value is named, otherwise the user is asked to choose.
 */
export function explainNoLabel(dataset: Dataset): string {
  const single = dataset.columns.filter((c) => distinctValues(c)?.length === 1);
  const named = single.find(isHintedName) ?? single[single.length - 1];
  if (named && (named === dataset.columns[dataset.columns.length - 1] || isHintedName(named))) {
    const value = distinctValues(named)?.[0] ?? '';
    return `The label column "${named.name}" has only one class: every row is "${value}". Cutoff needs both positive and negative cases.`;
  }
  const hinted = hintedColumn(dataset);
  if (hinted && distinctValues(hinted) === null) {
    return `The column "${hinted.name}" is named like a label but has more than ${MAX_LABEL_LEVELS} different values, so it is not a class. Choose the label column and its positive value.`;
  }
  return `No column of ${dataset.fileName} has exactly two values, so none could be suggested as the label. Choose the label column and its positive value.`;
}

/** Values listed in a message before "…". */
const VALUES_SHOWN = 6;

/**
 * The request to pick a positive value when the label column has three or more: Cutoff then
 * compares that value with all the others (one versus the rest).
 */
export function explainMultiClass(column: Column): string {
  const values = distinctValues(column) ?? [];
  const shown =
    values
      .slice(0, VALUES_SHOWN)
      .map((v) => `"${v}"`)
      .join(', ') + (values.length > VALUES_SHOWN ? ', …' : '');
  return `The label column "${column.name}" has ${values.length} values (${shown}), not two. Choose the positive class under Positive class: Cutoff then compares it with all the other values (one versus the rest).`;
}

/**
 * What is missing from the label choice, as a request to the user; null when a label column
 * and a positive value are chosen.
 */
export function explainLabelChoice(dataset: Dataset, labelColumn: string | null, positiveValue: string | null): string | null {
  if (labelColumn === null) return explainNoLabel(dataset);
  if (positiveValue !== null) return null;
  const column = dataset.columns.find((c) => c.name === labelColumn);
  if (!column) return explainNoLabel(dataset);
  if ((distinctValues(column)?.length ?? 0) > 2) return explainMultiClass(column);
  return `Choose the positive class of the label column "${column.name}".`;
}

/** Values that name the positive class by convention, used to break a tie in counts. */
const POSITIVE_WORDS = ['1', 'yes', 'y', 'true', 't', 'positive', 'pos'];

/** The value of a two-valued column that occurs less often; on a tie, the one that reads as positive. */
export function rarerValue(column: Column): string {
  const values = distinctValues(column) ?? [];
  const counts = countValues(column, values);
  let best = values.length - 1;
  for (let i = values.length - 1; i >= 0; i--) {
    const tie = counts[i] === counts[best];
    if (counts[i] < counts[best] || (tie && POSITIVE_WORDS.includes(values[i].toLowerCase()))) best = i;
  }
  return values[best];
}

/**
 * How often each of `values` occurs, in one pass over the column: this runs on the page, on
 * every row, right after a file is read.
 */
function countValues(column: Column, values: readonly string[]): number[] {
  const counts = values.map(() => 0);
  if (column.kind === 'numeric') {
    const targets = values.map(Number);
    const data = column.values;
    for (let i = 0; i < data.length; i++) {
      const at = targets.indexOf(data[i]);
      if (at >= 0) counts[at]++;
    }
    return counts;
  }
  const byCode = column.levels.map((level) => values.indexOf(level));
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const at = codes[i] >= 0 ? byCode[codes[i]] : -1;
    if (at >= 0) counts[at]++;
  }
  return counts;
}

export interface LabelVector {
  /** 1 for the positive value, 0 for every other value, per kept row. */
  labels: Uint8Array;
  /** Rows of the dataset that have a label, ascending. */
  rows: Uint32Array;
  positives: number;
  /** Rows dropped for a missing label. */
  dropped: number;
}

/**
 * Encodes the label column as 0/1 with `positive` as 1 and every other value as 0. Rows with
 * a missing label are dropped. Throws when only one class is left.
 */
export function encodeLabels(column: Column, positive: string): LabelVector {
  const n = columnLength(column);
  // One pass over typed arrays: this runs on the page for every row of the file.
  const rows = new Uint32Array(n);
  const labels = new Uint8Array(n);
  let kept = 0;
  let positives = 0;
  if (column.kind === 'numeric') {
    const target = Number(positive);
    const values = column.values;
    for (let i = 0; i < n; i++) {
      const v = values[i];
      if (v !== v) continue;
      rows[kept] = i;
      if (v === target) {
        labels[kept] = 1;
        positives++;
      }
      kept++;
    }
  } else {
    const target = column.levels.indexOf(positive);
    const codes = column.codes;
    for (let i = 0; i < n; i++) {
      const code = codes[i];
      if (code < 0) continue;
      rows[kept] = i;
      if (code === target) {
        labels[kept] = 1;
        positives++;
      }
      kept++;
    }
  }
  if (positives === 0 || positives === kept) {
    const only = positives === 0 ? 'no row has' : 'every row has';
    throw new DataError(`The label column "${column.name}" has only one class: ${only} the positive value "${positive}". Cutoff needs both positive and negative cases.`);
  }
  return { labels: labels.slice(0, kept), rows: rows.slice(0, kept), positives, dropped: n - kept };
}

/**
 * The user's earlier column choices that still fit a newly loaded file (same label column
 * and positive value, same score and weight columns), so reloading a file loses nothing.
 */
export function keptChoices(
  dataset: Dataset,
  previous: { labelColumn: string | null; positiveValue: string | null; scoreColumn: string | null; weightColumn: string | null },
): { label: LabelChoice | null; scoreColumn: string | null; weightColumn: string | null } {
  const has = (name: string | null, numeric = false) => name !== null && dataset.columns.some((c) => c.name === name && (!numeric || c.kind === 'numeric'));
  const labelColumn = dataset.columns.find((c) => c.name === previous.labelColumn);
  const values = labelColumn ? (distinctValues(labelColumn) ?? []) : [];
  const label =
    labelColumn && previous.positiveValue !== null && values.length >= 2 && values.includes(previous.positiveValue)
      ? { column: labelColumn.name, positive: previous.positiveValue }
      : null;
  return {
    label,
    scoreColumn: label && has(previous.scoreColumn, true) ? previous.scoreColumn : null,
    weightColumn: label && has(previous.weightColumn, true) ? previous.weightColumn : null,
  };
}

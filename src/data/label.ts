import { columnLength, distinctValues, MAX_LABEL_LEVELS, type Column, type Dataset } from './dataset';
import { DataError } from './errors';
import { rarerValue } from './label-counts';

export interface LabelChoice {
  column: string;
  /** null when the column has three or more values: the user picks one versus the rest. */
  positive: string | null;
}

/** Column names that usually hold the outcome, most telling first. */
export const LABEL_NAME_HINTS = ['label', 'target', 'class', 'outcome', 'y', 'is_fraud', 'fraud', 'churn', 'diagnosis'];

function isHintedName(column: Column): boolean {
  return LABEL_NAME_HINTS.includes(column.name.trim().toLowerCase());
}

/** The first column named exactly like a label, in the order of LABEL_NAME_HINTS. */
export function hintedColumn(dataset: Dataset): Column | undefined {
  return LABEL_NAME_HINTS.map((hint) => dataset.columns.find((c) => c.name.trim().toLowerCase() === hint)).find((c) => c !== undefined);
}

function isTwoValued(column: Column): boolean {
  return distinctValues(column)?.length === 2;
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

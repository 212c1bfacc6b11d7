import { distinctValues, type Column, type Dataset } from './dataset';
import { DataError } from './errors';

/** Column names that usually hold the outcome, most telling first. */
const LABEL_NAME_HINTS = ['label', 'target', 'class', 'outcome', 'y', 'is_fraud', 'fraud', 'churn', 'diagnosis'];

export interface LabelChoice {
  column: string;
  positive: string;
}

/**
 * Suggests the label: a two-valued column (a telling name first, else the last one),
 * with its rarer value as the positive class. Null when no column has exactly two values.
 */
export function suggestLabel(dataset: Dataset): LabelChoice | null {
  const hinted = LABEL_NAME_HINTS.map((hint) => dataset.columns.find((c) => c.name.trim().toLowerCase() === hint)).find(
    (c) => c !== undefined,
  );
  // A column named like a label is the label, even when it cannot be used as one.
  if (hinted) return distinctValues(hinted)?.length === 2 ? { column: hinted.name, positive: rarerValue(hinted) } : null;
  const binary = dataset.columns.filter((c) => distinctValues(c)?.length === 2);
  if (binary.length === 0) return null;
  const column = binary[binary.length - 1];
  return { column: column.name, positive: rarerValue(column) };
}

/**
 * Says why no label could be suggested, as specifically as the data allows: a label-like
 * column with a single value is named, otherwise the user is asked to choose.
 */
export function explainNoLabel(dataset: Dataset): string {
  const single = dataset.columns.filter((c) => distinctValues(c)?.length === 1);
  const named = single.find((c) => LABEL_NAME_HINTS.includes(c.name.trim().toLowerCase())) ?? single[single.length - 1];
  if (named && (named === dataset.columns[dataset.columns.length - 1] || LABEL_NAME_HINTS.includes(named.name.trim().toLowerCase()))) {
    const value = distinctValues(named)?.[0] ?? '';
    return `The label column "${named.name}" has only one class: every row is "${value}". Cutoff needs both positive and negative cases.`;
  }
  return `No column of ${dataset.fileName} has exactly two values, so none could be suggested as the label. Choose the label column and its positive value.`;
}

/** Values that name the positive class by convention, used to break a tie in counts. */
const POSITIVE_WORDS = ['1', 'yes', 'y', 'true', 't', 'positive', 'pos'];

/** The value of a two-valued column that occurs less often; on a tie, the one that reads as positive. */
export function rarerValue(column: Column): string {
  const values = distinctValues(column) ?? [];
  const counts = values.map((v) => countValue(column, v));
  let best = values.length - 1;
  for (let i = values.length - 1; i >= 0; i--) {
    const tie = counts[i] === counts[best];
    if (counts[i] < counts[best] || (tie && POSITIVE_WORDS.includes(values[i].toLowerCase()))) best = i;
  }
  return values[best];
}

function countValue(column: Column, value: string): number {
  let count = 0;
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length;
  for (let i = 0; i < n; i++) if (cellIs(column, i, value)) count++;
  return count;
}

function cellIs(column: Column, row: number, value: string): boolean {
  if (column.kind === 'numeric') return column.values[row] === Number(value);
  const code = column.codes[row];
  return code >= 0 && column.levels[code] === value;
}

function isMissing(column: Column, row: number): boolean {
  return column.kind === 'numeric' ? Number.isNaN(column.values[row]) : column.codes[row] < 0;
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
  const n = column.kind === 'numeric' ? column.values.length : column.codes.length;
  const kept: number[] = [];
  for (let i = 0; i < n; i++) if (!isMissing(column, i)) kept.push(i);
  const labels = new Uint8Array(kept.length);
  let positives = 0;
  kept.forEach((row, i) => {
    if (cellIs(column, row, positive)) {
      labels[i] = 1;
      positives++;
    }
  });
  if (positives === 0 || positives === kept.length) {
    const only = positives === 0 ? 'no row has' : 'every row has';
    throw new DataError(
      `The label column "${column.name}" has only one class: ${only} the positive value "${positive}". Cutoff needs both positive and negative cases.`,
    );
  }
  return { labels, rows: Uint32Array.from(kept), positives, dropped: n - kept.length };
}

/**
 * The user's earlier column choices that still fit a newly loaded file (same label column
 * and positive value, same score and weight columns), so reloading a file loses nothing.
 */
export function keptChoices(
  dataset: Dataset,
  previous: { labelColumn: string | null; positiveValue: string | null; scoreColumn: string | null; weightColumn: string | null },
): { label: LabelChoice | null; scoreColumn: string | null; weightColumn: string | null } {
  const has = (name: string | null, numeric = false) =>
    name !== null && dataset.columns.some((c) => c.name === name && (!numeric || c.kind === 'numeric'));
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

/**
 * The dataset columns the decisions use, lined up with the evaluated cases: a group column
 * (text or boolean) as codes, and row-cost columns as numbers.
 */
import type { Column, Dataset } from '../data/dataset';
import { findColumn } from '../data/dataset';
import type { RowCostColumns } from '../metrics/row-costs';

/** More distinct values than this would not read as groups (one small ROC each). */
export const MAX_GROUPS = 30;

/**
 * A column that can split cases into groups: text with few values, or a number column with few
 * distinct values (region codes 1–4 are groups; `distinct` is kept only for up to 20 of them).
 */
export function isGroupColumn(column: Column): boolean {
  if (column.kind === 'categorical') return column.levels.length >= 1 && column.levels.length <= MAX_GROUPS;
  return column.distinct !== null && column.distinct.length >= 1 && column.distinct.length <= MAX_GROUPS;
}

/** Names of the columns offered as groups, leaving out the label and score columns. */
export function groupColumnNames(dataset: Dataset, exclude: readonly (string | null)[]): string[] {
  return dataset.columns.filter((c) => isGroupColumn(c) && !exclude.includes(c.name)).map((c) => c.name);
}

/** Names of the numeric columns offered as row costs. */
export function costColumnNames(dataset: Dataset, exclude: readonly (string | null)[]): string[] {
  return dataset.columns.filter((c) => c.kind === 'numeric' && !exclude.includes(c.name)).map((c) => c.name);
}

/**
 * Group codes of the evaluated cases (`rows` are dataset rows) and the group names; -1 for a
 * missing cell. null when the column is not there or cannot be a group column.
 */
export function groupCodesOf(dataset: Dataset, name: string, rows: ArrayLike<number>): { codes: Int32Array; levels: string[] } | null {
  const column = findColumn(dataset, name);
  if (!column || !isGroupColumn(column)) return null;
  const codes = new Int32Array(rows.length);
  if (column.kind === 'categorical') {
    for (let i = 0; i < rows.length; i++) codes[i] = column.codes[rows[i]];
    return { codes, levels: column.levels.slice() };
  }
  const levels = (column.distinct ?? []).slice();
  for (let i = 0; i < rows.length; i++) {
    const v = column.values[rows[i]];
    codes[i] = Number.isNaN(v) ? -1 : levels.indexOf(String(v));
  }
  return { codes, levels };
}

/** One numeric column's values for the evaluated cases, or null when it is not a numeric column. */
function valuesOf(dataset: Dataset, name: string | null, rows: ArrayLike<number>): Float64Array | null {
  if (name === null) return null;
  const column = findColumn(dataset, name);
  if (!column || column.kind !== 'numeric') return null;
  return Float64Array.from({ length: rows.length }, (_, i) => column.values[rows[i]]);
}

/** The row-cost columns for the evaluated cases; null when neither is set. */
export function rowCostColumnsOf(dataset: Dataset, missed: string | null, alarm: string | null, rows: ArrayLike<number>): RowCostColumns | null {
  const columns = { missed: valuesOf(dataset, missed, rows), alarm: valuesOf(dataset, alarm, rows) };
  return columns.missed === null && columns.alarm === null ? null : columns;
}

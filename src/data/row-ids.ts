import type { Column, Dataset } from './dataset';

/** One cell as text ('' when missing), e.g. an id to write back out. */
export function cellText(column: Column, row: number): string {
  if (column.kind === 'numeric') {
    const value = column.values[row];
    return Number.isNaN(value) ? '' : String(value);
  }
  const code = column.codes[row];
  return code < 0 ? '' : column.levels[code];
}

/**
 * The identifiers of some rows: an `id` column's values when there is one, else a detected
 * row-id column's (a pandas index), else 1-based row numbers.
 */
export function rowIds(dataset: Dataset, rows: ArrayLike<number>): string[] {
  const rowIdColumn = dataset.columns.find((c) => (dataset.rowIdColumns ?? []).includes(c.name));
  const idColumn = dataset.columns.find((c) => c.name.trim().toLowerCase() === 'id') ?? rowIdColumn;
  return Array.from(rows, (row) => (idColumn ? cellText(idColumn, row) : String(row + 1)));
}

/**
 * Header names that number rows: pandas' `Unnamed: 0` (its index written under a blank
 * header), R's `...1` and `X`, and the usual index names.
 */
const INDEX_NAMES = new Set([
  'index',
  'idx',
  'id',
  'row',
  'rownum',
  'rownumber',
  'row_num',
  'row_number',
  'rowid',
  'row_id',
  'row.names',
  'row_names',
  '#',
  'no',
  'no.',
  'nr',
  'obs',
  'level_0',
  '__index_level_0__',
]);

/** True when a header name (as written) is blank or reads like a row index or a record id (`customer_id`). */
export function isIndexLikeName(header: string): boolean {
  const name = header.trim().toLowerCase();
  return name === '' || INDEX_NAMES.has(name) || /^unnamed: ?\d+$/.test(name) || /^\.\.\.\d+$/.test(name) || /[_ ]id$/.test(name);
}

/**
 * True when a column holds unique integers in row order (0…n−1, 1…n, or any increasing
 * run): a row number, not a measurement. A model fed one learns the file's order, which in
 * a sorted file is the label.
 */
export function holdsRowNumbers(column: Column): boolean {
  if (column.kind !== 'numeric' || column.missing > 0) return false;
  const values = column.values;
  if (values.length < 2) return false;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isInteger(v) || (i > 0 && !(v > values[i - 1]))) return false;
  }
  return true;
}

/** The row-id columns among `columns`, given each column's header as written. */
export function findRowIdColumns(columns: readonly Column[], headers: readonly string[]): string[] {
  return columns.filter((column, i) => isIndexLikeName(headers[i] ?? column.name) && holdsRowNumbers(column)).map((c) => c.name);
}

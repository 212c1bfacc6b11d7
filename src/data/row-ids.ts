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
 * The file's own id column: one named like an id (`id`, `patient_id`, a pandas index) whose
 * values are unique text or unique integers, with none missing; an `id` column first, then a
 * detected row-id column, then the first other such column. Null when there is none.
 */
export function idColumnOf(dataset: Dataset): Column | null {
  const byName = (name: string) => name.trim().toLowerCase() === 'id';
  const candidates = [
    ...dataset.columns.filter((c) => byName(c.name)),
    ...dataset.columns.filter((c) => (dataset.rowIdColumns ?? []).includes(c.name)),
    ...dataset.columns.filter((c) => isIndexLikeName(c.name) && c.name.trim() !== ''),
  ];
  return candidates.find(holdsUniqueIds) ?? null;
}

/** True when every row has a value, each one different: text, or integers (an id, not a measurement). */
function holdsUniqueIds(column: Column): boolean {
  if (column.missing > 0) return false;
  if (column.kind === 'categorical') {
    const seen = new Uint8Array(column.levels.length);
    for (const code of column.codes) {
      if (seen[code]) return false;
      seen[code] = 1;
    }
    return true;
  }
  if (!column.values.every(Number.isInteger)) return false;
  const sorted = Float64Array.from(column.values).sort();
  return sorted.every((v, i) => i === 0 || v !== sorted[i - 1]);
}

/** The identifiers of some rows: the file's id column's values (idColumnOf), else 1-based row numbers. */
export function rowIds(dataset: Dataset, rows: ArrayLike<number>, idColumn: Column | null = idColumnOf(dataset)): string[] {
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

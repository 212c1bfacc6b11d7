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

/** The identifiers of some rows: an `id` column's values when there is one, else 1-based row numbers. */
export function rowIds(dataset: Dataset, rows: ArrayLike<number>): string[] {
  const idColumn = dataset.columns.find((c) => c.name.trim().toLowerCase() === 'id');
  return Array.from(rows, (row) => (idColumn ? cellText(idColumn, row) : String(row + 1)));
}

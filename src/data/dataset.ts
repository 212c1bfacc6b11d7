/**
 * The in-memory table Cutoff works on: columns as typed arrays, names as data.
 * Column names are never used as keys of plain objects (`__proto__` is a legal header).
 */

/** A column whose every present value parsed as a finite number; NaN marks a missing cell. */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
  missing: number;
  /** The distinct values as text when there are few of them (a 0/1 label, say); null otherwise. */
  distinct: string[] | null;
}

/** A column of text values, stored as codes into `levels`; -1 marks a missing cell. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  codes: Int32Array;
  levels: string[];
  missing: number;
}

export type Column = NumericColumn | CategoricalColumn;

export interface Dataset {
  fileName: string;
  rowCount: number;
  columns: Column[];
  /** False when the file had no header row and names were generated. */
  hasHeader: boolean;
  /** Things the user should know about how the file was read. */
  notes: string[];
  /** Hex SHA-256 of the file's bytes, for the export's provenance. */
  sha256: string;
}

/** Most distinct values a numeric column may have and still be offered as a label. */
export const MAX_LABEL_LEVELS = 20;

/** The distinct values of a column as text, or null when there are too many to be a label. */
export function distinctValues(column: Column): string[] | null {
  return column.kind === 'numeric' ? column.distinct : column.levels;
}

/** Finds a column by name; names are compared as strings, never looked up on an object. */
export function findColumn(dataset: Dataset, name: string): Column | undefined {
  return dataset.columns.find((c) => c.name === name);
}

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

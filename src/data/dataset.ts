import type { DateForm } from './date-cell';
import type { TextEncoding } from './encoding';

/**
 * The in-memory table Cutoff works on: columns as typed arrays, names as data.
 * Column names are never used as keys of plain objects (`__proto__` is a legal header).
 */

/**
 * A column whose every present value parsed as a number; NaN marks a missing cell.
 * ±Infinity is kept (and counted) so that using the column can be refused by row.
 */
export interface NumericColumn {
  kind: 'numeric';
  name: string;
  values: Float64Array;
  missing: number;
  /** The distinct values as text when there are few of them (a 0/1 label, say); null otherwise. */
  distinct: string[] | null;
  /** How many distinct values, or null when more than DISTINCT_COUNT_CAP. */
  distinctCount: number | null;
  /** Cells holding ±Infinity, and the row of the first one (-1 when none). */
  infinite: number;
  firstInfiniteRow: number;
  /** Excel error cells (#DIV/0!, #N/A, …) counted among the missing ones. */
  errorCells?: number;
  /** How text cells were read as numbers ("thousands separators", "percent"), when they were. */
  readAs?: string;
  /** Set when the column held dates, read as days since 1970-01-01. */
  dateForm?: DateForm;
}

/** A column of text values, stored as codes into `levels`; -1 marks a missing cell. */
export interface CategoricalColumn {
  kind: 'categorical';
  name: string;
  codes: Int32Array;
  levels: string[];
  missing: number;
  /** Excel error cells (#DIV/0!, #N/A, …) counted among the missing ones. */
  errorCells?: number;
}

export type Column = NumericColumn | CategoricalColumn;

export interface Dataset {
  fileName: string;
  rowCount: number;
  columns: Column[];
  /** False when the file had no header row and names were generated. */
  hasHeader: boolean;
  /** What the file was: delimited text, Parquet or an Excel workbook. */
  format: 'csv' | 'parquet' | 'xlsx';
  /** A workbook's sheets, in order (those with cells), and the one read; absent for other files. */
  sheets?: string[];
  sheet?: string;
  /** The text encoding a CSV was read in; null for Parquet and workbooks. */
  encoding: TextEncoding | null;
  /** The field delimiter the file was read with ('' for Parquet). */
  delimiter: string;
  /** True when numbers were read with a decimal comma (`;`-delimited files). */
  decimalComma: boolean;
  /** The file line (1-based) each data row starts on, so messages can point into the file. */
  lineOf: Uint32Array;
  /** Things the user should know about how the file was read. */
  notes: string[];
  /** Hex SHA-256 of the file's bytes, for the export's provenance. */
  sha256: string;
  /**
   * Columns that number the rows (a pandas index, an `id` 1…n): left out of the model by
   * default, since a sorted file would leak the label through them.
   */
  rowIdColumns: string[];
  /**
   * Names the header holds more than once (the copies are kept apart as `a (2)`, …): naming
   * one of them is ambiguous. Absent from readers that do not say (threshold tables).
   */
  duplicatedNames?: string[];
}

/** Most distinct values a numeric column may have and still be offered as a label. */
export const MAX_LABEL_LEVELS = 20;

/** Distinct numeric values are counted exactly up to this many; beyond, "more than". */
export const DISTINCT_COUNT_CAP = 1000;

/** The distinct values of a column as text, or null when there are too many to be a label. */
export function distinctValues(column: Column): string[] | null {
  return column.kind === 'numeric' ? column.distinct : column.levels;
}

/** Finds a column by name; names are compared as strings, never looked up on an object. */
export function findColumn(dataset: Dataset, name: string): Column | undefined {
  return dataset.columns.find((c) => c.name === name);
}

/** The number of rows a column holds. */
export function columnLength(column: Column): number {
  return column.kind === 'numeric' ? column.values.length : column.codes.length;
}

/** The file line of a data row, for messages ("line 12"); falls back to the row position. */
export function lineOfRow(dataset: Dataset, row: number): number {
  return row < dataset.lineOf.length ? dataset.lineOf[row] : row + 1;
}

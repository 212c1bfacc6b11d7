/**
 * A table as the subcommands read it, whatever the file was (CSV, Parquet, a workbook): its
 * columns and its rows in batches. The readers (table-reader.ts, xlsx-table.ts) make one.
 */
import type { CsvDialect } from '../data/csv-stream';
import type { CodeColumn, NumberColumn } from './csv-range-parse';

/** One cell: text from CSV, a typed value from Parquet. */
export type Cell = unknown;

export interface RowBatch {
  rows: Cell[][];
  /** 1-based number of the batch's first data row (the header is not counted). */
  firstRow: number;
  /** The column each cell position holds (all columns, or those asked for). */
  layout: readonly string[];
  /**
   * Column-major cells, one array per layout column, when asked for with `columnar` and the
   * format is columnar (Parquet): `rows` is then empty and `length` counts the rows.
   */
  columns?: ArrayLike<Cell>[];
  length?: number;
  /**
   * With `typed`, rows of a plain CSV file read in parallel (csv-parallel): per layout column its
   * numbers or its text as codes; `rows` is then empty and `length` counts the rows.
   */
  typed?: (NumberColumn | CodeColumn)[];
}

/** Columns a reader of typed batches wants as numbers (`weights`: numbers >= 0); the others are text. */
export interface TypedRequest {
  numbers: readonly string[];
  weights: readonly string[];
}

export interface Table {
  format: 'csv' | 'parquet' | 'xlsx';
  /** Column names as the page shows them (blank and repeated headers named, a headerless file's column_1 …). */
  columns: string[];
  /** The CSV dialect, to write rows back out the same way; undefined for Parquet. */
  dialect?: CsvDialect;
  /** Numbers are written with a decimal comma (a `;` file), as the page reads them. */
  decimalComma: boolean;
  /** What was assumed in reading (gzip, no header…), for the report. */
  notes: string[];
  /** Names the header holds more than once: naming one of them is ambiguous (exit 2). */
  duplicated?: ReadonlySet<string>;
  /** The batches of rows, once; `wanted` names the columns to keep, in that order. */
  batches(wanted?: readonly string[], options?: { columnar?: boolean; typed?: TypedRequest }): AsyncIterable<RowBatch>;
  close(): Promise<void>;
}

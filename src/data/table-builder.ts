import { ColumnBuilder } from './column-builder';
import { BLANK_ROW, RAGGED_ROW, type CsvBatch, type CsvDialect, type CsvProjection } from './csv-stream';
import type { Dataset } from './dataset';
import { DataError } from './errors';
import { detectHeader, duplicatedNames, generatedNames, HEADER_SAMPLE_ROWS, uniqueNames } from './header';
import { MAX_CELLS, MAX_COLUMNS, describeBytes } from './limits';
import { tidyColumns } from './tidy-columns';

/** How many offending line numbers a ragged-rows message lists. */
const LINES_SHOWN = 5;
/** How many ragged lines are remembered; beyond, they are only counted. */
const LINES_KEPT = 1000;

export interface TableOptions {
  fileName: string;
  /** Size of the file, to size the columns from the first chunk's bytes per row. */
  totalBytes: number;
  /** Override the header detection; undefined lets Cutoff decide. */
  hasHeader?: boolean;
  /** Leave out rows whose field count differs from the first row's, instead of refusing. */
  skipRagged?: boolean;
  /** Most cells the table may hold; MAX_CELLS unless a test wants a small limit. */
  maxCells?: number;
  /** Keep only these columns (see ReadOptions.columns); null or absent: every column. */
  columns?: readonly string[] | null;
  /** Told which fields to keep once the header is known, so the parser can split out only those. */
  onProjection?: (projection: CsvProjection) => void;
}

/**
 * Builds a Dataset from streamed batches of rows: decides the header on the first rows, then
 * types every cell into its column as it arrives, and refuses, with the file's own line
 * numbers, what Cutoff cannot read.
 */
export class TableBuilder {
  private pending: { rows: string[][]; lines: number[] } | null = { rows: [], lines: [] };
  private columns: ColumnBuilder[] = [];
  /** The file fields the columns hold, in file order; null: every field. */
  private fields: Int32Array | null = null;
  private names: string[] = [];
  /** The header row as written ([] without one), for blank, repeated and index-like names. */
  private headers: readonly string[] = [];
  private width = 0;
  private hasHeader = false;
  private dialect: CsvDialect = { delimiter: ',', linebreak: '\n' };
  private rowCount = 0;
  private lineOf: Uint32Array = new Uint32Array(1024);
  private blank = 0;
  private ragged = 0;
  private readonly raggedLines: number[] = [];

  constructor(private readonly options: TableOptions) {}

  /** Rows typed so far. */
  get rows(): number {
    return this.rowCount;
  }

  /** Takes one batch of parsed rows. */
  add(batch: CsvBatch): void {
    this.dialect = batch.dialect;
    const { rows, lines } = batch;
    if (this.pending === null) {
      this.addBody(rows, lines, 0, batch.projected === true);
      return;
    }
    for (let i = 0; i < rows.length; i++) {
      if (isBlank(rows[i])) this.blank++;
      else {
        this.pending.rows.push(rows[i]);
        this.pending.lines.push(lines[i]);
      }
    }
    if (this.pending.rows.length > HEADER_SAMPLE_ROWS) {
      this.start();
      this.reserve(batch.bytesRead);
    }
  }

  /** The Dataset, once every batch is in; throws a DataError for a file Cutoff cannot use. */
  finish(sha256: string): Dataset {
    if (this.pending !== null) this.start();
    const { fileName } = this.options;
    if (this.ragged > 0 && !this.options.skipRagged) throw this.raggedError();
    if (this.rowCount === 0) {
      throw new DataError(this.ragged > 0 ? `${fileName} has no rows left once the ragged rows are skipped.` : `${fileName} has a header row but no data rows.`);
    }
    const decimalComma = this.decimalComma();
    const allHeaders = this.hasHeader ? this.headers : this.names;
    const fields = this.fields;
    const headers = fields ? Array.from(fields, (f) => allHeaders[f]) : allHeaders;
    const tidy = tidyColumns(
      this.columns.map((c) => c.finish()),
      headers,
      this.columns.map((c) => c.paddedCells),
    );
    const lineOf = this.lineOf.slice(0, this.rowCount);
    // The builders' arrays are copied out: a reader still holding this builder must not keep them.
    this.columns = [];
    this.lineOf = new Uint32Array(0);
    return {
      fileName,
      format: 'csv',
      encoding: 'utf-8',
      rowCount: this.rowCount,
      columns: tidy.columns,
      hasHeader: this.hasHeader,
      delimiter: this.dialect.delimiter,
      decimalComma,
      lineOf,
      notes: [...this.notes(decimalComma), ...tidy.notes],
      sha256,
      rowIdColumns: tidy.rowIdColumns,
      duplicatedNames: duplicatedNames(this.headers),
    };
  }

  private decimalComma(): boolean {
    return this.dialect.delimiter === ';';
  }

  /** Header decision and column set-up, on the first rows. */
  private start(): void {
    const pending = this.pending ?? { rows: [], lines: [] };
    this.pending = null;
    const { fileName } = this.options;
    if (pending.rows.length === 0) throw new DataError(`${fileName} is empty: there are no rows to read.`);
    const first = pending.rows[0];
    this.width = first.length;
    if (this.width < 2) {
      throw new DataError(`${fileName} has a single column. Cutoff needs a label column and at least one feature or score column; check the delimiter.`);
    }
    if (this.width > MAX_COLUMNS) {
      throw new DataError(
        `${fileName} has ${describeCount(this.width)} columns, more than the ${describeCount(MAX_COLUMNS)} a browser tab reads. Keep the score and label columns (and the features the model needs) and drop the rest.`,
      );
    }
    this.hasHeader = this.options.hasHeader ?? detectHeader(pending.rows, this.decimalComma());
    this.headers = this.hasHeader ? first : [];
    this.names = this.hasHeader ? uniqueNames(first) : generatedNames(this.width);
    this.fields = this.projected();
    const kept = this.fields ? Array.from(this.fields, (f) => this.names[f]) : this.names;
    this.columns = kept.map((name) => new ColumnBuilder(name, this.decimalComma()));
    if (this.fields) this.options.onProjection?.({ fields: this.fields, width: this.width, pageRows: true });
    this.addBody(pending.rows, pending.lines, this.hasHeader ? 1 : 0, false);
  }

  /**
   * The fields of the columns asked for, in file order; null for every field, and when one is
   * not in the header (every column is then typed, so a message can offer the others).
   */
  private projected(): Int32Array | null {
    const wanted = this.options.columns;
    if (!wanted) return null;
    const fieldOf = new Map(this.names.map((name, f) => [name, f]));
    const fields = wanted.map((name) => fieldOf.get(name) ?? -1);
    if (fields.includes(-1)) return null;
    return Int32Array.from(new Set(fields)).sort();
  }

  /** Rows of a `projected` batch hold the kept fields only (their width checked, blank and ragged rows marked). */
  private addBody(rows: readonly string[][], lines: ArrayLike<number>, from: number, projected: boolean): void {
    const { width, columns, fields } = this;
    // Once a ragged row refuses the file, the rest is only scanned for more ragged rows.
    let refusing = this.ragged > 0 && !this.options.skipRagged;
    for (let i = from; i < rows.length; i++) {
      const row = rows[i];
      if (projected ? row === BLANK_ROW : isBlank(row)) {
        this.blank++;
        continue;
      }
      if (projected ? row === RAGGED_ROW : row.length !== width) {
        if (this.ragged++ < LINES_KEPT) this.raggedLines.push(lines[i]);
        refusing = !this.options.skipRagged;
        continue;
      }
      if (refusing) continue;
      if (projected || !fields) for (let c = 0; c < columns.length; c++) columns[c].push(row[c]);
      else for (let c = 0; c < columns.length; c++) columns[c].push(row[fields[c]]);
      if (this.rowCount === this.lineOf.length) this.lineOf = growLines(this.lineOf, this.rowCount * 2);
      this.lineOf[this.rowCount++] = lines[i];
    }
    const maxCells = this.options.maxCells ?? MAX_CELLS;
    // The typed cells: only the kept columns are held.
    if (this.rowCount * columns.length > maxCells) {
      throw new DataError(
        `${this.options.fileName} holds more than ${describeCount(maxCells)} cells (${describeCount(this.rowCount)} rows of ${columns.length} columns so far, of ${describeBytes(this.options.totalBytes)}): more than a browser tab can hold. Aggregate the scores first (score,label,count) or sample the rows.`,
      );
    }
  }

  /** Sizes the columns once for the whole file from the bytes per row of the first rows; doubling covers a low guess. */
  private reserve(bytesRead: number): void {
    if (this.rowCount === 0 || bytesRead === 0) return;
    const expected = Math.ceil((this.rowCount / bytesRead) * this.options.totalBytes * 1.05);
    for (const column of this.columns) column.reserve(expected);
    if (this.lineOf.length < expected) this.lineOf = growLines(this.lineOf, expected);
  }

  private raggedError(): DataError {
    const count = this.ragged;
    const shown = this.raggedLines.slice(0, LINES_SHOWN).join(', ');
    const more = count > LINES_SHOWN ? ` and ${count - LINES_SHOWN} more` : '';
    const like = this.hasHeader ? 'the header' : 'the first row';
    const hint = count > this.rowCount ? ' Most rows differ: check the delimiter.' : '';
    return new DataError(`${count} row${count === 1 ? ' does' : 's do'} not have ${this.width} fields like ${like} (line${count === 1 ? '' : 's'} ${shown}${more}).${hint}`, {
      kind: 'skip-ragged-rows',
      count,
    });
  }

  private notes(decimalComma: boolean): string[] {
    const notes: string[] = [];
    const names = this.names;
    if (this.dialect.sepLine) notes.push(`The first line "sep=${this.dialect.delimiter}" (written by Excel) set the delimiter and was skipped.`);
    if (!this.hasHeader) notes.push(`No header row found: columns were named ${names[0]} … ${names[names.length - 1]}.`);
    if (decimalComma) notes.push('Semicolon-separated: numbers with a decimal comma (1,5) were read as decimals.');
    if (this.blank > 0) notes.push(`${this.blank} blank line${this.blank === 1 ? '' : 's'} skipped.`);
    if (this.ragged > 0) {
      const shown = this.raggedLines.slice(0, LINES_SHOWN).join(', ');
      const more = this.ragged > LINES_SHOWN ? ` and ${this.ragged - LINES_SHOWN} more` : '';
      notes.push(`${this.ragged} ragged row${this.ragged === 1 ? '' : 's'} skipped (line${this.ragged === 1 ? '' : 's'} ${shown}${more}).`);
    }
    return notes;
  }
}

/** A row with nothing in it: an empty line, or only delimiters and spaces. */
function isBlank(row: readonly string[]): boolean {
  const first = row[0];
  // Most rows start with a value: one character test settles them.
  if (first.length > 0 && first.charCodeAt(0) > 32) return false;
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

function growLines(lines: Uint32Array, size: number): Uint32Array {
  const next = new Uint32Array(size);
  next.set(lines);
  return next;
}

function describeCount(n: number): string {
  return n.toLocaleString('en-US');
}

import { DISTINCT_COUNT_CAP, MAX_LABEL_LEVELS, type Column } from './dataset';
import { levelsAsDates, numericFromLevels } from './levels-as-numbers';
import { isExcelError, isMissingToken } from './missing';
import { readNumber } from './number-cell';
import { describeNumberFormat, readSpreadsheetNumber, type NumberDecoration } from './spreadsheet-number';

const INITIAL_CAPACITY = 1024;

/**
 * Types one column while the file streams in, so no row is ever held as text: values go into
 * a growable Float64Array while every present cell is a number, and the column switches to
 * categorical codes at its first text cell (the numbers seen so far become levels). Once the
 * file is in, a text column whose every level is a spreadsheet-style number (`12,345.67`,
 * `$12`, `45%`) is read as numbers after all: it is decided on the levels, not per cell.
 */
export class ColumnBuilder {
  private values: Float64Array | null;
  private codes: Int32Array | null = null;
  private readonly levels: string[] = [];
  private readonly codeOf = new Map<string, number>();
  private distinct: Set<number> | null = new Set();
  private length = 0;
  private missing = 0;
  private infinite = 0;
  private firstInfiniteRow = -1;
  private errorCells = 0;
  /** Text cells that had spaces around them (trimmed). */
  private padded = 0;
  /** The first levels were numbers before the first text cell (written as JS writes them). */
  private numericLevels = 0;
  /** Numbers read with a `.` in a decimal-comma file: `1.234` there may have meant 1234. */
  private dottedNumbers = 0;

  constructor(
    readonly name: string,
    private readonly decimalComma: boolean,
    capacity = INITIAL_CAPACITY,
  ) {
    this.values = new Float64Array(Math.max(capacity, 16));
  }

  /** Grows the storage up front when the row count can be estimated, to avoid copies. */
  reserve(rows: number): void {
    if (this.values && this.values.length < rows) this.values = grow(this.values, rows);
    if (this.codes && this.codes.length < rows) this.codes = grow(this.codes, rows);
  }

  /** Text cells that were trimmed of surrounding spaces. */
  get paddedCells(): number {
    return this.padded;
  }

  /** Appends one CSV cell. */
  push(cell: string): void {
    if (this.values !== null) {
      const value = readNumber(cell, this.decimalComma);
      if (value === value) {
        if (this.decimalComma && cell.indexOf('.') !== -1) this.dottedNumbers++;
        this.pushNumber(value);
        return;
      }
      if (isMissingToken(cell)) {
        if (isExcelError(cell)) this.errorCells++;
        this.pushNumber(Number.NaN);
        return;
      }
      this.switchToCodes();
    }
    this.pushText(cell);
  }

  /** Appends a typed number (NaN for none), as a Parquet column holds it. */
  pushValue(value: number): void {
    if (this.values === null) this.pushText(value !== value ? '' : String(value));
    else this.pushNumber(value);
  }

  /** Appends a typed text value (null for none): the column is categorical whatever the text. */
  pushLevel(text: string | null): void {
    if (this.values !== null) this.switchToCodes();
    this.pushText(text ?? '');
  }

  private pushNumber(value: number): void {
    let values = this.values as Float64Array;
    if (this.length === values.length) values = this.values = grow(values, values.length * 2);
    const row = this.length++;
    values[row] = value;
    if (value !== value) {
      this.missing++;
      return;
    }
    if (value === Infinity || value === -Infinity) {
      if (this.infinite++ === 0) this.firstInfiniteRow = row;
    }
    const distinct = this.distinct;
    if (distinct !== null) {
      distinct.add(value);
      if (distinct.size > DISTINCT_COUNT_CAP) this.distinct = null;
    }
  }

  private pushText(cell: string): void {
    let codes = this.codes as Int32Array;
    if (this.length === codes.length) codes = this.codes = grow(codes, codes.length * 2);
    const n = cell.length;
    // Trim only when needed: most cells have no padding and trim() would still scan them.
    const padded = n > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(n - 1) <= 32);
    const text = padded ? cell.trim() : cell;
    if (isMissingToken(text)) {
      if (text !== '' && isExcelError(text)) this.errorCells++;
      codes[this.length++] = -1;
      this.missing++;
      return;
    }
    if (padded) this.padded++;
    let code = this.codeOf.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.levels.push(text);
      this.codeOf.set(text, code);
    }
    codes[this.length++] = code;
  }

  /** The first text cell: the numbers read so far become levels written as numbers. */
  private switchToCodes(): void {
    const values = this.values as Float64Array;
    const codes = new Int32Array(values.length);
    for (let i = 0; i < this.length; i++) {
      const value = values[i];
      if (value !== value) {
        codes[i] = -1;
        continue;
      }
      const text = String(value);
      let code = this.codeOf.get(text);
      if (code === undefined) {
        code = this.levels.length;
        this.levels.push(text);
        this.codeOf.set(text, code);
      }
      codes[i] = code;
    }
    this.numericLevels = this.levels.length;
    this.codes = codes;
    this.values = null;
    this.distinct = null;
    this.infinite = 0;
    this.firstInfiniteRow = -1;
  }

  /** The typed column, trimmed to its length. A column with no value at all is categorical. */
  finish(): Column {
    const { name, missing, length } = this;
    const errors = this.errorCells > 0 ? { errorCells: this.errorCells } : {};
    if (this.values !== null && missing < length) {
      const distinct = this.distinct;
      return {
        kind: 'numeric',
        name,
        values: this.values.slice(0, length),
        missing,
        distinct: distinct && distinct.size <= MAX_LABEL_LEVELS ? [...distinct].sort((a, b) => a - b).map(String) : null,
        distinctCount: distinct ? distinct.size : null,
        infinite: this.infinite,
        firstInfiniteRow: this.firstInfiniteRow,
        ...errors,
      };
    }
    const codes = this.codes ? this.codes.slice(0, length) : new Int32Array(length).fill(-1);
    const dates = this.levels.length > this.numericLevels ? levelsAsDates(this.levels) : null;
    if (dates) return numericFromLevels(name, codes, dates, missing, this.errorCells);
    return this.asSpreadsheetNumbers(codes) ?? { kind: 'categorical', name, codes, levels: this.levels, missing, ...errors };
  }

  /**
   * The column read as numbers when every level is a spreadsheet-style number with the same
   * currency sign and the same `%` (or none), and at least one is written that way; null
   * otherwise. A number read before the first text cell has no sign or `%`, so it fits only
   * an undecorated column; in a decimal-comma file, one written with a `.` makes it ambiguous.
   */
  private asSpreadsheetNumbers(codes: Int32Array): Column | null {
    const { levels, numericLevels } = this;
    if (levels.length === numericLevels) return null;
    if (this.decimalComma && this.dottedNumbers > 0 && numericLevels > 0) return null;
    const parsed = new Float64Array(levels.length);
    let decoration: NumberDecoration | null = null;
    let grouped = false;
    for (let i = 0; i < levels.length; i++) {
      if (i < numericLevels) {
        parsed[i] = Number(levels[i]);
        continue;
      }
      const number = readSpreadsheetNumber(levels[i], this.decimalComma);
      if (number === null) return null;
      if (decoration === null) decoration = number;
      else if (number.currency !== decoration.currency || number.percent !== decoration.percent) return null;
      grouped ||= number.grouped;
      parsed[i] = number.value;
    }
    if (decoration === null || (numericLevels > 0 && (decoration.currency !== '' || decoration.percent))) return null;
    if (!grouped && decoration.currency === '' && !decoration.percent) return null;
    return numericFromLevels(this.name, codes, { parsed, readAs: describeNumberFormat(decoration, grouped) }, this.missing, this.errorCells);
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

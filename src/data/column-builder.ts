import { DISTINCT_COUNT_CAP, MAX_LABEL_LEVELS, type Column } from './dataset';
import { isMissingToken } from './missing';
import { readNumber } from './number-cell';

const INITIAL_CAPACITY = 1024;

/**
 * Types one column while the file streams in, so no row is ever held as text: values go into
 * a growable Float64Array while every present cell is a number, and the column switches for
 * good to categorical codes at its first text cell (the numbers seen so far become levels).
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

  /** Appends one cell. */
  push(cell: string): void {
    if (this.values !== null) {
      const value = readNumber(cell, this.decimalComma);
      if (value === value) {
        this.pushNumber(value);
        return;
      }
      if (isMissingToken(cell)) {
        this.pushNumber(Number.NaN);
        return;
      }
      this.switchToCodes();
    }
    this.pushText(cell);
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
    const text = n > 0 && (cell.charCodeAt(0) <= 32 || cell.charCodeAt(n - 1) <= 32) ? cell.trim() : cell;
    if (isMissingToken(text)) {
      codes[this.length++] = -1;
      this.missing++;
      return;
    }
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
    this.codes = codes;
    this.values = null;
    this.distinct = null;
    this.infinite = 0;
    this.firstInfiniteRow = -1;
  }

  /** The typed column, trimmed to its length. A column with no value at all is categorical. */
  finish(): Column {
    const { name, missing, length } = this;
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
      };
    }
    const codes = this.codes ? this.codes.slice(0, length) : new Int32Array(length).fill(-1);
    return { kind: 'categorical', name, codes, levels: this.levels, missing };
  }
}

function grow<T extends Float64Array | Int32Array>(array: T, size: number): T {
  const next = new (array.constructor as new (n: number) => T)(size);
  next.set(array);
  return next;
}

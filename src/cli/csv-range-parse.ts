/**
 * The byte-level parse of one range of a plain CSV file (UTF-8, no quote anywhere) for the
 * parallel reader (csv-parallel): the wanted fields of each row read straight from the bytes,
 * numbers into a Float64Array and text into codes per distinct spelling. It gives what the
 * single-threaded reader gives (csv-projection's split, then cellNumber and the label
 * spelling), so `check` and `curve` print the same bytes either way. No Node: a worker and the
 * main thread (in tests) run it alike.
 */
import { cellNumber } from '../data/cell-value';

/** What to read of each row. */
export interface RangeSpec {
  /** The delimiter's byte (`,` `;` tab `|`). */
  delimiter: number;
  /** Fields every row must have (the header's count). */
  width: number;
  /** The file field each wanted column is, in the wanted order. */
  fields: Int32Array;
  /**
   * How each wanted column is read: 0 as text (a label or a group), 1 as a number (a score),
   * 2 as a number that must be >= 0 (a weight); a cell the main thread will refuse keeps its text.
   */
  numeric: Uint8Array;
  /** A `;` file: numbers with a decimal comma (as the table reads them). */
  decimalComma: boolean;
  /**
   * Bytes of the single-threaded reader's chunks (CHUNK_BYTES): it splits a chunk whole before
   * handing on any of its rows, so a ragged row hides every other error of its chunk.
   */
  blockBytes: number;
}

/** A number column: the value of each row; the text of a cell that is not a finite number >= 0, for the message. */
export interface NumberColumn {
  values: Float64Array;
  texts: [row: number, text: string][];
}

/** A text column: each row's code into `spellings`, the cells as written. */
export interface CodeColumn {
  codes: Int32Array;
  spellings: string[];
}

export interface ParsedRange {
  /** Data rows (blank lines not counted). */
  rows: number;
  /** File lines the range spans, blank ones included. */
  lines: number;
  /** One per wanted column, `rows` long. */
  columns: (NumberColumn | CodeColumn)[];
  /** The first row with another number of fields: its line (0 = the range's first) and field count; `rows` then stops before its chunk. */
  ragged: { line: number; fields: number } | null;
}

const NEWLINE = 10;
const RETURN = 13;
const DOUBLE_QUOTE = 34;

/** Exact powers of ten, as readNumber's digit loop uses them. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const EXACT_LIMIT = 2 ** 53;

/**
 * readNumber's digit loop on bytes: `[-]digits[.digits]` of at most 25 bytes whose digits are an
 * integer below 2^53, with at most 22 after the point; the same arithmetic, so the same double.
 * NaN for any other shape (the caller then reads the text as the single-threaded reader does).
 */
function bytesDecimal(bytes: Uint8Array, start: number, end: number): number {
  const n = end - start;
  if (n === 0 || n > 25) return Number.NaN;
  let i = start;
  const negative = bytes[i] === 45;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let point = -1;
  for (; i < end; i++) {
    const code = bytes[i];
    if (code >= 48 && code <= 57) {
      mantissa = mantissa * 10 + (code - 48);
      if (mantissa >= EXACT_LIMIT) return Number.NaN;
      digits++;
    } else if (code === 46 && point < 0) point = i;
    else return Number.NaN;
  }
  if (digits === 0 || (point >= 0 && end - 1 - point > 22)) return Number.NaN;
  const value = point < 0 ? mantissa : mantissa / POW10[end - 1 - point];
  return negative ? -value : value;
}

/**
 * A cell's text: short ASCII cells (a long score, a label) by character codes, which costs a
 * fraction of a TextDecoder call; others decoded as the stream decoder decodes them.
 */
function textOf(decoder: TextDecoder, bytes: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let i = start; i < end && ascii; i++) ascii = bytes[i] < 128;
    if (ascii) return String.fromCharCode.apply(null, bytes.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(bytes.subarray(start, end));
}

/** True when the bytes hold a double quote: the parallel reader then leaves the file to the single-threaded one. */
export function holdsQuote(bytes: Uint8Array): boolean {
  return bytes.indexOf(DOUBLE_QUOTE) !== -1;
}

/** Codes per distinct spelling; the last two spellings are compared as bytes first (a binary label alternates). */
class Spellings {
  readonly list: string[] = [];
  private readonly byText = new Map<string, number>();
  private lastBytes = new Uint8Array(0);
  private lastCode = -1;
  private otherBytes = new Uint8Array(0);
  private otherCode = -1;

  constructor(private readonly decoder: TextDecoder) {}

  codeOf(bytes: Uint8Array, start: number, end: number): number {
    if (same(this.lastBytes, bytes, start, end) && this.lastCode >= 0) return this.lastCode;
    if (same(this.otherBytes, bytes, start, end) && this.otherCode >= 0) {
      [this.lastBytes, this.otherBytes] = [this.otherBytes, this.lastBytes];
      [this.lastCode, this.otherCode] = [this.otherCode, this.lastCode];
      return this.lastCode;
    }
    const text = textOf(this.decoder, bytes, start, end);
    let code = this.byText.get(text);
    if (code === undefined) {
      code = this.list.length;
      this.list.push(text);
      this.byText.set(text, code);
    }
    this.otherBytes = this.lastBytes;
    this.otherCode = this.lastCode;
    this.lastBytes = bytes.slice(start, end);
    this.lastCode = code;
    return code;
  }
}

function same(a: Uint8Array, bytes: Uint8Array, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== bytes[start + i]) return false;
  return true;
}

/**
 * Parses the rows of `bytes[from, to)`, which start at a row start; `base` is the file offset of
 * `bytes[0]`. With `tail` the bytes after the last line break are a last row (the file's end);
 * else they belong to the next range and are left.
 */
export function parseRange(bytes: Uint8Array, from: number, to: number, base: number, tail: boolean, spec: RangeSpec): ParsedRange {
  const { delimiter, width, fields, numeric, decimalComma, blockBytes } = spec;
  // Cells may hold a BOM's bytes: kept, as the stream decoder keeps them after the file's start.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const wanted = fields.length;
  let lastField = 0;
  for (const f of fields) lastField = Math.max(lastField, f);
  const slotOf = new Int32Array(lastField + 1).fill(-1);
  fields.forEach((f, slot) => (slotOf[f] = slot));
  const starts = new Int32Array(wanted);
  const ends = new Int32Array(wanted);
  // Rows of a scores file take 20–40 bytes: one growth at most.
  let capacity = Math.max(1024, (to - from) >> 4);
  let values = Array.from({ length: wanted }, (_, s) => (numeric[s] ? new Float64Array(capacity) : null));
  let codes = Array.from({ length: wanted }, (_, s) => (numeric[s] ? null : new Int32Array(capacity)));
  const texts: [number, string][][] = Array.from({ length: wanted }, () => []);
  const spellings = Array.from({ length: wanted }, () => new Spellings(decoder));
  let rows = 0;
  let lines = 0;
  let block = -1;
  let rowsBeforeBlock = 0;
  let i = from;
  const limit = tail ? to : bytes.lastIndexOf(NEWLINE, to - 1) + 1;
  while (i < limit) {
    const rowStart = i;
    let field = 0;
    let fieldStart = i;
    for (let b = bytes[i]; i < limit && b !== NEWLINE; b = bytes[++i]) {
      if (b === delimiter) {
        if (field <= lastField && slotOf[field] >= 0) {
          starts[slotOf[field]] = fieldStart;
          ends[slotOf[field]] = i;
        }
        field++;
        fieldStart = i + 1;
      }
    }
    const rowBlock = Math.floor((base + (i < limit ? i : limit - 1)) / blockBytes);
    if (rowBlock !== block) {
      block = rowBlock;
      rowsBeforeBlock = rows;
    }
    let stop = i;
    i++;
    if (stop > rowStart && bytes[stop - 1] === RETURN) stop--;
    if (fieldStart > stop) fieldStart = stop;
    const line = lines++;
    if (stop === rowStart) continue;
    if (field <= lastField && slotOf[field] >= 0) {
      starts[slotOf[field]] = fieldStart;
      ends[slotOf[field]] = stop;
    }
    if (field + 1 !== width) {
      // A blank-looking row (only delimiters and spaces) is skipped, as splitProjected skips it.
      const text = decoder.decode(bytes.subarray(rowStart, stop));
      if (text.split(String.fromCharCode(delimiter)).every((c) => c.trim() === '')) continue;
      rows = rowsBeforeBlock;
      return { rows, lines, columns: columnsOf(rows), ragged: { line, fields: field + 1 } };
    }
    if (rows === capacity) {
      capacity *= 2;
      values = values.map((v) => (v ? grown(v, capacity) : null));
      codes = codes.map((c) => (c ? grown(c, capacity) : null));
    }
    for (let s = 0; s < wanted; s++) {
      const v = values[s];
      if (v) {
        let value = bytesDecimal(bytes, starts[s], ends[s]);
        if (value !== value) value = cellNumber(textOf(decoder, bytes, starts[s], ends[s]), decimalComma);
        // A score or weight the main thread refuses is named by its text.
        if (!Number.isFinite(value) || (value < 0 && numeric[s] === 2)) texts[s].push([rows, textOf(decoder, bytes, starts[s], ends[s])]);
        v[rows] = value;
      } else (codes[s] as Int32Array)[rows] = spellings[s].codeOf(bytes, starts[s], ends[s]);
    }
    rows++;
  }
  return { rows, lines, columns: columnsOf(rows), ragged: null };

  function columnsOf(n: number): (NumberColumn | CodeColumn)[] {
    return Array.from({ length: wanted }, (_, s) => {
      const v = values[s];
      if (v) return { values: v.slice(0, n), texts: texts[s].filter(([row]) => row < n) };
      return { codes: (codes[s] as Int32Array).slice(0, n), spellings: spellings[s].list };
    });
  }
}

function grown<T extends Float64Array | Int32Array>(array: T, capacity: number): T {
  const next = new (array.constructor as new (n: number) => T)(capacity);
  next.set(array);
  return next;
}

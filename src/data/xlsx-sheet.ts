/**
 * One worksheet's rows, streamed from its XML as the text a CSV saved from the same sheet
 * holds, so the one table reader (TableBuilder in the page, the command's table) types them the
 * same way. The text comes from the cell's type, not its display: a number in full (0.1 shown
 * as "10%" is 0.1), a date as an ISO date, TRUE/FALSE, an error as Excel's error word (read as
 * missing), a formula by the value Excel last computed (its cached <v>).
 */
import { HEADER_SAMPLE_ROWS } from './header';
import { DataError } from './errors';
import { isExcelError } from './missing';
import { entryChunks } from './zip-directory';
import { attribute, decodeExcelEscapes, XmlScanner, type XmlHandler } from './xml-scan';
import type { SheetInfo, Workbook } from './xlsx-workbook';

export interface SheetBatch {
  rows: string[][];
  /** The sheet's row number of each row (1-based, as Excel shows it). */
  lines: Uint32Array;
  /** Share of the sheet's XML read, from 0 to 1. */
  done: number;
}

/** What is known of a sheet once its rows are read: merged ranges are written after the cells. */
export interface SheetFacts {
  merges: string[];
}

/** Excel's widest sheet: XFD, column 16,384. */
const MAX_COLUMNS = 16_384;
const MS_PER_DAY = 86_400_000;

/** The sheet's rows in batches (one per chunk of XML); blank rows are left out. */
export async function* sheetBatches(book: Workbook, sheet: SheetInfo, facts: SheetFacts): AsyncGenerator<SheetBatch> {
  const { entry } = sheet;
  if (entry === null)
    throw new DataError(`${book.source.name}: "${sheet.name}" is a chart sheet or is missing from the workbook; it holds no cells to read. Choose another sheet.`);
  const rows = new SheetRows(book);
  const scanner = new XmlScanner(rows);
  const decoder = new TextDecoder();
  let read = 0;
  for await (const chunk of entryChunks(book.source, entry, book.maxInflatedBytes)) {
    read += chunk.length;
    scanner.push(decoder.decode(chunk, { stream: true }));
    const batch = rows.take(false);
    if (batch) yield { ...batch, done: read / Math.max(1, entry.size) };
  }
  scanner.push(decoder.decode());
  if (!scanner.end()) throw new DataError(`${book.source.name}: sheet "${sheet.name}" ends in the middle of its XML. Open the workbook in Excel and save it again.`);
  const last = rows.take(true);
  if (last) yield { ...last, done: 1 };
  facts.merges = rows.merges;
}

/** Builds rows from the sheet's elements; holds the first rows back until the table's width is known. */
class SheetRows implements XmlHandler {
  readonly merges: string[] = [];
  private rows: string[][] = [];
  private lines: number[] = [];
  /** Width of the table, from the widest of the first rows; 0 while still sampling. */
  private width = 0;
  private row: string[] = [];
  private rowNumber = 0;
  private col = -1;
  private type = 'n';
  private style = 0;
  private value = '';
  private inline = '';
  private inValue = false;
  private inInline = false;
  private inText = false;
  private phonetic = 0;

  constructor(private readonly book: Workbook) {}

  open(name: string, attrs: string): void {
    switch (name) {
      case 'row': {
        const r = Number(attrValue(attrs, 'r'));
        this.rowNumber = r > 0 ? r : this.rowNumber + 1;
        this.row = [];
        this.col = -1;
        break;
      }
      case 'c':
        this.cellAttributes(attrs);
        break;
      case 'v':
        this.inValue = true;
        break;
      case 'is':
        this.inInline = true;
        break;
      case 't':
        this.inText = this.inInline && this.phonetic === 0;
        break;
      case 'rPh':
        this.phonetic++;
        break;
      case 'mergeCell': {
        const ref = attrValue(attrs, 'ref');
        if (ref) this.merges.push(ref);
        break;
      }
    }
  }

  close(name: string): void {
    switch (name) {
      case 'v':
        this.inValue = false;
        break;
      case 't':
        this.inText = false;
        break;
      case 'is':
        this.inInline = false;
        break;
      case 'rPh':
        this.phonetic--;
        break;
      case 'c': {
        const text = this.cellText();
        if (text === '') break;
        const { row, col } = this;
        while (row.length < col) row.push('');
        row[col] = text;
        break;
      }
      case 'row':
        if (this.row.length > 0) this.keep(this.row, this.rowNumber);
        break;
    }
  }

  text(text: string): void {
    if (this.inValue) this.value += text;
    else if (this.inText) this.inline += text;
  }

  /** The rows made since the last call (all of them at the end), padded to the table's width. */
  take(end: boolean): { rows: string[][]; lines: Uint32Array } | null {
    if (this.width === 0) {
      if (!end && this.rows.length <= HEADER_SAMPLE_ROWS) return null;
      this.width = Math.max(1, ...this.rows.slice(0, HEADER_SAMPLE_ROWS + 1).map((r) => r.length));
    }
    if (this.rows.length === 0) return null;
    const rows = this.rows;
    for (const row of rows) while (row.length < this.width) row.push('');
    const lines = Uint32Array.from(this.lines);
    this.rows = [];
    this.lines = [];
    return { rows, lines };
  }

  private keep(row: string[], line: number): void {
    this.rows.push(row);
    this.lines.push(line);
  }

  /** r (the cell's reference), t (its type) and s (its style), in one pass over the attributes. */
  private cellAttributes(attrs: string): void {
    this.type = 'n';
    this.style = 0;
    this.value = '';
    this.inline = '';
    const ref = attrValue(attrs, 'r');
    this.col = ref === null ? this.col + 1 : columnOf(ref, this.book.source.name);
    const t = attrValue(attrs, 't');
    if (t !== null) this.type = t;
    const s = attrValue(attrs, 's');
    if (s !== null) this.style = Number(s);
  }

  private cellText(): string {
    const { value, book } = this;
    switch (this.type) {
      case 's': {
        const text = book.strings[Number(value)];
        if (text === undefined)
          throw new DataError(`${book.source.name}: row ${this.rowNumber} points at shared string ${value}, which the workbook does not have. Open it in Excel and save it again.`);
        return text;
      }
      case 'inlineStr':
        return decodeExcelEscapes(this.inline);
      case 'str':
        return decodeExcelEscapes(value);
      case 'b':
        return value === '' ? '' : value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        return value === '' ? '' : isExcelError(value) ? value : '#N/A';
      case 'd':
        return value.trim();
      default: {
        if (value === '') return '';
        const number = Number(value);
        if (!Number.isFinite(number)) return value;
        if (book.dateStyles[this.style] === 1) return excelDate(number, book.date1904) ?? String(number);
        return String(number);
      }
    }
  }
}

/** An attribute of a sheet element, which holds no entities worth decoding (references, types, numbers). */
function attrValue(attrs: string, name: string): string | null {
  // The quick search knows double quotes, which every writer uses; XML allows single ones too.
  if (attrs.indexOf("'") >= 0) return attribute(attrs, name);
  let at = attrs.indexOf(`${name}="`);
  while (at > 0 && attrs.charCodeAt(at - 1) > 32) at = attrs.indexOf(`${name}="`, at + 1);
  if (at < 0) return null;
  const start = at + name.length + 2;
  const end = attrs.indexOf('"', start);
  return end < 0 ? null : attrs.slice(start, end);
}

/** The 0-based column of a cell reference (`B7` → 1). */
export function columnOf(ref: string, file: string): number {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i) & ~32;
    if (c < 65 || c > 90) break;
    col = col * 26 + (c - 64);
  }
  if (i === 0 || col > MAX_COLUMNS) throw new DataError(`${file} has a cell "${ref.slice(0, 12)}" that is not an Excel cell reference. Open it in Excel and save it again.`);
  return col - 1;
}

/**
 * An Excel serial day as an ISO date (a date-time when it has a time of day), or null out of
 * range. Day 1 is 1900-01-01, and Excel counts a 29 February 1900 that never was; in the 1904
 * system day 0 is 1904-01-01.
 */
export function excelDate(serial: number, date1904: boolean): string | null {
  if (serial < 0 || serial > 2_958_466) return null;
  const days = date1904 ? serial - 24_107 : serial < 60 ? serial - 25_568 : serial - 25_569;
  const ms = Math.round(days * MS_PER_DAY);
  const iso = new Date(ms).toISOString();
  return ms % MS_PER_DAY === 0 ? iso.slice(0, 10) : iso;
}

/** The merged ranges that start on a row and join more than one cell (`A1:B1`). */
export function mergesOnRow(merges: readonly string[], row: number): string[] {
  return merges.filter((ref) => {
    const [from, to] = ref.split(':');
    if (to === undefined || from === to) return false;
    return Number(/\d+$/.exec(from)?.[0]) === row;
  });
}

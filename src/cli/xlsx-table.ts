/**
 * The command's side of the workbook reader: one sheet of an .xlsx (the first visible one, or
 * --sheet NAME) as a Table of the same text cells the page's reader types, with the header
 * found as in a CSV. Rows stream from the sheet's XML in batches, never held whole.
 */
import type { ByteSource } from '../data/byte-source';
import { DataError } from '../data/errors';
import { detectHeader, generatedNames, HEADER_SAMPLE_ROWS, uniqueNames } from '../data/header';
import { chooseSheet, mergedHeaderError } from '../data/read-xlsx';
import { sheetBatches, type SheetBatch, type SheetFacts } from '../data/xlsx-sheet';
import { openWorkbook } from '../data/xlsx-workbook';
import { InputError } from './errors';
import type { Cell, RowBatch, Table } from './table';

/** What a workbook's parts may unpack to off a browser tab: 16 GiB of XML. */
const MAX_INFLATED_BYTES = 16 * 2 ** 30;

function asInput(error: unknown): never {
  if (error instanceof DataError) throw new InputError(error.message);
  throw error;
}

/** Opens the sheet and reads ahead to its header; `sheet` undefined takes the first visible one. */
export async function xlsxTable(source: ByteSource, sheetName: string | undefined, notes: string[], close: () => Promise<void>): Promise<Table> {
  const book = await openWorkbook(source, MAX_INFLATED_BYTES).catch(asInput);
  const sheet = (() => {
    try {
      return chooseSheet(book, sheetName);
    } catch (error) {
      return asInput(error);
    }
  })();
  const where = `${source.name}, sheet "${sheet.name}"`;
  const facts: SheetFacts = { merges: [] };
  const source$ = sheetBatches(book, sheet, facts)[Symbol.asyncIterator]();
  const first = await source$.next().catch(asInput);
  if (first.done || first.value.rows.length === 0) throw new InputError(`${where} is empty: it needs a header row and at least one data row`);
  const batch: SheetBatch = first.value;
  const sample = batch.rows.slice(0, HEADER_SAMPLE_ROWS + 1);
  const hasHeader = detectHeader(sample, false);
  const width = sample[0].length;
  const columns = hasHeader ? uniqueNames(sample[0]) : generatedNames(width);
  const headerRow = batch.lines[0];
  const readable = book.sheets.filter((s) => s.entry !== null).length;
  notes.push(`read sheet "${sheet.name}"${readable > 1 ? ` (1 of ${readable}; --sheet NAME reads another)` : ''}`);
  if (!hasHeader) notes.push(`no header row found: the columns are named ${columns[0]} … ${columns[columns.length - 1]}`);
  let used = false;
  async function* batches(wanted?: readonly string[]): AsyncGenerator<RowBatch> {
    if (used) throw new Error(`${where} can be read once`);
    used = true;
    const layout = wanted ? [...wanted] : columns;
    const fieldOf = layout.map((name) => columns.indexOf(name));
    let row = 1;
    let headerLeft = hasHeader;
    const take = (b: SheetBatch): RowBatch | null => {
      const rows: Cell[][] = [];
      for (let i = 0; i < b.rows.length; i++) {
        const cells = b.rows[i];
        if (headerLeft) {
          headerLeft = false;
          continue;
        }
        if (cells.length !== width) {
          throw new InputError(
            `${where} row ${b.lines[i]} has a value in column ${cells.length}, right of the ${width} columns of ${hasHeader ? 'the header' : 'the first rows'}; move it or delete it`,
          );
        }
        rows.push(wanted ? fieldOf.map((f) => cells[f]) : cells);
      }
      if (rows.length === 0) return null;
      const out = { rows, firstRow: row, layout };
      row += rows.length;
      return out;
    };
    const firstOut = take(batch);
    if (firstOut) yield firstOut;
    for (let next = await source$.next().catch(asInput); !next.done; next = await source$.next().catch(asInput)) {
      const out = take(next.value);
      if (out) yield out;
    }
    const merged = hasHeader ? mergedHeaderError(source.name, sheet.name, facts.merges, headerRow) : null;
    if (merged) throw new InputError(merged);
    if (row === 1) throw new InputError(`${where} has a header but no data rows`);
  }
  return { format: 'xlsx', columns, decimalComma: false, notes, batches, close, duplicated: hasHeader ? duplicatesOf(sample[0].map((n) => n.trim())) : undefined };
}

function duplicatesOf(names: readonly string[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

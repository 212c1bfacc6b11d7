/**
 * Reads one sheet of an Excel workbook (.xlsx) into a Dataset through the same TableBuilder as
 * a CSV: the header is found, blank rows skipped, columns typed and limits kept as for the CSV
 * saved from that sheet. Loaded on demand (read-file imports it for a workbook only), so a page
 * that never sees a workbook never downloads it.
 */
import type { ByteSource } from './byte-source';
import { nextTask } from './csv-stream';
import type { Dataset } from './dataset';
import { DataError, ParseCancelled } from './errors';
import type { ReadHooks, ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';
import { mergesOnRow, sheetBatches, type SheetFacts } from './xlsx-sheet';
import { openWorkbook, type SheetInfo, type Workbook } from './xlsx-workbook';

/** The sheet asked for by name, else the first visible worksheet; a clear error when there is none. */
export function chooseSheet(book: Workbook, name: string | null | undefined): SheetInfo {
  const file = book.source.name;
  if (name !== null && name !== undefined) {
    const named = book.sheets.find((s) => s.name === name) ?? book.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (!named) throw new DataError(`${file} has no sheet "${name}"; its sheets are ${sheetNames(book)}.`);
    return named;
  }
  const first = book.sheets.find((s) => s.entry !== null && !s.hidden) ?? book.sheets.find((s) => s.entry !== null);
  if (!first) throw new DataError(`${file} has no worksheet with cells (only ${book.sheets.length === 0 ? 'nothing' : 'chart sheets'}). Save the data as a worksheet or as CSV.`);
  return first;
}

/** The sheets' names, quoted, for messages. */
export function sheetNames(book: Workbook): string {
  return book.sheets.map((s) => `"${s.name}"`).join(', ') || 'none';
}

/** The merged header cells as a message, or null: a merged name belongs to no one column. */
export function mergedHeaderError(file: string, sheet: string, merges: readonly string[], headerRow: number): string | null {
  const merged = mergesOnRow(merges, headerRow);
  if (merged.length === 0) return null;
  const shown = merged.slice(0, 3).join(', ') + (merged.length > 3 ? ` and ${merged.length - 3} more` : '');
  return `${file}, sheet "${sheet}": the header row ${headerRow} has merged cells (${shown}), so a name covers several columns. Unmerge them and give each column its own name in one header row, then save again.`;
}

/** The page's reader for a workbook; `maxInflatedBytes` bounds what its parts may unpack to. */
export async function readXlsx(source: ByteSource, options: ReadOptions, hooks: ReadHooks, sha256: Promise<string> | string, maxInflatedBytes: number): Promise<Dataset> {
  const book = await openWorkbook(source, maxInflatedBytes);
  const sheet = chooseSheet(book, options.sheet);
  const where = `${source.name}, sheet "${sheet.name}",`;
  const table = new TableBuilder({
    // Messages name the sheet as well as the file.
    fileName: where.slice(0, -1),
    totalBytes: sheet.entry?.size ?? 0,
    hasHeader: options.hasHeader ?? undefined,
    skipRagged: options.skipRagged,
    maxCells: hooks.maxCells,
  });
  const facts: SheetFacts = { merges: [] };
  const readable = book.sheets.filter((s) => s.entry !== null).map((s) => s.name);
  // A sheet that is no table (notes, an empty one): the page offers the workbook's other sheets.
  const others = readable.filter((name) => name !== sheet.name);
  let firstRow = 0;
  let dataset: Dataset;
  try {
    for await (const batch of sheetBatches(book, sheet, facts)) {
      if (firstRow === 0 && batch.lines.length > 0) firstRow = batch.lines[0];
      table.add({ rows: batch.rows, lines: batch.lines, dialect: { delimiter: ',', linebreak: '\n' }, bytesRead: Math.round(batch.done * (sheet.entry?.size ?? 0)) });
      hooks.onProgress?.({ bytesRead: Math.round(batch.done * source.size), rows: table.rows });
      // A turn of the event loop between chunks: progress goes out and a cancel comes in.
      await nextTask();
      if (hooks.signal?.aborted) throw new ParseCancelled();
    }
    if (firstRow === 0) throw new DataError(`${where.slice(0, -1)} is empty: there are no cells to read.`);
    dataset = table.finish(await sha256);
    const merged = dataset.hasHeader ? mergedHeaderError(source.name, sheet.name, facts.merges, firstRow) : null;
    if (merged) throw new DataError(merged);
  } catch (error) {
    if (error instanceof RangeError) throw new DataError(`${source.name} does not fit in memory (${table.rows} rows read). Save fewer rows or columns, or sample the rows.`);
    if (error instanceof DataError && error.remedy === null && others.length > 0) throw new DataError(error.message, { kind: 'choose-sheet', sheets: others });
    throw error;
  }
  const notes = [
    `Read sheet "${sheet.name}"${readable.length > 1 ? ` (1 of ${readable.length} sheets; choose another above)` : ''} as Excel typed its cells; messages count the sheet's rows.`,
  ];
  const bodyMerges = facts.merges.length - mergesOnRow(facts.merges, firstRow).length;
  if (bodyMerges > 0) notes.push(`${bodyMerges} merged cell range${bodyMerges === 1 ? '' : 's'}: only the first cell of each holds the value; the others are read as missing.`);
  return {
    ...dataset,
    fileName: source.name,
    format: 'xlsx',
    encoding: null,
    delimiter: '',
    decimalComma: false,
    notes: [...notes, ...dataset.notes],
    sheets: readable,
    sheet: sheet.name,
  };
}

/**
 * The command's side of the one table reader: a file on disk (or `-`, standard input) handed
 * to src/data's openInput, csvBatches and openParquetFile, the same code the page reads with,
 * streamed in batches of rows and never held whole.
 */
import { handleSource } from './disk-file';
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteSource, ByteStream } from '../data/byte-source';
import { BLANK_ROW, csvBatches, RaggedRow, type CsvBatch, type CsvStreamOptions } from '../data/csv-stream';
import { DataError } from '../data/errors';
import { detectHeader, generatedNames, HEADER_SAMPLE_ROWS, uniqueNames } from '../data/header';
import { openInput } from '../data/open-input';
import { openParquetFile } from '../data/parquet-file';
import { InputError } from './errors';
import { xlsxTable } from './xlsx-table';
import { parallelRanges } from './csv-parallel';

import type { Cell, RowBatch, Table, TypedRequest } from './table';

export type { Cell, RowBatch, Table, TypedRequest };

/** Opens FILE (`-` for standard input) by its content: gzip, Parquet, an .xlsx workbook (its first visible sheet, or `sheet`), else CSV/TSV. */
const defaultStdin = () => process.stdin as AsyncIterable<Uint8Array>;

export async function openTable(path: string, stdin?: () => AsyncIterable<Uint8Array>, sheet?: string): Promise<Table> {
  let handle: FileHandle | null = null;
  try {
    const input: ByteSource | ByteStream = path === '-' ? stdinStream(stdin ?? defaultStdin) : await fileSource(path, (h) => (handle = h));
    const opened = await openInput(input).catch(rethrowFor(input.name));
    const close = async () => {
      await (handle as FileHandle | null)?.close();
    };
    if (opened.format === 'xlsx') return await xlsxTable(opened.source, sheet, opened.notes, close);
    if (sheet !== undefined) throw new InputError(`${input.name} is not an Excel workbook; --sheet names a sheet of an .xlsx file`);
    if (opened.format === 'parquet') return await parquetTable(opened.source, opened.notes, close);
    // A plain file on disk may be read in parallel; standard input and gzip only in order.
    const local = path !== '-' && !opened.gzip && input.size !== null ? { path, size: input.size } : null;
    return await csvTable(opened.stream, opened.notes, close, local);
  } catch (error) {
    await (handle as FileHandle | null)?.close();
    throw error;
  }
}

/** A reader's error as one line naming the file (exit 2); anything the Parquet decoder throws is said to be Parquet's. */
function rethrowFor(name: string, format: 'csv' | 'parquet' | null = null) {
  return (error: unknown): never => {
    if (error instanceof InputError) throw error;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    if (error instanceof DataError) throw new InputError(message.includes(name) ? message : `${name}: ${message}`);
    if (format === 'parquet') throw new InputError(`${name} could not be read as Parquet (${message}); is it complete, and written by a Parquet writer?`);
    throw error;
  };
}

async function fileSource(path: string, keep: (handle: FileHandle) => void): Promise<ByteSource> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(
      code === 'ENOENT' ? `${path}: no such file` : code === 'EISDIR' ? `${path} is a folder, not a file` : `${path}: cannot be read (${code ?? String(error)})`,
    );
  }
  keep(handle);
  const { size } = await handle.stat();
  if (size === 0) throw new InputError(`${path} is empty: it needs a header row and at least one data row`);
  return handleSource(path, handle, size);
}

function stdinStream(stdin: () => AsyncIterable<Uint8Array>): ByteStream {
  let read = 0;
  return {
    name: 'standard input',
    size: null,
    storedBytesRead: () => read,
    async *chunks() {
      for await (const chunk of stdin()) {
        read += chunk.length;
        yield chunk;
      }
    },
  };
}

/** Reads ahead to the header (decided as the page decides it), then hands on every batch after it. */
async function csvTable(stream: ByteStream, notes: string[], close: () => Promise<void>, local: { path: string; size: number } | null): Promise<Table> {
  const streamOptions: CsvStreamOptions = { projection: null };
  const source = csvBatches(stream, streamOptions)[Symbol.asyncIterator]();
  const first = await source.next().catch(rethrowFor(stream.name, 'csv'));
  if (first.done) throw new InputError(`${stream.name} is empty: it needs a header row and at least one data row`);
  const batch: CsvBatch = first.value;
  const { dialect } = batch;
  const decimalComma = dialect.delimiter === ';';
  const sample = batch.rows.filter((row) => !isBlank(row)).slice(0, HEADER_SAMPLE_ROWS + 1);
  if (sample.length === 0) throw new InputError(`${stream.name} has no rows to read`);
  const hasHeader = detectHeader(sample, decimalComma);
  const width = sample[0].length;
  const columns = hasHeader ? uniqueNames(sample[0]) : generatedNames(width);
  if (!hasHeader) notes.push(`no header row found: the columns are named ${columns[0]} … ${columns[columns.length - 1]}`);
  if (dialect.sepLine) notes.push(`the first line "sep=${dialect.delimiter}" (written by Excel) set the delimiter and was skipped`);
  if (decimalComma) notes.push('semicolon-separated: numbers with a decimal comma (0,5) read as decimals');
  let used = false;
  async function* batches(wanted?: readonly string[], options?: { typed?: TypedRequest }): AsyncGenerator<RowBatch> {
    if (used) throw new Error(`${stream.name} can be read once`);
    used = true;
    const layout = wanted ? [...wanted] : columns;
    const fieldOf = layout.map((name) => columns.indexOf(name));
    let row = 1;
    let headerLeft = hasHeader;
    // Later chunks without quotes are split to the wanted cells only.
    if (wanted) streamOptions.projection = { fields: Int32Array.from(fieldOf), width };
    const take = function* (b: CsvBatch): Generator<RowBatch> {
      const rows: Cell[][] = [];
      for (let i = 0; i < b.rows.length; i++) {
        const cells = b.rows[i];
        if (b.projected ? cells === BLANK_ROW : isBlank(cells)) continue;
        if (headerLeft) {
          headerLeft = false;
          continue;
        }
        if (!b.projected && cells.length !== width) {
          throw new InputError(
            `${stream.name} line ${b.lines[i]} has ${cells.length} field${cells.length === 1 ? '' : 's'} but ${hasHeader ? 'the header' : 'the first row'} has ${width}; fix that line or check the delimiter`,
          );
        }
        rows.push(wanted && !b.projected ? fieldOf.map((f) => cells[f]) : cells);
      }
      if (rows.length > 0) {
        yield { rows, firstRow: row, layout };
        row += rows.length;
      }
    };
    yield* take(batch);
    const ragged = (error: unknown): never => {
      if (error instanceof RaggedRow) {
        throw new InputError(
          `${stream.name} line ${error.line} has ${error.fields} field${error.fields === 1 ? '' : 's'} but ${hasHeader ? 'the header' : 'the first row'} has ${width}; fix that line or check the delimiter`,
        );
      }
      return rethrowFor(stream.name, 'csv')(error);
    };
    const typed = options?.typed;
    const ranges =
      wanted && typed && local && !headerLeft
        ? await parallelRanges(
            local,
            dialect,
            { width, fields: Int32Array.from(fieldOf), numeric: Uint8Array.from(layout, (n) => (typed.weights.includes(n) ? 2 : typed.numbers.includes(n) ? 1 : 0)), decimalComma },
            batch.lines[batch.lines.length - 1] ?? 0,
          )
        : null;
    if (ranges) {
      await source.return?.(undefined);
      // Ranges come in file order: rows and lines numbered on from the first chunk's.
      let line = (batch.lines[batch.lines.length - 1] ?? 0) + 1;
      for await (const r of ranges) {
        if (r.rows > 0) yield { rows: [], firstRow: row, layout, typed: r.columns, length: r.rows };
        row += r.rows;
        if (r.ragged) ragged(new RaggedRow(line + r.ragged.line, r.ragged.fields));
        line += r.lines;
      }
    }
    if (!ranges) for (let next = await source.next().catch(ragged); !next.done; next = await source.next().catch(ragged)) yield* take(next.value);
    if (row === 1) throw new InputError(`${stream.name} has a header but no data rows`);
  }
  return { format: 'csv', columns, dialect, decimalComma, notes, batches, close, duplicated: hasHeader ? duplicatesOf(sample[0].map((n) => n.trim())) : undefined };
}

function duplicatesOf(names: readonly string[]): ReadonlySet<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return twice;
}

/** A row with nothing in it: an empty line, or only delimiters and spaces (the page skips them too). */
function isBlank(row: readonly string[]): boolean {
  const first = row[0];
  if (first.length > 0 && first.charCodeAt(0) > 32) return false;
  for (const cell of row) if (cell.trim() !== '') return false;
  return true;
}

async function parquetTable(source: ByteSource, notes: string[], close: () => Promise<void>): Promise<Table> {
  const file = await openParquetFile(source).catch(rethrowFor(source.name, 'parquet'));
  const columns = file.columns.map((c) => c.name);
  if (file.nested.length > 0) notes.push(`nested column${file.nested.length === 1 ? '' : 's'} ${file.nested.map((n) => `"${n}"`).join(', ')} left out`);
  async function* batches(wanted?: readonly string[], options: { columnar?: boolean } = {}): AsyncGenerator<RowBatch> {
    const layout = wanted ? [...wanted] : columns;
    let yielded = 0;
    for (const group of file.groups) {
      const n = group.rowEnd - group.rowStart;
      if (n === 0) continue;
      const decoded = await file.readGroup(layout, group).catch(rethrowFor(source.name, 'parquet'));
      const parts = layout.map((name) => decoded.get(name) ?? []);
      if (options.columnar) yield { rows: [], firstRow: group.rowStart + 1, layout, columns: parts, length: n };
      else yield { rows: Array.from({ length: n }, (_, i) => parts.map((p) => p[i])), firstRow: group.rowStart + 1, layout };
      yielded += n;
    }
    if (yielded === 0) throw new InputError(`${source.name} has no data rows`);
  }
  return { format: 'parquet', columns, decimalComma: false, notes, batches, close, duplicated: duplicatesOf(columns) };
}

/**
 * Streams a table from disk in batches of rows, never holding the whole file: CSV/TSV through
 * the page's own dialect and encoding detection (src/data) and PapaParse's core parser, or
 * Parquet through hyparquet one row group at a time.
 */
import { open, type FileHandle } from 'node:fs/promises';
import Papa from 'papaparse';
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type ColumnData, type FileMetaData } from 'hyparquet';
import { compressors } from 'hyparquet-compressors';
import { detectDialect, type CsvDialect } from '../data/csv-stream';
import { detectEncoding, streamDecoder } from '../data/encoding';
import { InputError } from './errors';

/** One cell: text from CSV, a typed value from Parquet. */
export type Cell = unknown;

export interface RowBatch {
  rows: Cell[][];
  /** 1-based number of the batch's first data row (the header is not counted). */
  firstRow: number;
  /** The column each cell position holds (all columns, or those asked for where the format can skip the rest). */
  layout: readonly string[];
  /**
   * Column-major cells, one array per layout column, when asked for with `columnar` and the
   * format is columnar (Parquet): `rows` is then empty and `length` counts the rows.
   */
  columns?: ArrayLike<Cell>[];
  length?: number;
}

export interface Table {
  format: 'csv' | 'parquet';
  columns: string[];
  /** The CSV dialect, to write rows back out the same way; undefined for Parquet. */
  dialect?: CsvDialect;
  /** Bytes on disk. */
  size: number;
  /** Batches of rows; `wanted` lets a columnar file read only those columns. */
  batches(wanted?: readonly string[], options?: { columnar?: boolean }): AsyncIterable<RowBatch>;
  close(): Promise<void>;
}

const CSV_CHUNK_BYTES = 1 << 20;
/** Text enough for the delimiter guess (PapaParse looks at the first ten rows). */
const DETECT_CHARS = 64 << 10;
const PARQUET_MAGIC = 'PAR1';

/** Opens FILE by its content (Parquet magic bytes) and falls back to CSV/TSV. */
export async function openTable(path: string): Promise<Table> {
  let handle: FileHandle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new InputError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot be read (${code ?? String(error)})`);
  }
  const { size } = await handle.stat();
  if (size === 0) {
    await handle.close();
    throw new InputError(`${path} is empty: it needs a header row and at least one data row`);
  }
  const head = new Uint8Array(Math.min(size, DETECT_CHARS));
  await handle.read(head, 0, head.length, 0);
  if (size >= 12 && new TextDecoder().decode(head.subarray(0, 4)) === PARQUET_MAGIC) return openParquet(path, handle, size);
  return openCsv(path, handle, size, head);
}

async function openCsv(path: string, handle: FileHandle, size: number, head: Uint8Array): Promise<Table> {
  const encoding = detectEncoding(head);
  const headText = streamDecoder(encoding)
    .decode(head, head.length === size)
    .replace(/^\uFEFF/, '');
  const dialect = detectDialect(headText);
  const firstLine = Papa.parse<string[]>(headText, { delimiter: dialect.delimiter, newline: dialect.linebreak, preview: 1 }).data[0] ?? [];
  const columns = firstLine.map((c) => c.trim());
  if (columns.length === 0 || columns.every((c) => c === '')) throw new InputError(`${path}: the first line is empty; it should name the columns`);

  async function* batches(wanted?: readonly string[]): AsyncGenerator<RowBatch> {
    const layout = wanted ? [...wanted] : columns;
    const fieldOf = layout.map((name) => columns.indexOf(name));
    // slotOf[f]: where field f goes in a projected row (−1: not wanted).
    const lastField = Math.max(...fieldOf);
    const slotOf = new Int32Array(lastField + 1).fill(-1);
    fieldOf.forEach((f, slot) => f >= 0 && (slotOf[f] = slot));
    const decoder = streamDecoder(encoding);
    const parser = new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.linebreak, quoteChar: '"' });
    const buffer = new Uint8Array(CSV_CHUNK_BYTES);
    let partial = '';
    let headerSeen = false;
    let row = 1;
    let first = true;
    const tooShort = (cells: number, at: number) =>
      new InputError(`${path} row ${at} has ${cells} cells but the header names ${columns.length}; the column "${layout[fieldOf.findIndex((f) => f >= cells)]}" is missing there`);
    for (let position = 0; position < size;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      const last = position >= size;
      let text = partial + decoder.decode(buffer.subarray(0, bytesRead), last);
      if (first) {
        text = text.replace(/^\uFEFF/, '');
        first = false;
      }
      let rows: string[][];
      if (dialect.linebreak !== '\r' && text.indexOf('"') === -1) {
        // No quote in this chunk: lines and cells are plain splits, and only the wanted cells are kept.
        const end = last ? text.length : text.lastIndexOf('\n') + 1;
        partial = text.slice(end);
        rows = [];
        for (let start = 0; start < end;) {
          let stop = text.indexOf('\n', start);
          if (stop < 0 || stop >= end) stop = end;
          const next = stop + 1;
          if (stop > start && text.charCodeAt(stop - 1) === 13) stop--;
          if (stop > start) {
            if (!headerSeen) headerSeen = true;
            else {
              const cells = new Array<string>(layout.length);
              let field = 0;
              for (let at = start; field <= lastField; field++) {
                let cut = text.indexOf(dialect.delimiter, at);
                if (cut < 0 || cut > stop) cut = stop;
                const slot = slotOf[field];
                if (slot >= 0) cells[slot] = text.slice(at, cut);
                if (cut === stop) {
                  field++;
                  break;
                }
                at = cut + dialect.delimiter.length;
              }
              if (field <= lastField) throw tooShort(field, row + rows.length);
              rows.push(cells);
            }
          }
          start = next;
        }
      } else {
        const result = parser.parse(text, 0, !last) as { data: string[][]; errors: { code: string }[]; meta: { cursor: number } };
        if (result.errors.some((e) => e.code === 'MissingQuotes')) {
          throw new InputError(`${path}: a quoted cell (") near data row ${row + result.data.length} is never closed`);
        }
        partial = last ? '' : text.slice(result.meta.cursor);
        rows = result.data;
        if (!headerSeen && rows.length > 0) {
          rows = rows.slice(1);
          headerSeen = true;
        }
        rows = rows.filter((r) => !(r.length === 1 && r[0] === ''));
        if (wanted) {
          rows = rows.map((r, i) => {
            if (r.length <= lastField) throw tooShort(r.length, row + i);
            return fieldOf.map((f) => r[f]);
          });
        }
      }
      if (rows.length > 0) {
        yield { rows, firstRow: row, layout };
        row += rows.length;
      }
    }
    if (row === 1) throw new InputError(`${path} has a header but no data rows`);
  }
  return { format: 'csv', columns, dialect, size, batches, close: () => handle.close() };
}

async function openParquet(path: string, handle: FileHandle, size: number): Promise<Table> {
  const file: AsyncBuffer = {
    byteLength: size,
    async slice(start: number, end?: number) {
      const stop = end ?? size;
      const bytes = new Uint8Array(stop - start);
      await handle.read(bytes, 0, bytes.length, start);
      return bytes.buffer;
    },
  };
  let metadata: FileMetaData;
  try {
    metadata = await parquetMetadataAsync(file);
  } catch (error) {
    throw new InputError(`${path}: not a readable Parquet file (${error instanceof Error ? error.message : String(error)})`);
  }
  // Top-level columns: the schema's root lists how many children it has.
  const root = metadata.schema[0];
  const columns = metadata.schema.slice(1, 1 + (root.num_children ?? 0)).map((s) => s.name);

  async function* batches(wanted?: readonly string[], options: { columnar?: boolean } = {}): AsyncGenerator<RowBatch> {
    const layout = wanted ? [...wanted] : columns;
    let rowStart = 0;
    let yielded = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      if (options.columnar && rowEnd > rowStart) {
        // Columns as decoded (typed arrays for numbers): no row arrays are assembled.
        const n = rowEnd - rowStart;
        const parts: ArrayLike<Cell>[] = layout.map(() => []);
        const start = rowStart;
        await parquetRead({
          file,
          metadata,
          compressors,
          columns: layout,
          rowStart,
          rowEnd,
          onChunk: (chunk: ColumnData) => {
            const j = layout.indexOf(chunk.columnName);
            if (j < 0) return;
            if (chunk.rowStart === start && chunk.rowEnd === rowEnd) {
              parts[j] = chunk.columnData as ArrayLike<Cell>;
              return;
            }
            // A chunk covering part of the group (or more): copy the rows of this group.
            const target = parts[j].length === n ? (parts[j] as Cell[]) : ((parts[j] = new Array<Cell>(n)) as Cell[]);
            const data = chunk.columnData as ArrayLike<Cell>;
            for (let r = Math.max(chunk.rowStart, start); r < Math.min(chunk.rowEnd, rowEnd); r++) target[r - start] = data[r - chunk.rowStart];
          },
        });
        yield { rows: [], firstRow: rowStart + 1, layout, columns: parts, length: n };
        yielded += n;
        rowStart = rowEnd;
        continue;
      }
      let rows: Cell[][] = [];
      await parquetRead({ file, metadata, compressors, columns: layout, rowStart, rowEnd, onComplete: (r: Cell[][]) => (rows = r) });
      if (rows.length > 0) {
        yield { rows, firstRow: rowStart + 1, layout };
        yielded += rows.length;
      }
      rowStart = rowEnd;
    }
    if (yielded === 0) throw new InputError(`${path} has no data rows`);
  }
  return { format: 'parquet', columns, size, batches, close: () => handle.close() };
}

import { parquetMetadataAsync, parquetRead, parquetSchema, type AsyncBuffer, type ColumnData, type Compressors, type SchemaTree } from 'hyparquet';
import { decompressBrotli, decompressGzip, decompressLz4, decompressLz4Raw, decompressZstd } from 'hyparquet-compressors';
import type { ByteSource } from './byte-source';
import { ColumnBuilder } from './column-builder';
import { nextTask } from './csv-stream';
import type { Dataset } from './dataset';
import { DataError, ParseCancelled } from './errors';
import { MAX_CELLS } from './limits';
import type { ReadHooks } from './read-options';
import { tidyColumns } from './tidy-columns';

/**
 * Decompressors for the codecs Parquet writers use. Snappy (the default of pandas, Spark and
 * DuckDB) is hyparquet's own; the others come from hyparquet-compressors, all pure JS: the
 * package's ready-made set would load a WebAssembly snappy instead.
 */
const COMPRESSORS: Compressors = {
  GZIP: decompressGzip,
  ZSTD: (input) => decompressZstd(input),
  BROTLI: decompressBrotli,
  LZ4: decompressLz4,
  LZ4_RAW: decompressLz4Raw,
};

/** How a Parquet column's values become a typed column: numbers, or text (strings, booleans, dates). */
type ValueKind = 'number' | 'text';

interface FlatColumn {
  name: string;
  kind: ValueKind;
}

/** Types whose values are dates or times, shown as text rather than as numbers of days or ticks. */
const TEMPORAL = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS', 'INTERVAL']);

function kindOf(node: SchemaTree): ValueKind {
  const { type, converted_type: converted, logical_type: logical } = node.element;
  if (TEMPORAL.has(logical?.type ?? '') || TEMPORAL.has(converted ?? '')) return 'text';
  if (logical?.type === 'DECIMAL' || converted === 'DECIMAL') return 'number';
  return type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE' ? 'number' : 'text';
}

/**
 * Reads a Parquet file (pandas, Spark, DuckDB and BigQuery exports) into the same typed
 * columns as a CSV, one row group at a time so progress shows and a cancel lands between
 * groups. Nested columns (lists, structs, maps) are left out with a note: a model input is
 * one value per row.
 */
export async function readParquet(source: ByteSource, hooks: ReadHooks, sha256: Promise<string> | string): Promise<Dataset> {
  const file = asyncBuffer(source);
  const metadata = await parquetMetadataAsync(file).catch((error: unknown) => {
    throw new DataError(`${source.name} could not be read as Parquet (${error instanceof Error ? error.message : String(error)}). Is the file complete?`);
  });
  const root = parquetSchema(metadata);
  const flat: FlatColumn[] = [];
  const nested: string[] = [];
  for (const child of root.children) {
    if (child.children.length > 0 || child.element.repetition_type === 'REPEATED') nested.push(child.element.name);
    else flat.push({ name: child.element.name, kind: kindOf(child) });
  }
  const rowCount = Number(metadata.num_rows);
  if (flat.length < 2) {
    throw new DataError(`${source.name} has ${flat.length === 0 ? 'no' : 'a single'} flat column. Cutoff needs a label column and at least one feature or score column.`);
  }
  if (rowCount === 0) throw new DataError(`${source.name} has columns but no rows.`);
  const maxCells = hooks.maxCells ?? MAX_CELLS;
  if (rowCount * flat.length > maxCells) {
    throw new DataError(
      `${source.name} holds ${rowCount.toLocaleString('en-US')} rows of ${flat.length} columns, more than the ${maxCells.toLocaleString('en-US')} cells a browser tab can hold. Read fewer columns or sample the rows.`,
    );
  }
  const builders = flat.map((column) => new ColumnBuilder(column.name, false, rowCount));
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    await nextTask();
    if (hooks.signal?.aborted) throw new ParseCancelled();
    const rowEnd = rowStart + Number(group.num_rows);
    const chunks: ColumnData[] = [];
    try {
      await parquetRead({ file, metadata, columns: flat.map((c) => c.name), rowStart, rowEnd, compressors: COMPRESSORS, onChunk: (chunk) => chunks.push(chunk) });
    } catch (error) {
      throw new DataError(`${source.name}: rows ${rowStart + 1}–${rowEnd} could not be decoded (${error instanceof Error ? error.message : String(error)}).`);
    }
    flat.forEach((column, c) =>
      appendGroup(
        builders[c],
        column.kind,
        chunks.filter((chunk) => chunk.columnName === column.name),
        rowStart,
        rowEnd,
      ),
    );
    rowStart = rowEnd;
    hooks.onProgress?.({ bytesRead: Math.round((source.size * rowStart) / rowCount), rows: rowStart });
  }
  const tidy = tidyColumns(
    builders.map((b) => b.finish()),
    flat.map((c) => c.name),
    builders.map((b) => b.paddedCells),
  );
  const codecs = [...new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => c.meta_data?.codec ?? 'UNCOMPRESSED')))];
  const notes = [
    `Read as Parquet: ${metadata.row_groups.length} row group${metadata.row_groups.length === 1 ? '' : 's'}, ${codecs.join('/').toLowerCase()} compressed; messages count rows, not lines.`,
  ];
  if (nested.length > 0)
    notes.push(
      `Nested column${nested.length === 1 ? '' : 's'} ${nested.map((n) => `"${n}"`).join(', ')} (lists, structs or maps) left out: a model input holds one value per row.`,
    );
  const lineOf = new Uint32Array(rowStart);
  for (let i = 0; i < rowStart; i++) lineOf[i] = i + 1;
  return {
    fileName: source.name,
    format: 'parquet',
    encoding: null,
    rowCount: rowStart,
    columns: tidy.columns,
    hasHeader: true,
    delimiter: '',
    decimalComma: false,
    lineOf,
    notes: [...notes, ...tidy.notes],
    sha256: await sha256,
    rowIdColumns: tidy.rowIdColumns,
  };
}

/** Pushes one row group's values of a column, in row order, from the decoded chunks. */
function appendGroup(builder: ColumnBuilder, kind: ValueKind, chunks: ColumnData[], rowStart: number, rowEnd: number): void {
  chunks.sort((a, b) => a.rowStart - b.rowStart);
  let next = rowStart;
  for (const chunk of chunks) {
    const data = chunk.columnData;
    const from = Math.max(next, chunk.rowStart);
    const to = Math.min(rowEnd, chunk.rowEnd);
    for (let row = from; row < to; row++) {
      const value: unknown = data[row - chunk.rowStart];
      if (kind === 'number') builder.pushValue(value === null || value === undefined ? Number.NaN : Number(value));
      else builder.pushLevel(textOf(value));
    }
    next = Math.max(next, to);
  }
  if (next < rowEnd) throw new DataError(`Parquet column "${builder.name}" is missing rows ${next + 1}–${rowEnd}: the file looks damaged.`);
}

function textOf(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  return String(value);
}

/** hyparquet's view of a byte source: ranges as ArrayBuffers of their own. */
function asyncBuffer(source: ByteSource): AsyncBuffer {
  return {
    byteLength: source.size,
    slice: async (start, end) => {
      const bytes = await source.read(start, end ?? source.size);
      return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    },
  };
}

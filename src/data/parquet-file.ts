import {
  parquetMetadataAsync,
  parquetRead,
  parquetSchema,
  type AsyncBuffer,
  type ColumnData,
  type Compressors,
  type FileMetaData,
  type RowGroup,
  type SchemaTree,
} from 'hyparquet';
import { decompressBrotli, decompressGzip, decompressLz4, decompressLz4Raw, decompressZstd } from 'hyparquet-compressors';
import type { ByteSource } from './byte-source';
import { DataError } from './errors';
import { columnChunkRange, readFlatColumn } from './parquet-flat';

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

/** How a Parquet column's values are read: numbers, or text (strings, booleans, dates). */
export type ParquetValueKind = 'number' | 'text';

export interface ParquetColumn {
  name: string;
  kind: ParquetValueKind;
}

/** Types whose values are dates or times, shown as text rather than as numbers of days or ticks. */
const TEMPORAL = new Set(['DATE', 'TIME', 'TIMESTAMP', 'TIME_MILLIS', 'TIME_MICROS', 'TIMESTAMP_MILLIS', 'TIMESTAMP_MICROS', 'INTERVAL']);

function kindOf(node: SchemaTree): ParquetValueKind {
  const { type, converted_type: converted, logical_type: logical } = node.element;
  if (TEMPORAL.has(logical?.type ?? '') || TEMPORAL.has(converted ?? '')) return 'text';
  if (logical?.type === 'DECIMAL' || converted === 'DECIMAL') return 'number';
  return type === 'INT32' || type === 'INT64' || type === 'FLOAT' || type === 'DOUBLE' ? 'number' : 'text';
}

/** One row group's decoded columns, each an array of the group's rows (typed arrays for numbers). */
export type ParquetGroup = Map<string, ArrayLike<unknown>>;

export interface ParquetFile {
  name: string;
  size: number;
  rowCount: number;
  /** Top-level flat columns, in file order: a model input or score is one value per row. */
  columns: ParquetColumn[];
  /** Nested columns (lists, structs, maps), which are not read. */
  nested: string[];
  /** The codecs the file's column chunks use, lower case. */
  codecs: string[];
  /** Row ranges of the row groups, in order. */
  groups: { rowStart: number; rowEnd: number }[];
  /** Decodes one row group's values of `columns`. */
  readGroup(columns: readonly string[], group: { rowStart: number; rowEnd: number }): Promise<ParquetGroup>;
}

/**
 * Opens a Parquet file (pandas, Spark, DuckDB and BigQuery exports) for the one table reader:
 * the footer is read first, then any row group's columns on demand. The page types them into
 * a Dataset, the command streams them group by group.
 */
export async function openParquetFile(source: ByteSource): Promise<ParquetFile> {
  const file = asyncBuffer(source);
  const metadata: FileMetaData = await parquetMetadataAsync(file).catch((error: unknown) => {
    throw new DataError(`${source.name} could not be read as Parquet (${error instanceof Error ? error.message : String(error)}). Is the file complete?`);
  });
  const root = parquetSchema(metadata);
  const columns: ParquetColumn[] = [];
  const nested: string[] = [];
  for (const child of root.children) {
    if (child.children.length > 0 || child.element.repetition_type === 'REPEATED') nested.push(child.element.name);
    else columns.push({ name: child.element.name, kind: kindOf(child) });
  }
  const groups: { rowStart: number; rowEnd: number }[] = [];
  let rowStart = 0;
  for (const group of metadata.row_groups) {
    const rowEnd = rowStart + Number(group.num_rows);
    groups.push({ rowStart, rowEnd });
    rowStart = rowEnd;
  }
  const codecs = [...new Set(metadata.row_groups.flatMap((g) => g.columns.map((c) => (c.meta_data?.codec ?? 'UNCOMPRESSED').toLowerCase())))];
  return {
    name: source.name,
    size: source.size,
    rowCount: Number(metadata.num_rows),
    columns,
    nested,
    codecs,
    groups,
    async readGroup(wanted, { rowStart: start, rowEnd: end }) {
      const chunks: ColumnData[] = [];
      const decoded: ParquetGroup = new Map();
      try {
        // A whole row group's flat columns are decoded here, without hyparquet's list assembly.
        const index = groups.findIndex((g) => g.rowStart === start && g.rowEnd === end);
        const rest = index < 0 ? [...wanted] : await readFlat(source, metadata.row_groups[index], root, wanted, end - start, decoded);
        if (rest.length > 0) {
          await parquetRead({ file, metadata, columns: rest, rowStart: start, rowEnd: end, compressors: COMPRESSORS, onChunk: (chunk) => chunks.push(chunk) });
        }
      } catch (error) {
        throw new DataError(`${source.name}: rows ${start + 1}–${end} could not be decoded (${error instanceof Error ? error.message : String(error)}).`);
      }
      for (const name of wanted) if (!decoded.has(name)) decoded.set(name, assemble(name, chunks, start, end));
      return decoded;
    },
  };
}

/**
 * Decodes the wanted flat columns of one row group into `decoded`, each chunk's bytes read on
 * its own; returns the names left for parquetRead (a column this reader does not handle).
 */
async function readFlat(source: ByteSource, group: RowGroup, root: SchemaTree, wanted: readonly string[], rows: number, decoded: ParquetGroup): Promise<string[]> {
  const rest: string[] = [];
  for (const name of wanted) {
    const chunk = group.columns.find((c) => c.meta_data?.path_in_schema.length === 1 && c.meta_data.path_in_schema[0] === name);
    const range = chunk ? columnChunkRange(chunk) : null;
    const values = chunk && range ? readFlatColumn(await source.read(range.start, range.end), chunk, root, rows, COMPRESSORS) : null;
    if (values) decoded.set(name, values);
    else rest.push(name);
  }
  return rest;
}

/** A column's values for rows [start, end) from its decoded chunks: the one chunk itself when it covers them exactly. */
function assemble(name: string, chunks: readonly ColumnData[], start: number, end: number): ArrayLike<unknown> {
  const own = chunks.filter((c) => c.columnName === name).sort((a, b) => a.rowStart - b.rowStart);
  if (own.length === 1 && own[0].rowStart === start && own[0].rowEnd === end) return own[0].columnData as ArrayLike<unknown>;
  const values = new Array<unknown>(end - start);
  let next = start;
  for (const chunk of own) {
    const data = chunk.columnData as ArrayLike<unknown>;
    const from = Math.max(next, chunk.rowStart);
    const to = Math.min(end, chunk.rowEnd);
    for (let row = from; row < to; row++) values[row - start] = data[row - chunk.rowStart];
    next = Math.max(next, to);
  }
  if (next < end) throw new DataError(`Parquet column "${name}" is missing rows ${next + 1}–${end}: the file looks damaged.`);
  return values;
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

/** A Parquet value as text, as the page shows it: dates in ISO form, bytes in hex; null for none. */
export function parquetText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (value instanceof Uint8Array) return Array.from(value, (b) => b.toString(16).padStart(2, '0')).join('');
  if (typeof value === 'object') return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v));
  return String(value);
}

import type { ByteSource } from './byte-source';
import { ColumnBuilder } from './column-builder';
import { nextTask } from './csv-stream';
import type { Dataset } from './dataset';
import { DataError, ParseCancelled } from './errors';
import { MAX_CELLS } from './limits';
import type { ReadHooks } from './read-options';
import { openParquetFile, parquetText, type ParquetValueKind } from './parquet-file';
import { tidyColumns } from './tidy-columns';
import { duplicatedNames } from './header';

/**
 * Reads a Parquet file (pandas, Spark, DuckDB and BigQuery exports) into the same typed
 * columns as a CSV, one row group at a time so progress shows and a cancel lands between
 * groups. Nested columns (lists, structs, maps) are left out with a note: a model input is
 * one value per row.
 */
export async function readParquet(source: ByteSource, hooks: ReadHooks, sha256: Promise<string> | string, wanted?: readonly string[] | null): Promise<Dataset> {
  const parquet = await openParquetFile(source);
  const { columns: all, nested, rowCount } = parquet;
  // Only the columns asked for are decoded (ReadOptions.columns); all of them when one is missing.
  const kept = wanted ? all.filter((c) => wanted.includes(c.name)) : all;
  const flat = wanted && wanted.every((name) => kept.some((c) => c.name === name)) ? kept : all;
  if (all.length < 2) {
    throw new DataError(`${source.name} has ${all.length === 0 ? 'no' : 'a single'} flat column. Cutoff needs a label column and at least one feature or score column.`);
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
  for (const group of parquet.groups) {
    await nextTask();
    if (hooks.signal?.aborted) throw new ParseCancelled();
    const decoded = await parquet.readGroup(
      flat.map((c) => c.name),
      group,
    );
    flat.forEach((column, c) => appendGroup(builders[c], column.kind, decoded.get(column.name) ?? []));
    rowStart = group.rowEnd;
    hooks.onProgress?.({ bytesRead: Math.round((source.size * rowStart) / rowCount), rows: rowStart });
  }
  const tidy = tidyColumns(
    builders.map((b) => b.finish()),
    flat.map((c) => c.name),
    builders.map((b) => b.paddedCells),
  );
  const groups = parquet.groups.length;
  const notes = [`Read as Parquet: ${groups} row group${groups === 1 ? '' : 's'}, ${parquet.codecs.join('/')} compressed; messages count rows, not lines.`];
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
    duplicatedNames: duplicatedNames(all.map((c) => c.name)),
  };
}

/** Pushes one row group's values of a column, in row order. */
function appendGroup(builder: ColumnBuilder, kind: ParquetValueKind, values: ArrayLike<unknown>): void {
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (kind === 'number') builder.pushValue(value === null || value === undefined ? Number.NaN : Number(value));
    else builder.pushLevel(parquetText(value));
  }
}

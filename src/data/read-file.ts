import { memorySource, type ByteSource } from './byte-source';
import type { Dataset } from './dataset';
import { DataError } from './errors';
import { checkFileSize, MAX_INFLATED_BYTES } from './limits';
import { openInput } from './open-input';
import { readCsv } from './read-csv';
import { DEFAULT_READ_OPTIONS, type ReadHooks, type ReadOptions } from './read-options';
import { sha256Hex } from './sha256';

export { DEFAULT_READ_OPTIONS, type ReadHooks, type ReadOptions, type ReadProgress } from './read-options';

/**
 * What the reader needs of an uploaded file: a structural type (a browser File and a Node
 * Blob both fit), so src/data names no DOM type.
 */
export interface UploadedFile {
  readonly name: string;
  readonly size: number;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * Reads a user's file into a Dataset through the one table reader (openInput: gzip, Parquet,
 * Excel workbooks, refusals, CSV). The bytes are read once and serve both the fingerprint and the parse:
 * reading the file slice by slice cost a fifth of the parse time.
 */
export async function readDataFile(file: UploadedFile, options: ReadOptions = DEFAULT_READ_OPTIONS, hooks: ReadHooks = {}): Promise<Dataset> {
  checkFileSize(file);
  const buffer = await readAll(file);
  // The digest runs off this thread (Web Crypto) while the parse runs on it.
  const sha256 = sha256Hex(buffer);
  sha256.catch(() => undefined);
  return readDataSource(memorySource(file.name, new Uint8Array(buffer)), sha256, options, hooks);
}

/**
 * The one table reader on a byte source: the page's bytes in memory (readDataFile), or the
 * command's file on disk, read as it is parsed so it is never held whole. `sha256` is the
 * caller's fingerprint of the same bytes. The caller checks the file's size (checkFileSize).
 */
export async function readDataSource(source: ByteSource, sha256: Promise<string>, options: ReadOptions = DEFAULT_READ_OPTIONS, hooks: ReadHooks = {}): Promise<Dataset> {
  const input = await openInput(source, { encoding: options.encoding, maxInflatedBytes: MAX_INFLATED_BYTES });
  if (input.format !== 'xlsx' && options.sheet) throw new DataError(`${source.name} is not an Excel workbook, so it has no sheet "${options.sheet}" to read.`);
  const dataset =
    input.format === 'parquet'
      ? // Loaded only for a Parquet file: a CSV-only session never downloads the decoders.
        await (await import('./read-parquet')).readParquet(input.source, hooks, sha256, options.columns)
      : input.format === 'xlsx'
        ? // Likewise for a workbook's reader.
          await (await import('./read-xlsx')).readXlsx(input.source, options, hooks, sha256, MAX_INFLATED_BYTES)
        : await readCsv(input.stream, source.size, options, hooks, sha256);
  dataset.notes.unshift(...input.notes);
  return dataset;
}

async function readAll(file: UploadedFile): Promise<ArrayBuffer> {
  try {
    return await file.arrayBuffer();
  } catch (error) {
    if (error instanceof RangeError) throw new DataError(`${file.name} does not fit in this browser tab's memory. Aggregate it first (score,label,count) or sample the rows.`);
    throw new DataError(`${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Was it moved or changed while being read?`);
  }
}

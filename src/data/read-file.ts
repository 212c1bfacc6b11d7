import { memorySource } from './byte-source';
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
  const input = await openInput(memorySource(file.name, new Uint8Array(buffer)), { encoding: options.encoding, maxInflatedBytes: MAX_INFLATED_BYTES });
  if (input.format !== 'xlsx' && options.sheet) throw new DataError(`${file.name} is not an Excel workbook, so it has no sheet "${options.sheet}" to read.`);
  const dataset =
    input.format === 'parquet'
      ? // Loaded only for a Parquet file: a CSV-only session never downloads the decoders.
        await (await import('./read-parquet')).readParquet(input.source, hooks, sha256)
      : input.format === 'xlsx'
        ? // Likewise for a workbook's reader.
          await (await import('./read-xlsx')).readXlsx(input.source, options, hooks, sha256, MAX_INFLATED_BYTES)
        : await readCsv(input.stream, file.size, options, hooks, sha256);
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

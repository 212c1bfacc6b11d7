import { looksBinary, sniffEncoding } from './binary';
import { streamCsv, type Delimiter } from './csv-stream';
import type { Dataset } from './dataset';
import { DataError } from './errors';
import { checkFileSize } from './limits';
import { sha256Hex } from './sha256';
import { TableBuilder } from './table-builder';

/** How the user asked for a file to be read; every field can be left to detection. */
export interface ReadOptions {
  /** null: detect among `,` `;` tab `|`. */
  delimiter: Delimiter | null;
  /** null: detect whether the first row names the columns. */
  hasHeader: boolean | null;
  /** Leave out rows whose field count differs, instead of refusing the file. */
  skipRagged: boolean;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { delimiter: null, hasHeader: null, skipRagged: false };

export interface ReadProgress {
  bytesRead: number;
  rows: number;
}

export interface ReadHooks {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the read between chunks with ParseCancelled. */
  signal?: AbortSignal;
}

/** Bytes looked at to tell text from binary. */
const SNIFF_BYTES = 4096;

/**
 * Reads a user's file into a Dataset: refuses what cannot be a CSV before parsing, then runs
 * it chunk by chunk through the parser into typed columns, fingerprinting the bytes meanwhile.
 */
export async function readCsvFile(
  file: Blob & { name: string },
  options: ReadOptions = DEFAULT_READ_OPTIONS,
  hooks: ReadHooks = {},
): Promise<Dataset> {
  checkFileSize(file);
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const encoding = sniffEncoding(head);
  if (encoding === 'utf-8' && looksBinary(head)) {
    throw new DataError(`${file.name} is not a text CSV file (it looks binary, e.g. a spreadsheet or an image). Save it as CSV first.`);
  }
  // One read serves both the fingerprint and the parse; the digest runs off this thread
  // (Web Crypto) while the parse runs on it.
  const buffer = await readAll(file);
  const bytes = new Uint8Array(buffer);
  const sha256 = sha256Hex(buffer);
  sha256.catch(() => undefined);
  const table = new TableBuilder({
    fileName: file.name,
    totalBytes: file.size,
    hasHeader: options.hasHeader ?? undefined,
    skipRagged: options.skipRagged,
  });
  try {
    await streamCsv(
      bytes,
      {
        delimiter: options.delimiter ?? undefined,
        encoding,
        signal: hooks.signal,
        onProgress: (bytesRead) => hooks.onProgress?.({ bytesRead, rows: table.rows }),
      },
      (batch) => table.add(batch),
    );
  } catch (error) {
    // A typed array that cannot be allocated: the tab is out of memory, not the code broken.
    if (error instanceof RangeError) {
      throw new DataError(`${file.name} does not fit in this browser tab's memory (${table.rows} rows read). Aggregate it first (score,label,count) or sample the rows.`);
    }
    throw error;
  }
  const dataset = table.finish(await sha256);
  if (encoding !== 'utf-8') dataset.notes.unshift(`Read as ${encoding.toUpperCase()} text.`);
  return dataset;
}

async function readAll(file: Blob & { name: string }): Promise<ArrayBuffer> {
  try {
    return await file.arrayBuffer();
  } catch (error) {
    if (error instanceof RangeError) throw new DataError(`${file.name} does not fit in this browser tab's memory. Aggregate it first (score,label,count) or sample the rows.`);
    throw new DataError(`${file.name} could not be read (${error instanceof Error ? error.message : String(error)}). Was it moved or changed while being read?`);
  }
}

import type { ByteStream } from './byte-source';
import { streamCsv, type CsvStreamOptions } from './csv-stream';
import type { Dataset } from './dataset';
import { encodingName, type TextEncoding } from './encoding';
import { DataError } from './errors';
import type { ReadHooks, ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';

/**
 * Reads a CSV stream into a Dataset: the bytes stream through the parser (which chooses the
 * encoding on the first chunk) into typed columns. `storedSize` is the file's size as stored
 * (compressed, for gzip): progress and the columns' sizing count stored bytes. `sha256` is the
 * caller's fingerprint of the same bytes.
 */
export async function readCsv(stream: ByteStream, storedSize: number, options: ReadOptions, hooks: ReadHooks, sha256: Promise<string> | string): Promise<Dataset> {
  const table = new TableBuilder({
    fileName: stream.name,
    totalBytes: storedSize,
    hasHeader: options.hasHeader ?? undefined,
    skipRagged: options.skipRagged,
    maxCells: hooks.maxCells,
    columns: options.columns,
    // Read by the parser before each chunk: from the header on, only the kept cells are made.
    onProjection: (projection) => (streamOptions.projection = projection),
  });
  const streamOptions: CsvStreamOptions = {
    delimiter: options.delimiter ?? undefined,
    encoding: options.encoding,
    signal: hooks.signal,
    onProgress: (bytesRead) => hooks.onProgress?.({ bytesRead, rows: table.rows }),
    projection: null,
  };
  let encoding: TextEncoding;
  try {
    const dialect = await streamCsv(stream, streamOptions, (batch) => table.add(batch));
    encoding = dialect.encoding ?? 'utf-8';
  } catch (error) {
    // A typed array that cannot be allocated: the tab is out of memory, not the code broken.
    if (error instanceof RangeError) {
      throw new DataError(`${stream.name} does not fit in memory (${table.rows} rows read). Aggregate it first (score,label,count) or sample the rows.`);
    }
    throw error;
  }
  const dataset = table.finish(await sha256);
  dataset.encoding = encoding;
  if (encoding !== 'utf-8') dataset.notes.unshift(encodingNote(encoding, options.encoding !== null));
  return dataset;
}

function encodingNote(encoding: Exclude<TextEncoding, 'utf-8'>, chosen: boolean): string {
  const name = encodingName(encoding);
  if (chosen) return `Read as ${name} text, as chosen.`;
  if (encoding === 'windows-1252')
    return `Read as ${name} text: the bytes are not valid UTF-8 (Excel on Windows saves CSV this way). Choose another encoding if letters look wrong.`;
  return `Read as ${name} text (the file starts with a UTF-16 byte order mark).`;
}

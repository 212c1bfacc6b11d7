import type { ByteSource } from './byte-source';
import { streamCsv } from './csv-stream';
import type { Dataset } from './dataset';
import { detectEncoding, encodingName } from './encoding';
import { DataError } from './errors';
import type { ReadHooks, ReadOptions } from './read-options';
import { TableBuilder } from './table-builder';

/** Bytes looked at to choose the encoding: the first chunk the parser reads. */
export const ENCODING_SNIFF_BYTES = 512 << 10;

/**
 * Reads a CSV from any byte source into a Dataset: chooses the encoding from the first
 * chunk, then streams the bytes through the parser into typed columns. The same core serves
 * the page's worker (bytes in memory) and the CLI (a file on disk, read chunk by chunk);
 * `sha256` is the caller's fingerprint of the same bytes.
 */
export async function readCsv(source: ByteSource, options: ReadOptions, hooks: ReadHooks, sha256: Promise<string> | string): Promise<Dataset> {
  const head = await source.read(0, ENCODING_SNIFF_BYTES);
  const encoding = detectEncoding(head, options.encoding);
  const table = new TableBuilder({
    fileName: source.name,
    totalBytes: source.size,
    hasHeader: options.hasHeader ?? undefined,
    skipRagged: options.skipRagged,
    maxCells: hooks.maxCells,
  });
  try {
    await streamCsv(
      source,
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
      throw new DataError(`${source.name} does not fit in memory (${table.rows} rows read). Aggregate it first (score,label,count) or sample the rows.`);
    }
    throw error;
  }
  const dataset = table.finish(await sha256);
  dataset.encoding = encoding;
  if (encoding !== 'utf-8') dataset.notes.unshift(encodingNote(encoding, options.encoding !== null));
  return dataset;
}

function encodingNote(encoding: Exclude<ReturnType<typeof detectEncoding>, 'utf-8'>, chosen: boolean): string {
  const name = encodingName(encoding);
  if (chosen) return `Read as ${name} text, as chosen.`;
  if (encoding === 'windows-1252')
    return `Read as ${name} text: the bytes are not valid UTF-8 (Excel on Windows saves CSV this way). Choose another encoding if letters look wrong.`;
  return `Read as ${name} text (the file starts with a UTF-16 byte order mark).`;
}

import Papa from 'papaparse';
import type { ByteSource } from './byte-source';
import { streamDecoder, type TextEncoding } from './encoding';
import { DataError, ParseCancelled } from './errors';
import { readSepLine } from './sep-line';

/** The delimiters Cutoff detects and offers. */
export const DELIMITERS = [',', ';', '\t', '|'] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * Bytes read and parsed at a time. Half a megabyte keeps each chunk's short-lived cell strings
 * in the young generation of the garbage collector: 2 MB chunks were a third slower.
 */
export const CHUNK_BYTES = 512 << 10;

/**
 * Longest text a single row may span. Only a quote that is never closed makes a row this long,
 * and re-reading an ever-growing unfinished row on every chunk would take minutes.
 */
export const MAX_ROW_CHARS = 32 << 20;

/** One chunk's rows, each with the file line (1-based) it starts on. */
export interface CsvBatch {
  rows: string[][];
  lines: Uint32Array;
  dialect: CsvDialect;
  /** Bytes of the file read once this batch is parsed. */
  bytesRead: number;
}

export interface CsvStreamOptions {
  /** A delimiter chosen by the user; undefined lets PapaParse detect it from the first rows. */
  delimiter?: Delimiter;
  /** The text encoding of the bytes (see detectEncoding). */
  encoding?: TextEncoding;
  chunkBytes?: number;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
}

export type Linebreak = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  linebreak: Linebreak;
  /** True when an Excel `sep=X` first line named the delimiter (and was skipped). */
  sepLine?: boolean;
}

/** What PapaParse's core Parser returns (its typings say `any`). */
interface CoreResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/** Longest stretch of parsing between two looks at the message queue (for a cancel). */
const YIELD_EVERY_MS = 30;

/**
 * Lets queued messages run. A MessageChannel round trip rather than setTimeout, which browsers
 * clamp to 4 ms once timers nest.
 */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      port2.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * Runs a file's bytes through PapaParse's core parser chunk by chunk, handing each chunk's
 * rows to `onBatch` and keeping none. Decoding is done here rather than by Papa's file
 * streamer so that a character split across chunks is decoded whole (stream mode), the BOM
 * is dropped, an Excel `sep=X` line is read and skipped, cancel is checked between chunks,
 * and every row gets its true line number even when quoted cells hold line breaks. The
 * source is read in order, one chunk at a time: from memory in the page, from disk in the CLI.
 */
export async function streamCsv(source: ByteSource, options: CsvStreamOptions, onBatch: (batch: CsvBatch) => void): Promise<CsvDialect> {
  const chunkBytes = options.chunkBytes ?? CHUNK_BYTES;
  const size = source.size;
  const decoder = streamDecoder(options.encoding ?? 'utf-8');
  let dialect: CsvDialect | null = null;
  let parser: Papa.Parser | null = null;
  let partial = '';
  let line = 1;
  let yielded = performance.now();
  for (let start = 0; start < size; start += chunkBytes) {
    if (performance.now() - yielded > YIELD_EVERY_MS) {
      await nextTask();
      yielded = performance.now();
    }
    if (options.signal?.aborted) throw new ParseCancelled();
    const last = start + chunkBytes >= size;
    const chunk = await source.read(start, Math.min(size, start + chunkBytes));
    let text = partial + decoder.decode(chunk, last);
    if (dialect === null && !last && !enoughToDetect(text)) {
      partial = text;
      options.onProgress?.(start + chunkBytes);
      continue;
    }
    if (dialect === null) {
      const sep = readSepLine(text);
      if (sep) {
        text = text.slice(sep.length);
        line = 2;
      }
      dialect = detectDialect(text, options.delimiter ?? sep?.delimiter);
      if (sep) dialect.sepLine = true;
    }
    parser ??= new Papa.Parser({ delimiter: dialect.delimiter, newline: dialect.linebreak, quoteChar: '"' });
    const result = parser.parse(text, 0, !last) as CoreResult;
    const unclosed = result.errors.find((e) => e.code === 'MissingQuotes');
    partial = last ? '' : text.slice(result.meta.cursor);
    const rows = result.data;
    if (last && rows.length > 0 && isTrailingEmpty(rows[rows.length - 1])) rows.pop();
    const lines = new Uint32Array(rows.length);
    // Only a chunk with a quote can have line breaks inside cells (Papa's own fast-path test).
    const breakChar = dialect.linebreak === '\r' ? '\r' : '\n';
    const quoted = text.indexOf('"') !== -1;
    for (let i = 0; i < rows.length; i++) {
      lines[i] = line;
      line += quoted ? 1 + breaksIn(rows[i], breakChar) : 1;
    }
    if (partial.length > MAX_ROW_CHARS) {
      throw new DataError(
        `The row starting on line ${line} runs on for more than ${MAX_ROW_CHARS >> 20} million characters: a quoted cell (") is probably never closed. Close the quote or remove it.`,
      );
    }
    if (unclosed) {
      const at = unclosed.row !== undefined && unclosed.row < rows.length ? lines[unclosed.row] : line;
      throw new DataError(`Line ${at} opens a quoted cell (") that is never closed, so the rest of the file would read as one cell. Close the quote or remove it.`);
    }
    const bytesRead = Math.min(size, start + chunkBytes);
    onBatch({ rows, lines, dialect, bytesRead });
    options.onProgress?.(bytesRead);
  }
  return dialect ?? { delimiter: options.delimiter ?? ',', linebreak: '\n' };
}

/**
 * The delimiter (PapaParse's guess among `,` `;` tab `|`, unless the user chose one) and the
 * line break of a file, from its first chunk of text.
 */
export function detectDialect(head: string, delimiter?: string): CsvDialect {
  const probe = Papa.parse<string[]>(head, {
    preview: 10,
    skipEmptyLines: true,
    delimiter: delimiter ?? '',
    delimitersToGuess: [...DELIMITERS],
  });
  const linebreak = probe.meta.linebreak;
  return {
    delimiter: delimiter ?? probe.meta.delimiter,
    linebreak: linebreak === '\r\n' || linebreak === '\r' ? linebreak : '\n',
  };
}

/** Text enough for the delimiter guess, which looks at the first ten rows. */
const DETECT_CHARS = 64 << 10;
const DETECT_LINES = 11;

function enoughToDetect(text: string): boolean {
  if (text.length >= DETECT_CHARS) return true;
  let lines = 0;
  for (let at = text.indexOf('\n'); at !== -1 && lines < DETECT_LINES; at = text.indexOf('\n', at + 1)) lines++;
  return lines >= DETECT_LINES || text.split('\r').length > DETECT_LINES;
}

function isTrailingEmpty(row: string[]): boolean {
  return row.length === 1 && row[0] === '';
}

function breaksIn(row: string[], breakChar: string): number {
  let count = 0;
  for (const cell of row) {
    for (let at = cell.indexOf(breakChar); at !== -1; at = cell.indexOf(breakChar, at + 1)) count++;
  }
  return count;
}

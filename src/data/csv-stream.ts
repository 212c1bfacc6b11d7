import Papa from 'papaparse';
import { concatBytes, type ByteStream } from './byte-source';
import { detectEncoding, streamDecoder, type EncodingChoice, type StreamDecoder, type TextEncoding } from './encoding';
import { DataError, ParseCancelled } from './errors';
import { readSepLine } from './sep-line';
import { splitProjected, type CsvProjection } from './csv-projection';

export { BLANK_ROW, RAGGED_ROW, RaggedRow, type CsvProjection } from './csv-projection';

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
  /** True when the rows hold only the projected fields (see CsvStreamOptions.projection), their width already checked. */
  projected?: boolean;
}

export interface CsvStreamOptions {
  /** A delimiter chosen by the user; undefined lets PapaParse detect it from the first rows. */
  delimiter?: Delimiter;
  /** The encoding the user chose; undefined or null detects it (see detectEncoding). */
  encoding?: EncodingChoice | null;
  signal?: AbortSignal;
  onProgress?: (bytesRead: number) => void;
  /**
   * The fields to keep, by position, read before each chunk: a reader that needs a few columns
   * of a wide file (the command) sets it once it has the header. A chunk without a quote is
   * then split by hand and only these cells are made; each row still has its field count
   * checked (`fieldCount`), so a ragged row is refused as the page refuses it.
   */
  projection?: CsvProjection | null;
}

export type Linebreak = '\n' | '\r\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  linebreak: Linebreak;
  /** The text encoding the bytes were decoded from (set by csvBatches). */
  encoding?: TextEncoding;
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

/** Bytes looked at to choose the encoding: the first half megabyte, or the whole of a smaller file. */
export const ENCODING_SNIFF_BYTES = 512 << 10;

/**
 * The stream's chunks with one of lookahead, so the parser knows the last; the first ones,
 * up to ENCODING_SNIFF_BYTES, are read before any is handed on so the encoding can be chosen
 * on them (they are still handed on one by one, as they came).
 */
async function* withLast(stream: ByteStream, onHead: (head: Uint8Array) => void): AsyncGenerator<{ chunk: Uint8Array; last: boolean }> {
  const iterator = stream.chunks()[Symbol.asyncIterator]();
  const head: Uint8Array[] = [];
  let headBytes = 0;
  let done = false;
  while (headBytes < ENCODING_SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    // Copied: a stream may reuse its chunk's memory once the next one is asked for.
    head.push(next.value.slice());
    headBytes += next.value.length;
  }
  onHead(concatBytes(head));
  for (let i = 0; i < head.length; i++) yield { chunk: head[i], last: done && i === head.length - 1 };
  if (done) return;
  let pending = await iterator.next();
  while (!pending.done) {
    const chunk = pending.value;
    pending = await iterator.next();
    yield { chunk, last: pending.done === true };
  }
  // A stream whose last chunk was already handed on: an empty one ends the decode.
  yield { chunk: new Uint8Array(0), last: true };
}

/**
 * Runs a file's bytes through PapaParse's core parser chunk by chunk, yielding each chunk's
 * rows and keeping none. Decoding is done here rather than by Papa's file streamer so that
 * the encoding is chosen on the first bytes (a BOM, valid UTF-8, else Windows-1252), a
 * character split across chunks is decoded whole (stream mode), the BOM is dropped, an Excel
 * `sep=X` line is read and skipped, cancel is checked between chunks, and every row gets its
 * true line number even when quoted cells hold line breaks. The page (bytes in memory, or
 * inflated from gzip) and the command (a file on disk, or standard input) both read CSV here.
 */
export async function* csvBatches(stream: ByteStream, options: CsvStreamOptions = {}): AsyncGenerator<CsvBatch> {
  // Set from the first bytes, before the first chunk is handed on.
  const chosen: { encoding: TextEncoding; decoder: StreamDecoder } = { encoding: 'utf-8', decoder: streamDecoder('utf-8') };
  let dialect: CsvDialect | null = null;
  let parser: Papa.Parser | null = null;
  let partial = '';
  let line = 1;
  let yielded = performance.now();
  let empty = true;
  const chunks = withLast(stream, (head) => {
    chosen.encoding = detectEncoding(head, options.encoding ?? null);
    chosen.decoder = streamDecoder(chosen.encoding);
  });
  for await (const { chunk, last } of chunks) {
    if (performance.now() - yielded > YIELD_EVERY_MS) {
      await nextTask();
      yielded = performance.now();
    }
    if (options.signal?.aborted) throw new ParseCancelled();
    if (chunk.length > 0) empty = false;
    const piece = chosen.decoder.decode(chunk, last);
    // A piece without a line break ends no row: it is kept for the next without parsing, and a
    // row that outgrows the limit is refused before it is joined. Joining and searching it piece
    // by piece would copy a long row over and over (a 600 MB line would cost gigabytes).
    if (dialect !== null && !last && piece.indexOf(dialect.linebreak === '\r' ? '\r' : '\n') === -1) {
      if (partial.length + piece.length > MAX_ROW_CHARS) throw longRow(line);
      partial += piece;
      options.onProgress?.(stream.storedBytesRead());
      continue;
    }
    let text = partial + piece;
    if (dialect === null && !last && !enoughToDetect(text)) {
      partial = text;
      options.onProgress?.(stream.storedBytesRead());
      continue;
    }
    if (dialect === null) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      const sep = readSepLine(text);
      if (sep) {
        text = text.slice(sep.length);
        line = 2;
      }
      dialect = { ...detectDialect(text, options.delimiter ?? sep?.delimiter), encoding: chosen.encoding };
      if (sep) dialect.sepLine = true;
    }
    const projection = options.projection;
    if (projection && dialect.linebreak !== '\r' && text.indexOf('"') === -1) {
      const end = last ? text.length : text.lastIndexOf('\n') + 1;
      partial = text.slice(end);
      const split = splitProjected(text, end, dialect.delimiter, projection, line);
      line = split.line;
      if (partial.length > MAX_ROW_CHARS) throw longRow(line);
      const bytesRead = stream.storedBytesRead();
      if (split.rows.length > 0) yield { rows: split.rows, lines: split.lines, dialect, bytesRead, projected: true };
      options.onProgress?.(bytesRead);
      continue;
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
    if (partial.length > MAX_ROW_CHARS) throw longRow(line);
    if (unclosed) {
      const at = unclosed.row !== undefined && unclosed.row < rows.length ? lines[unclosed.row] : line;
      throw new DataError(`Line ${at} opens a quoted cell (") that is never closed, so the rest of the file would read as one cell. Close the quote or remove it.`);
    }
    const bytesRead = stream.storedBytesRead();
    if (rows.length > 0) yield { rows, lines, dialect, bytesRead };
    options.onProgress?.(bytesRead);
  }
  if (empty) throw new DataError(`${stream.name} is empty: there are no rows to read.`);
}

function longRow(line: number): DataError {
  return new DataError(
    `The row starting on line ${line} runs on for more than ${MAX_ROW_CHARS >> 20} million characters: a quoted cell (") is probably never closed. Close the quote or remove it.`,
  );
}

/** Every batch of a CSV handed to `onBatch`; the dialect it was read in. */
export async function streamCsv(stream: ByteStream, options: CsvStreamOptions, onBatch: (batch: CsvBatch) => void): Promise<CsvDialect> {
  let dialect: CsvDialect | null = null;
  for await (const batch of csvBatches(stream, options)) {
    dialect = batch.dialect;
    onBatch(batch);
  }
  return dialect ?? { delimiter: options.delimiter ?? ',', linebreak: '\n', encoding: 'utf-8' };
}

/**
 * The delimiter (PapaParse's guess among `,` `;` tab `|`, unless the user chose one) and the
 * line break of a file, from its first chunk of text.
 */
export function detectDialect(head: string, delimiter?: string): Omit<CsvDialect, 'encoding'> {
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

import { compoundFileKind, isCompoundFile, isParquet, isZip, looksBinary } from './binary';
import { collectStream, concatBytes, memorySource, streamOf, type ByteSource, type ByteStream } from './byte-source';
import { CHUNK_BYTES } from './csv-stream';
import { encodingFromBom, type EncodingChoice } from './encoding';
import { DataError } from './errors';
import { gunzipStream, isGzip } from './gzip';
import { describeBytes } from './limits';

/**
 * A gzip file's last four bytes are its (last member's) unpacked size, mod 2^32: a file that says
 * it unpacks past the limit is refused at once, naming both sizes, instead of after inflating and
 * parsing a gigabyte. A larger file whose size wraps round, or several members, still meet the
 * limit while streaming (gunzipStream's maxBytes).
 */
async function refuseByTrailer(source: ByteSource, maxBytes: number): Promise<void> {
  if (source.size < 18) return;
  const t = await source.read(source.size - 4, source.size);
  const unpacked = (t[0] | (t[1] << 8) | (t[2] << 16) | (t[3] << 24)) >>> 0;
  // Deflate packs at most about 1032:1: a larger claim is no trailer (a file cut short), left to the stream to find.
  if (unpacked > maxBytes && unpacked <= source.size * 1032) {
    throw new DataError(
      `${source.name} is gzip-compressed: ${describeBytes(source.size)} that unpack to ${describeBytes(unpacked)} (as its trailer says), more than the ${describeBytes(maxBytes)} that can be read here. Aggregate it first (score,label,count) or sample the rows.`,
    );
  }
}

/** Bytes looked at to tell the format, and text from binary. */
const SNIFF_BYTES = 4096;

/** A file opened by what its bytes are, not by its name. */
export type OpenedInput =
  | { format: 'csv'; stream: ByteStream; gzip: boolean; notes: string[] }
  | { format: 'parquet'; source: ByteSource; gzip: boolean; notes: string[] }
  | { format: 'xlsx'; source: ByteSource; gzip: boolean; notes: string[] };

export interface OpenInputOptions {
  /** The encoding the user chose (UTF-16 text is full of NUL bytes, so it is not refused as binary). */
  encoding?: EncodingChoice | null;
  /** Most bytes a gzip file may unpack to (the page's tab limit); no limit by default. */
  maxInflatedBytes?: number;
}

/**
 * Opens a file for the one table reader, page and command alike: gzip (1f 8b) is inflated as
 * it streams, then the bytes decide: Parquet by its magic number, an .xlsx workbook as a zip
 * archive, refusals for an .ods, .xls, password-protected or other binary file, else CSV/TSV
 * text. A random-access source stays one (Parquet and a workbook read their end first); a
 * stream that turns out to be either is read into memory.
 */
export async function openInput(input: ByteSource | ByteStream, options: OpenInputOptions = {}): Promise<OpenedInput> {
  let stream = 'read' in input ? streamOf(input, CHUNK_BYTES) : input;
  let sniffed = await sniff(stream);
  const notes: string[] = [];
  const gzip = isGzip(sniffed.head);
  if (gzip) {
    if ('read' in input && options.maxInflatedBytes !== undefined) await refuseByTrailer(input, options.maxInflatedBytes);
    stream = gunzipStream(sniffed.stream, options.maxInflatedBytes);
    sniffed = await sniff(stream);
    if (sniffed.head.length === 0) throw new DataError(`${input.name} is gzip-compressed but holds nothing: there are no rows to read.`);
    notes.push(`Unpacked from gzip as it was read.`);
  } else if (/\.gz$/i.test(input.name) && sniffed.head.length > 0) {
    notes.push(`${input.name} is named .gz but is not gzip-compressed: read as it is.`);
  }
  const { head } = sniffed;
  const what = gzip ? `${input.name} (gzip-compressed)` : input.name;
  if (head.length === 0) throw new DataError(`${input.name} is empty: there are no rows to read.`);
  if (isParquet(head)) {
    const source = 'read' in input && !gzip ? input : memorySource(input.name, await collectStream(sniffed.stream));
    return { format: 'parquet', source, gzip, notes };
  }
  if (/\.parquet(\.gz)?$/i.test(input.name)) {
    throw new DataError(`${what} is named .parquet but does not start like a Parquet file (the bytes "PAR1"). Export it again, or save it as CSV.`);
  }
  if (isZip(head)) {
    // An OpenDocument (.ods) file names its kind in an uncompressed first entry, "mimetype".
    if (/vnd\.oasis\.open\w+\.spreadsheet/.test(new TextDecoder().decode(head.subarray(30, 120)))) {
      throw new DataError(`${what} is an OpenDocument spreadsheet (.ods), which Cutoff does not read. Save it as Excel (.xlsx) or CSV.`);
    }
    // A workbook is read at its end first (the zip directory): held whole when it came as a stream.
    const source = 'read' in input && !gzip ? input : memorySource(input.name, await collectStream(sniffed.stream));
    return { format: 'xlsx', source, gzip, notes };
  }
  if (isCompoundFile(head)) throw new DataError(compoundFileMessage(what, compoundFileKind(await collectStream(sniffed.stream))));
  // UTF-16 text is full of NUL bytes; only its byte order mark tells it from binary.
  const bom = encodingFromBom(head);
  const utf16 = bom === 'utf-16le' || bom === 'utf-16be' || options.encoding === 'utf-16';
  if (!utf16 && looksBinary(head)) {
    throw new DataError(`${what} is not a text CSV file (it looks binary, e.g. a spreadsheet, an image or an archive). Save it as CSV or Parquet first.`);
  }
  return { format: 'csv', stream: sniffed.stream, gzip, notes };
}

function compoundFileMessage(what: string, kind: 'encrypted' | 'xls' | 'other'): string {
  if (kind === 'encrypted')
    return `${what} is a password-protected workbook, which Cutoff cannot open. Remove the password in Excel (File › Info › Protect Workbook), or save the sheet as CSV.`;
  if (kind === 'xls') return `${what} is an Excel 97–2003 workbook (.xls), which Cutoff does not read. Save it as .xlsx (Excel Workbook) or CSV.`;
  return `${what} is an old Office file (a compound file, not a table). Save the sheet as .xlsx or CSV.`;
}

/** The first bytes of a stream, and the stream again from its start. */
async function sniff(stream: ByteStream): Promise<{ head: Uint8Array; stream: ByteStream }> {
  const iterator = stream.chunks()[Symbol.asyncIterator]();
  const first: Uint8Array[] = [];
  let length = 0;
  let done = false;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) {
      done = true;
      break;
    }
    first.push(next.value.slice());
    length += next.value.length;
  }
  const head = concatBytes(first);
  let used = false;
  const replay: ByteStream = {
    name: stream.name,
    size: stream.size,
    storedBytesRead: stream.storedBytesRead,
    async *chunks() {
      if (used) throw new Error(`${stream.name} can be read once`);
      used = true;
      yield* first;
      if (done) return;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    },
  };
  return { head: head.subarray(0, Math.min(SNIFF_BYTES, length)), stream: replay };
}

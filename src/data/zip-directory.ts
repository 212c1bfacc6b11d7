/**
 * The entries of a zip archive (what an .xlsx workbook is), read from its central directory,
 * and one entry's bytes inflated as they stream: a workbook's sheet can unpack to hundreds of
 * megabytes of XML, which is scanned chunk by chunk and never held whole.
 */
import { Inflate } from 'fflate';
import type { ByteSource } from './byte-source';
import { DataError } from './errors';
import { describeBytes } from './limits';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflate; anything else is refused when read. */
  method: number;
  compressedSize: number;
  size: number;
  headerOffset: number;
  /** Zip's own (weak) encryption; Office's password protection is not a zip at all. */
  encrypted: boolean;
}

/** Bytes of compressed data read at a time. */
const SLICE_BYTES = 1 << 20;
/** End-of-central-directory record: 22 bytes and a comment of up to 65535. */
const EOCD_SEARCH = 22 + 0xffff;

const u16 = (b: Uint8Array, at: number) => b[at] | (b[at + 1] << 8);
const u32 = (b: Uint8Array, at: number) => (b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24)) >>> 0;
const u64 = (b: Uint8Array, at: number) => u32(b, at) + u32(b, at + 4) * 2 ** 32;

function corrupt(name: string, what: string): DataError {
  return new DataError(
    `${name} looks like an Excel workbook (a zip archive) but is damaged or incomplete (${what}). Open it in Excel and save it again, or save the sheet as CSV.`,
  );
}

/** The archive's entries, by the central directory at its end. */
export async function readZipDirectory(source: ByteSource): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - EOCD_SEARCH);
  const tail = await source.read(tailStart, source.size);
  let eocd = -1;
  for (let at = tail.length - 22; at >= 0; at--) {
    if (u32(tail, at) === 0x06054b50) {
      eocd = at;
      break;
    }
  }
  if (eocd < 0) throw corrupt(source.name, 'its directory of files at the end is missing: the file may have been cut short');
  let count = u16(tail, eocd + 10);
  let directorySize = u32(tail, eocd + 12);
  let directoryOffset = u32(tail, eocd + 16);
  // Zip64: the counts are in a second record, found through the locator just before this one.
  if ((count === 0xffff || directoryOffset === 0xffffffff) && eocd >= 20 && u32(tail, eocd - 20) === 0x07064b50) {
    const record = await source.read(u64(tail, eocd - 12), u64(tail, eocd - 12) + 56);
    if (u32(record, 0) !== 0x06064b50) throw corrupt(source.name, 'a bad zip64 record');
    count = u64(record, 32);
    directorySize = u64(record, 40);
    directoryOffset = u64(record, 48);
  }
  if (directoryOffset + directorySize > source.size) throw corrupt(source.name, 'its directory points past its end');
  const directory = await source.read(directoryOffset, directoryOffset + directorySize);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  for (let at = 0, i = 0; i < count; i++) {
    if (at + 46 > directory.length || u32(directory, at) !== 0x02014b50) throw corrupt(source.name, 'a bad directory entry');
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const entry: ZipEntry = {
      name: decoder.decode(directory.subarray(at + 46, at + 46 + nameLength)),
      method: u16(directory, at + 10),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      headerOffset: u32(directory, at + 42),
      encrypted: (u16(directory, at + 8) & 1) === 1,
    };
    zip64Sizes(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    entries.push(entry);
    at += 46 + nameLength + extraLength + u16(directory, at + 32);
  }
  return entries;
}

/** Sizes and offset too large for 32 bits are in the zip64 extra field, in this order. */
function zip64Sizes(entry: ZipEntry, extra: Uint8Array): void {
  for (let at = 0; at + 4 <= extra.length; at += 4 + u16(extra, at + 2)) {
    if (u16(extra, at) !== 0x0001) continue;
    let field = at + 4;
    for (const key of ['size', 'compressedSize', 'headerOffset'] as const) {
      if (entry[key] !== 0xffffffff) continue;
      entry[key] = u64(extra, field);
      field += 8;
    }
    return;
  }
}

/**
 * One entry's bytes, inflated as they are read; `maxBytes` refuses an entry that unpacks to
 * more (a zip bomb, or a sheet bigger than a tab can hold).
 */
export async function* entryChunks(source: ByteSource, entry: ZipEntry, maxBytes = Number.POSITIVE_INFINITY): AsyncGenerator<Uint8Array> {
  if (entry.encrypted) throw new DataError(`${source.name} is encrypted (${entry.name}). Save it again without a password, or save the sheet as CSV.`);
  if (entry.method !== 0 && entry.method !== 8) throw corrupt(source.name, `${entry.name} is packed with method ${entry.method}, not deflate`);
  const header = await source.read(entry.headerOffset, entry.headerOffset + 30);
  if (header.length < 30 || u32(header, 0) !== 0x04034b50) throw corrupt(source.name, `no data where ${entry.name} should start`);
  const start = entry.headerOffset + 30 + u16(header, 26) + u16(header, 28);
  const end = start + entry.compressedSize;
  if (end > source.size) throw corrupt(source.name, `${entry.name} runs past the end of the file`);
  let out: Uint8Array[] = [];
  let inflated = 0;
  const take = (chunk: Uint8Array) => {
    inflated += chunk.length;
    if (inflated > maxBytes) {
      throw new DataError(
        `${source.name}: ${entry.name} unpacks to more than ${describeBytes(maxBytes)}, more than can be read here. Save fewer rows or columns, or sample the rows.`,
      );
    }
    if (chunk.length > 0) out.push(chunk);
  };
  const inflate = entry.method === 8 ? new Inflate(take) : null;
  for (let at = start; at < end; at += SLICE_BYTES) {
    const slice = await source.read(at, Math.min(end, at + SLICE_BYTES));
    const last = at + SLICE_BYTES >= end;
    try {
      if (inflate) inflate.push(slice, last);
      else take(slice.slice());
    } catch (error) {
      if (error instanceof DataError) throw error;
      throw corrupt(source.name, `${entry.name} does not unpack: ${error instanceof Error ? error.message : String(error)}`);
    }
    const ready = out;
    out = [];
    yield* ready;
  }
  if (entry.compressedSize === 0 && inflate) inflate.push(new Uint8Array(0), true);
  yield* out;
  if (inflated !== entry.size) throw corrupt(source.name, `${entry.name} unpacks to ${inflated} bytes, not the ${entry.size} its directory says`);
}

/** One whole entry, for the workbook's small parts (its sheet list, relationships, styles). */
export async function entryText(source: ByteSource, entry: ZipEntry, maxBytes: number): Promise<string> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of entryChunks(source, entry, maxBytes)) {
    parts.push(chunk);
    length += chunk.length;
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(bytes);
}

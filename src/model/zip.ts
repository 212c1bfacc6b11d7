/**
 * The model download's ZIP, through fflate: written uncompressed ("stored": float weights hardly
 * compress) with a fixed date, so the same model always gives the same bytes; read whether its
 * entries are stored or deflated (a user may re-zip the files).
 *
 * fflate does not check the CRC-32s of what it reads, so readZip compares every entry with the
 * checksum its central directory records: a damaged download is refused, not loaded.
 */
import { unzipSync, zipSync, type Zippable } from 'fflate';

/** One file in an archive. */
export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

// 1980-01-01 00:00, the first date ZIP can hold.
const FIXED_DATE = new Date(1980, 0, 1);

/** A stored (uncompressed) ZIP archive of `entries`, in their order. */
export function writeZip(entries: ZipEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const e of entries) files[e.name] = [e.data, { level: 0, mtime: FIXED_DATE }];
  return zipSync(files);
}

/** True when `bytes` start like a ZIP archive. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
}

/** The files of a ZIP archive (stored or deflated entries); throws on anything else or a bad checksum. */
export async function readZip(bytes: Uint8Array): Promise<ZipEntry[]> {
  const checksums = centralChecksums(bytes);
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch (error) {
    throw new Error(`damaged ZIP archive (${error instanceof Error ? error.message : String(error)})`, { cause: error });
  }
  const entries: ZipEntry[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name.endsWith('/')) continue;
    if (crc32(data) !== checksums.get(name)) throw new Error(`"${name}" is damaged (checksum mismatch)`);
    entries.push({ name, data });
  }
  return entries;
}

/** Each entry's CRC-32 as the archive's central directory records it. */
function centralChecksums(bytes: Uint8Array): Map<string, number> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  // The end record is 22 bytes plus a comment of at most 65535.
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP archive (no end record)');
  const decoder = new TextDecoder();
  const checksums = new Map<string, number>();
  let at = view.getUint32(end + 16, true);
  for (let k = view.getUint16(end + 10, true); k > 0; k--) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== 0x02014b50) throw new Error('damaged ZIP archive (bad central directory)');
    const nameLength = view.getUint16(at + 28, true);
    checksums.set(decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)), view.getUint32(at + 16, true));
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return checksums;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

/** CRC-32 (IEEE), as ZIP stores it. */
export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

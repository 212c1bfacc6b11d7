/**
 * Where a reader gets a file's bytes from, without DOM types: the page wraps an uploaded
 * file's bytes, the CLI a file handle. Readers ask for byte ranges, so a CSV can be streamed
 * from disk chunk by chunk and a Parquet file read footer first.
 */
export interface ByteSource {
  /** The file's name, for messages and the export. */
  readonly name: string;
  /** Its length in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`; `end` is clamped to the size. */
  read(start: number, end: number): Promise<Uint8Array>;
}

/** A source over bytes already in memory; reads are views, not copies. */
export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: (start, end) => Promise.resolve(bytes.subarray(start, Math.min(end, bytes.length))),
  };
}

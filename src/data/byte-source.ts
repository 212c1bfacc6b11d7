/**
 * Where a reader gets a file's bytes from, without DOM or Node types. A ByteSource can be read
 * at any offset (an uploaded file's bytes, a file on disk), which Parquet needs: it is read
 * footer first. A ByteStream only yields its bytes in order (standard input, a gzip file as it
 * is inflated), which is all a CSV needs.
 */
export interface ByteSource {
  /** The file's name, for messages and the export. */
  readonly name: string;
  /** Its length in bytes. */
  readonly size: number;
  /** Bytes `[start, end)`; `end` is clamped to the size. */
  read(start: number, end: number): Promise<Uint8Array>;
}

export interface ByteStream {
  readonly name: string;
  /** Bytes the stream will yield, when known (progress and column sizing); null for a pipe or an inflated file. */
  readonly size: number | null;
  /** Bytes of the file as stored (compressed, for a gzip file) read so far, for progress. */
  readonly storedBytesRead: () => number;
  /** The bytes, in order, in chunks of any size; each chunk may be reused once the next is asked for. */
  chunks(): AsyncIterable<Uint8Array>;
}

/** A source over bytes already in memory; reads are views, not copies. */
export function memorySource(name: string, bytes: Uint8Array): ByteSource {
  return {
    name,
    size: bytes.length,
    read: (start, end) => Promise.resolve(bytes.subarray(start, Math.min(end, bytes.length))),
  };
}

/** A source's bytes in order, `chunkBytes` at a time. */
export function streamOf(source: ByteSource, chunkBytes: number): ByteStream {
  let read = 0;
  return {
    name: source.name,
    size: source.size,
    storedBytesRead: () => read,
    async *chunks() {
      for (let start = 0; start < source.size; start += chunkBytes) {
        const chunk = await source.read(start, Math.min(source.size, start + chunkBytes));
        read = start + chunk.length;
        yield chunk;
      }
    },
  };
}

/** Reads a whole stream into memory (a gzip-compressed Parquet file, which must be read at random). */
export async function collectStream(stream: ByteStream): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const chunk of stream.chunks()) parts.push(chunk.slice());
  return concatBytes(parts);
}

/** The parts one after another in one array (the part itself when there is one). */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const bytes = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return bytes;
}

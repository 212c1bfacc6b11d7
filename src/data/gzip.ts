import { Gunzip } from 'fflate';
import type { ByteStream } from './byte-source';
import { DataError } from './errors';
import { describeBytes } from './limits';

/**
 * Compressed bytes inflated per step. Deflate unpacks at most about 1032:1, so one step holds
 * at most ~16 MB of text, and the next step waits until the reader has taken it: decompression
 * is pulled by the parser, so a gzip bomb costs time, not memory, and every limit on text (row
 * length, cells) is met within a step of where it is crossed.
 */
const INFLATE_SLICE = 16 << 10;

/** Inflated text is handed on in pieces of the size plain files are read in (CHUNK_BYTES). */
const OUT_PIECE = 512 << 10;

/** The inflated chunks as pieces of at most OUT_PIECE bytes (views, not copies). */
function* pieces(chunks: Uint8Array[]): Generator<Uint8Array> {
  for (const chunk of chunks) for (let at = 0; at < chunk.length; at += OUT_PIECE) yield chunk.subarray(at, at + OUT_PIECE);
}

/** True when the bytes start with gzip's magic number (1f 8b) and its only method, deflate (08). */
export function isGzip(head: Uint8Array): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 0x08;
}

/**
 * A gzip stream's inflated bytes, streamed: pandas' and Spark's `.csv.gz` (one or several
 * concatenated members) is never held whole. `maxBytes` refuses a file that inflates to more
 * than a reader can hold; a truncated or damaged file is refused with what it is.
 */
export function gunzipStream(compressed: ByteStream, maxBytes = Number.POSITIVE_INFINITY): ByteStream {
  return {
    name: compressed.name,
    size: null,
    storedBytesRead: compressed.storedBytesRead,
    async *chunks() {
      let out: Uint8Array[] = [];
      let outBytes = 0;
      let inflated = 0;
      // fflate does not always notice a stream cut short, so the last member's trailer is
      // checked here: its last four bytes are the member's unpacked size (mod 2^32).
      const tail = new Uint8Array(8);
      let tailLength = 0;
      let memberStart = 0;
      const gunzip = new Gunzip((chunk) => {
        if (chunk.length === 0) return;
        inflated += chunk.length;
        if (inflated > maxBytes) {
          throw new DataError(
            `${compressed.name} is gzip-compressed and unpacks to more than ${describeBytes(maxBytes)}, more than can be read here. Aggregate it first (score,label,count) or sample the rows.`,
          );
        }
        out.push(chunk);
        outBytes += chunk.length;
      });
      gunzip.onmember = () => {
        memberStart = inflated;
      };
      let empty = true;
      for await (const chunk of compressed.chunks()) {
        if (chunk.length === 0) continue;
        empty = false;
        tailLength = keepTail(tail, tailLength, chunk);
        for (let at = 0; at < chunk.length; at += INFLATE_SLICE) {
          push(gunzip, chunk.subarray(at, at + INFLATE_SLICE), false, compressed.name, inflated);
          if (outBytes >= OUT_PIECE) {
            const ready = out;
            out = [];
            outBytes = 0;
            yield* pieces(ready);
          }
        }
      }
      push(gunzip, new Uint8Array(0), true, compressed.name, inflated);
      if (empty) throw new DataError(`${compressed.name} is empty: there are no rows to read.`);
      const size = tailLength === 8 ? (tail[4] | (tail[5] << 8) | (tail[6] << 16) | (tail[7] << 24)) >>> 0 : -1;
      if (size !== (inflated - memberStart) % 2 ** 32) throw truncated(compressed.name, inflated);
      yield* pieces(out);
    },
  };
}

function push(gunzip: Gunzip, chunk: Uint8Array, final: boolean, name: string, inflated: number): void {
  try {
    gunzip.push(chunk, final);
  } catch (error) {
    if (error instanceof DataError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    if (/unexpected EOF/i.test(reason)) throw truncated(name, inflated);
    throw new DataError(`${name} starts like a gzip file but its compressed data is damaged (${reason}). Compress it again, or unpack it with gunzip to see the damage.`);
  }
}

function truncated(name: string, inflated: number): DataError {
  return new DataError(
    `${name} is a gzip file that ends early (truncated after ${describeBytes(inflated)} of text): it was not copied or downloaded whole. Fetch it again, or unpack it to see how far it goes.`,
  );
}

/** The last 8 bytes seen so far, after `chunk`. */
function keepTail(tail: Uint8Array, length: number, chunk: Uint8Array): number {
  if (chunk.length >= 8) {
    tail.set(chunk.subarray(chunk.length - 8));
    return 8;
  }
  const keep = Math.min(length, 8 - chunk.length);
  tail.copyWithin(0, length - keep, length);
  tail.set(chunk, keep);
  return keep + chunk.length;
}

/**
 * One job of the parallel CSV reader, as a worker thread runs it (csv-range-worker) and as the
 * main thread runs it where no worker script was built (the unit tests run the sources): a scan
 * of a stretch of the file for what the fast path cannot take, or the parse of one range.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { holdsQuote, parseRange, type ParsedRange, type RangeSpec } from './csv-range-parse';

export type RangeJob =
  /** Bytes [start, end), block-aligned: is there a quote, or a block without a line break? */
  | { kind: 'scan'; path: string; start: number; end: number; size: number; blockBytes: number }
  /** The rows whose line ends in [start, end) (block-aligned); `end` = size takes the file's last row. */
  | { kind: 'parse'; path: string; start: number; end: number; size: number; spec: RangeSpec };

export type JobResult = { kind: 'scan'; safe: boolean } | { kind: 'parse'; range: ParsedRange };

const SCAN_PIECE_BLOCKS = 16;

/** Reused between jobs of one thread: a range's bytes are parsed into new arrays, never kept. */
let buffer = new Uint8Array(0);

function readInto(fd: number, start: number, length: number): Uint8Array {
  if (buffer.length < length) buffer = new Uint8Array(length);
  let at = 0;
  while (at < length) {
    const n = readSync(fd, buffer, at, length - at, start + at);
    if (n === 0) break;
    at += n;
  }
  return buffer.subarray(0, at);
}

/** Runs a job; `transfer` lists the buffers a worker hands over rather than copies. */
export function runJob(job: RangeJob): { result: JobResult; transfer: ArrayBuffer[] } {
  const fd = openSync(job.path, 'r');
  try {
    if (job.kind === 'scan') return { result: { kind: 'scan', safe: scan(fd, job.start, job.end, job.size, job.blockBytes) }, transfer: [] };
    const { start, end, size, spec } = job;
    // One block before the range holds the line break its first row follows (the scan made sure).
    const bytes = readInto(fd, start - spec.blockBytes, end - start + spec.blockBytes);
    if (bytes.length !== end - start + spec.blockBytes) throw new Error(`${job.path} changed while it was read`);
    const from = bytes.lastIndexOf(10, spec.blockBytes - 1) + 1;
    const range = parseRange(bytes, from, bytes.length, start - spec.blockBytes, end === size, spec);
    const transfer: ArrayBuffer[] = [];
    for (const c of range.columns) transfer.push(('values' in c ? c.values : c.codes).buffer as ArrayBuffer);
    return { result: { kind: 'parse', range }, transfer };
  } finally {
    closeSync(fd);
  }
}

/** Safe: no double quote, and every block but the file's last holds a line break (so no row outgrows the reader's limit). */
function scan(fd: number, start: number, end: number, size: number, blockBytes: number): boolean {
  const piece = SCAN_PIECE_BLOCKS * blockBytes;
  for (let at = start; at < end; at += piece) {
    const bytes = readInto(fd, at, Math.min(piece, end - at));
    if (holdsQuote(bytes)) return false;
    for (let b = 0; b < bytes.length; b += blockBytes) {
      const blockEnd = Math.min(bytes.length, b + blockBytes);
      if (at + blockEnd < size && bytes.subarray(b, blockEnd).indexOf(10) === -1) return false;
    }
  }
  return true;
}

import { DataError } from './errors';

/**
 * Largest file the page reads. Reading keeps the file's bytes for its fingerprint while the
 * typed columns (8 bytes per number, about the size of the text) fill up, so a file takes
 * roughly twice its size in memory at the peak.
 */
export const MAX_FILE_BYTES = 256 * 2 ** 20;

/** Most text a gzip file may unpack to in the page: the typed columns, not the text, are kept, so more than a plain file. */
export const MAX_INFLATED_BYTES = 4 * MAX_FILE_BYTES;

/**
 * Most columns a table may have: each column's builder costs about 10 kB before a row is read,
 * so a million-column header would take gigabytes (and minutes) to refuse by its cells.
 */
export const MAX_COLUMNS = 100_000;

/** Most cells (rows × columns) the typed columns may hold: 320 MB of float64. */
export const MAX_CELLS = 40_000_000;

/** A byte count as the user reads it: "34.2 MB". */
export function describeBytes(bytes: number): string {
  if (bytes < 2 ** 20) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  return `${(bytes / 2 ** 20).toFixed(1)} MB`;
}

/**
 * Refuses, before a byte is read, a file that is empty or larger than the page can hold.
 * The page calls it before handing the file to the worker, and the worker again.
 */
export function checkFileSize(file: { name: string; size: number }): void {
  if (file.size === 0) throw new DataError(`${file.name} is empty: there are no rows to read.`);
  if (file.size > MAX_FILE_BYTES) {
    throw new DataError(
      `${file.name} is ${describeBytes(file.size)}; Cutoff reads files up to ${describeBytes(MAX_FILE_BYTES)} in a browser tab. Aggregate it first (one score,label,count row per score bin and class — see the README) or sample the rows.`,
    );
  }
}

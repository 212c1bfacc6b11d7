import { looksBinary } from './binary';
import { buildDataset } from './build-dataset';
import type { Dataset } from './dataset';
import { DataError } from './errors';
import { parseCsv, type ParseProgress } from './parse-csv';
import { sha256Hex } from './sha256';

/** Largest file the page reads: typed columns of a bigger CSV would not fit comfortably. */
export const MAX_FILE_BYTES = 512 * 1024 * 1024;

/**
 * Reads a user's file into a Dataset: refuses what cannot be a CSV before parsing, then
 * parses, types the columns and fingerprints the bytes for the export.
 */
export async function readCsvFile(file: File, onProgress?: (p: ParseProgress) => void): Promise<Dataset> {
  if (file.size === 0) throw new DataError(`${file.name} is empty: there are no rows to read.`);
  if (file.size > MAX_FILE_BYTES) {
    const mb = Math.round(file.size / 2 ** 20);
    throw new DataError(`${file.name} is ${mb} MB; Cutoff reads files up to ${MAX_FILE_BYTES / 2 ** 20} MB. Aggregate it first (score,label,count).`);
  }
  const bytes = await file.arrayBuffer();
  if (looksBinary(new Uint8Array(bytes, 0, Math.min(bytes.byteLength, 4096)))) {
    throw new DataError(`${file.name} is not a text CSV file (it looks binary, e.g. a spreadsheet or an image). Save it as CSV first.`);
  }
  const sha256 = await sha256Hex(bytes);
  const rows = await parseCsv(file, onProgress);
  return buildDataset(rows, { fileName: file.name, sha256 });
}

import Papa from 'papaparse';

/** Bytes handed to the parser at a time; small enough for frequent progress reports. */
const CHUNK_BYTES = 1 << 20;

export interface ParseProgress {
  bytesRead: number;
  rows: number;
}

/**
 * Parses CSV text or a File into rows of cells with PapaParse, streaming in chunks.
 * The delimiter is detected (`,` `;` tab `|`); quotes, embedded newlines, CRLF and a BOM are handled.
 */
export function parseCsv(input: File | string, onProgress?: (p: ParseProgress) => void): Promise<string[][]> {
  return new Promise((resolve, reject) => {
    const rows: string[][] = [];
    Papa.parse<string[]>(input, {
      header: false,
      skipEmptyLines: 'greedy',
      delimitersToGuess: [',', ';', '\t', '|'],
      chunkSize: CHUNK_BYTES,
      chunk: (results) => {
        for (const row of results.data) rows.push(row);
        onProgress?.({ bytesRead: results.meta.cursor, rows: rows.length });
      },
      complete: () => {
        if (rows.length > 0 && rows[0].length > 0) rows[0][0] = rows[0][0].replace(/^\uFEFF/, '');
        resolve(rows);
      },
      error: (error: Error) => reject(error),
    });
  });
}

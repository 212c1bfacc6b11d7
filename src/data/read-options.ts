import type { Delimiter } from './csv-stream';
import type { EncodingChoice } from './encoding';

/** How the user asked for a file to be read; every field can be left to detection. */
export interface ReadOptions {
  /** null: detect among `,` `;` tab `|` (or take Excel's `sep=` line). */
  delimiter: Delimiter | null;
  /** null: detect whether the first row names the columns. */
  hasHeader: boolean | null;
  /** Leave out rows whose field count differs, instead of refusing the file. */
  skipRagged: boolean;
  /** null: detect (BOM, else UTF-8 when valid, else Windows-1252). */
  encoding: EncodingChoice | null;
  /** The workbook sheet to read (.xlsx); null or absent: the first visible one. */
  sheet?: string | null;
  /**
   * Keep only these columns (by the names the reader gives them): the others are still split
   * and counted, so rows, lines, ragged rows and the header are decided as without it, but
   * never typed or held. Null or absent: every column (the page). A name the header lacks
   * types every column, so a message can offer the others.
   */
  columns?: readonly string[] | null;
}

export const DEFAULT_READ_OPTIONS: ReadOptions = { delimiter: null, hasHeader: null, skipRagged: false, encoding: null };

export interface ReadProgress {
  bytesRead: number;
  rows: number;
}

export interface ReadHooks {
  onProgress?: (progress: ReadProgress) => void;
  /** Aborting stops the read between chunks with ParseCancelled. */
  signal?: AbortSignal;
  /** Most cells the typed columns may hold (MAX_CELLS by default; the CLI, off a tab's memory, may allow more). */
  maxCells?: number;
}

/** What the page can offer to do about a data problem, beside the message. */
export type Remedy =
  /** Re-read the file leaving out the rows whose field count differs from the header's. */
  | { kind: 'skip-ragged-rows'; count: number }
  /** Map the score column onto [0, 1] (min-max or sigmoid; divide by 100 when `percent`) instead of refusing it. */
  | { kind: 'rescale-scores'; column: string; percent?: boolean }
  /** Read another sheet of the workbook (the one read cannot be used as a table). */
  | { kind: 'choose-sheet'; sheets: string[] };

/** A problem with the user's data, worded for the user: it is shown as is in the page. */
export class DataError extends Error {
  override name = 'DataError';

  constructor(
    message: string,
    readonly remedy: Remedy | null = null,
  ) {
    super(message);
  }
}

/** Thrown when the user cancels reading a file; not an error to show. */
export class ParseCancelled extends Error {
  override name = 'ParseCancelled';

  constructor() {
    super('Reading the file was cancelled.');
  }
}

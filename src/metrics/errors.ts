/**
 * Bad input to a metrics function: a message written for the person who supplied the data
 * (it names the row and the value), not for a developer. `row` is the 0-based position of
 * the offending element when there is one, so a caller can map it back to a file line.
 */
export class MetricsInputError extends Error {
  readonly row: number | undefined;

  constructor(message: string, row?: number) {
    super(message);
    this.name = 'MetricsInputError';
    this.row = row;
  }
}

/** Describes a non-finite number the way a person reads it ("NaN", "Infinity", "-Infinity"). */
export function describeNumber(x: number): string {
  return Number.isNaN(x) ? 'NaN (not a number)' : String(x);
}

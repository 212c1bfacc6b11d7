/**
 * The one CSV writer of every file the product writes (predictions, thresholds, `cutoff apply`,
 * `cutoff curve`): quoting as RFC 4180 needs, and no cell a spreadsheet would run as a formula.
 * A text cell starting with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
 * apostrophe (OWASP's CSV-injection advice), unless it is a plain negative number such as
 * `-0.5`, which a spreadsheet reads as the number it is: an apostrophe there would turn a
 * feature of a batch job's output into text.
 */

const FORMULA_START = /^[=+\-@\t\r]/;
const PLAIN_NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const NEEDS_QUOTES = /[",\r\n]/;

/** The text defused as a cell would be (a leading apostrophe), unquoted: how a reader sees a name this writer wrote. */
export function guardedText(text: string): string {
  return FORMULA_START.test(text) && !PLAIN_NUMBER.test(text) ? `'${text}` : text;
}

/** A text cell, quoted when needed and defused when a spreadsheet would run it. */
export function textCell(text: string, delimiter = ','): string {
  const safe = guardedText(text);
  return NEEDS_QUOTES.test(safe) || (delimiter !== ',' && safe.includes(delimiter)) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** A number cell: shortest round-trip text; a non-finite value as an empty cell. */
export function numberCell(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** One line of cells already written as cells (textCell, numberCell). */
export function csvLine(cells: readonly string[], delimiter = ','): string {
  return cells.join(delimiter);
}

/** A header line of names. */
export function headerLine(names: readonly string[], delimiter = ','): string {
  return csvLine(
    names.map((name) => textCell(name, delimiter)),
    delimiter,
  );
}

/**
 * One cell read the way the page types a column, for readers that see a file a row at a time
 * (the command): a plain number, a decimal comma in a `;` file, a spreadsheet-style number
 * (`12,345.67`, `$12`, `45%`), a date as days since 1970-01-01, or no value (missing tokens and
 * Excel errors). The page decides spreadsheet numbers and dates on a whole column's levels; cell
 * by cell gives the same value for every column the page reads as numbers.
 */
import { isMissingToken } from './missing';
import { readDate } from './date-cell';
import { readNumber } from './number-cell';
import { readSpreadsheetNumber } from './spreadsheet-number';

/** The number a text cell holds; NaN for no value or text. */
export function cellNumber(text: string, decimalComma: boolean): number {
  const value = readNumber(text, decimalComma);
  if (value === value) return value;
  if (isMissingToken(text)) return Number.NaN;
  return readSpreadsheetNumber(text, decimalComma)?.value ?? readDate(text)?.days ?? Number.NaN;
}

/** True when a text cell holds no value (blank, NA, NaN, NULL, an Excel error…). */
export function isMissingCell(text: string): boolean {
  return isMissingToken(text);
}

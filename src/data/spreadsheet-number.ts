/**
 * Numbers as spreadsheets write them into a CSV: `12,345.67` (or `12.345,67` with a decimal
 * comma), a currency sign, a trailing `%`. A column is read this way only when every cell
 * follows one pattern (see numberFormatOf), so `1,234` in a column of codes stays text.
 */

/** How a column's cells were written: the currency sign ('' for none) and whether they end in %. */
export interface NumberDecoration {
  currency: string;
  percent: boolean;
}

export interface SpreadsheetNumber extends NumberDecoration {
  value: number;
  /** True when the digits were grouped with a thousands separator. */
  grouped: boolean;
}

const CURRENCY = '[$€£¥₹]';

function pattern(thousands: string, decimal: string): RegExp {
  const t = `\\${thousands}`;
  const d = `\\${decimal}`;
  return new RegExp(`^([+-]?)\\s*(${CURRENCY})?\\s*([+-]?)(\\d{1,3}(?:${t}\\d{3})+|\\d+)(?:${d}(\\d+))?\\s*(${CURRENCY})?\\s*(%)?$`);
}

const POINT_DECIMAL = pattern(',', '.');
const COMMA_DECIMAL = pattern('.', ',');

/**
 * The number a spreadsheet-style cell holds, or null when it is not one. With `decimalComma`
 * (semicolon files) `.` groups thousands and `,` is the decimal mark; otherwise the reverse.
 * A percentage is read as a fraction, as the spreadsheet holds it: `12.5%` is 0.125.
 */
export function readSpreadsheetNumber(cell: string, decimalComma: boolean): SpreadsheetNumber | null {
  const match = (decimalComma ? COMMA_DECIMAL : POINT_DECIMAL).exec(cell.trim());
  if (!match) return null;
  const [, sign, before, innerSign, whole, fraction, after, percent] = match;
  if ((sign && innerSign) || (before && after)) return null;
  const separator = decimalComma ? '.' : ',';
  const grouped = whole.includes(separator);
  const digits = grouped ? whole.split(separator).join('') : whole;
  const magnitude = Number(fraction === undefined ? digits : `${digits}.${fraction}`);
  const negative = (sign || innerSign) === '-';
  const value = (negative ? -magnitude : magnitude) / (percent ? 100 : 1);
  return { value, grouped, currency: before ?? after ?? '', percent: percent !== undefined };
}

/** How the column table says a column of such cells was read. */
export function describeNumberFormat(decoration: NumberDecoration, grouped: boolean): string {
  const parts: string[] = [];
  if (grouped) parts.push('thousands separators');
  if (decoration.currency) parts.push(`currency ${decoration.currency}`);
  if (decoration.percent) parts.push('percent (50% = 0.5)');
  return `read as numbers: ${parts.join(', ')}`;
}

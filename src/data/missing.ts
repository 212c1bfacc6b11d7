/** Cell texts that mean "no value" in exports from Excel, R, pandas, SQL and Weka. */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);

/** True when a cell holds no value. */
export function isMissingToken(cell: string): boolean {
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

/**
 * Parses a cell as a finite number, or returns NaN. Stricter than `Number()`: empty text and
 * hex or binary literals are not numbers in a CSV.
 */
export function parseNumber(cell: string): number {
  const text = cell.trim();
  if (text === '' || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

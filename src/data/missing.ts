/** Cell texts that mean "no value" in exports from Excel, R, pandas, SQL and Weka. */
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-']);

/** Longest missing token; a longer cell without padding is a value, with no lookup needed. */
const LONGEST_TOKEN = 4;

/** True when a cell holds no value. */
export function isMissingToken(cell: string): boolean {
  const n = cell.length;
  if (n > LONGEST_TOKEN && cell.charCodeAt(0) > 32 && cell.charCodeAt(n - 1) > 32) return false;
  return MISSING_TOKENS.has(cell.trim().toLowerCase());
}

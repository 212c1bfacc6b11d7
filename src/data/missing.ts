/**
 * Cell texts that mean "no value" in exports from Excel, R, pandas, SQL, Weka and SAS, lower
 * case: SAS writes a missing number as `.` and its special missing values as `.A` … `.Z`, `._`.
 */
const SAS_SPECIAL_MISSING = ['_', ...'abcdefghijklmnopqrstuvwxyz'].map((c) => `.${c}`);
const MISSING_TOKENS = new Set(['', 'na', 'n/a', 'nan', 'null', 'none', '?', '-', '.', ...SAS_SPECIAL_MISSING]);

/** The error values Excel writes into a CSV where a formula failed; lower case. */
const EXCEL_ERRORS = new Set(['#div/0!', '#value!', '#n/a', '#name?', '#ref!', '#num!', '#null!', '#spill!', '#calc!']);

/** Longest missing token; a longer cell without padding is a value, with no lookup needed. */
const LONGEST_TOKEN = 4;

const HASH = 35;

/** True when a cell holds an Excel error value (`#DIV/0!`, `#N/A`, …), which has no value. */
export function isExcelError(cell: string): boolean {
  const text = cell.charCodeAt(0) === HASH ? cell : cell.trim();
  return text.charCodeAt(0) === HASH && EXCEL_ERRORS.has(text.trimEnd().toLowerCase());
}

/** True when a cell holds no value: a missing token or an Excel error value. */
export function isMissingToken(cell: string): boolean {
  const n = cell.length;
  const first = cell.charCodeAt(0);
  if (n > LONGEST_TOKEN && first > 32 && first !== HASH && cell.charCodeAt(n - 1) > 32) return false;
  return MISSING_TOKENS.has(cell.trim().toLowerCase()) || isExcelError(cell);
}

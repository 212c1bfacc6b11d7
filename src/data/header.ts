import { isMissingToken } from './missing';
import { readNumber } from './number-cell';

/** How many body rows are looked at to decide whether the first row is a header. */
export const HEADER_SAMPLE_ROWS = 200;

function isNumber(cell: string, decimalComma: boolean): boolean {
  return !Number.isNaN(readNumber(cell, decimalComma));
}

/**
 * Decides whether the first row names the columns, in the spirit of Python's csv.Sniffer:
 * a first-row cell that is text above a numeric column votes for a header, a number votes
 * against; in text columns a first cell that also occurs in the body votes against.
 */
export function detectHeader(rows: readonly (readonly string[])[], decimalComma = false): boolean {
  if (rows.length === 0) return false;
  const first = rows[0];
  if (first.some((cell) => cell.trim() !== '' && isNumber(cell, decimalComma))) return false;
  if (rows.length === 1) return first.every((cell) => cell.trim() !== '');
  const body = rows.slice(1, 1 + HEADER_SAMPLE_ROWS);
  let votes = 0;
  for (let c = 0; c < first.length; c++) {
    const cells = body.map((row) => row[c] ?? '').filter((cell) => !isMissingToken(cell));
    if (cells.length === 0) continue;
    const numeric = cells.every((cell) => isNumber(cell, decimalComma));
    if (numeric) votes += 1;
    else votes += cells.includes(first[c]) ? -1 : 1;
  }
  return votes > 0;
}

/** Names for a headerless file's columns: column_1, column_2, … */
export function generatedNames(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `column_${i + 1}`);
}

/**
 * Makes header names usable: a blank name gets its position's name (`column_3`), a repeated
 * name a count (`a`, `a (2)`), so every column stays a column of its own and can be chosen
 * by name. Nothing is merged or dropped.
 */
export function uniqueNames(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.map((raw, i) => {
    const base = raw.trim() === '' ? `column_${i + 1}` : raw.trim();
    let name = base;
    for (let k = 2; seen.has(name); k++) name = `${base} (${k})`;
    seen.add(name);
    return name;
  });
}

/**
 * The names a header holds more than once (trimmed, as uniqueNames compares them), in header
 * order: the reader renames the copies (`a (2)`), so a caller told "a" cannot know which
 * column was meant, and a real column called `a (2)` is no copy.
 */
export function duplicatedNames(headers: readonly string[]): string[] {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const header of headers) {
    const name = header.trim();
    if (name === '') continue;
    if (seen.has(name)) twice.add(name);
    else seen.add(name);
  }
  return [...twice];
}

import { MAX_LABEL_LEVELS, type Column } from './dataset';
import { isMissingToken, parseNumber } from './missing';

/**
 * Types one column from its cells: numeric when every present cell is a finite number,
 * categorical otherwise. Missing cells become NaN (numeric) or code -1 (categorical).
 */
export function inferColumn(name: string, cells: readonly string[]): Column {
  const n = cells.length;
  const values = new Float64Array(n);
  let missing = 0;
  let numeric = true;
  for (let i = 0; i < n; i++) {
    const cell = cells[i];
    if (isMissingToken(cell)) {
      values[i] = Number.NaN;
      missing++;
      continue;
    }
    const value = parseNumber(cell);
    if (Number.isNaN(value)) {
      numeric = false;
      break;
    }
    values[i] = value;
  }
  if (numeric && missing < n) return { kind: 'numeric', name, values, missing, distinct: fewDistinct(values) };
  return categorical(name, cells);
}

function fewDistinct(values: Float64Array): string[] | null {
  const seen = new Set<number>();
  for (const v of values) {
    if (Number.isNaN(v)) continue;
    seen.add(v);
    if (seen.size > MAX_LABEL_LEVELS) return null;
  }
  return [...seen].sort((a, b) => a - b).map(String);
}

function categorical(name: string, cells: readonly string[]): Column {
  const codes = new Int32Array(cells.length);
  const levels: string[] = [];
  const codeOf = new Map<string, number>();
  let missing = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i].trim();
    if (isMissingToken(cell)) {
      codes[i] = -1;
      missing++;
      continue;
    }
    let code = codeOf.get(cell);
    if (code === undefined) {
      code = levels.length;
      levels.push(cell);
      codeOf.set(cell, code);
    }
    codes[i] = code;
  }
  return { kind: 'categorical', name, codes, levels, missing };
}

import { distinctValues, type Column } from './dataset';
import { truthOf } from './label-values';

/** The value of a two-valued column that occurs less often; on a tie, the one that reads as positive. */
export function rarerValue(column: Column): string {
  const values = distinctValues(column) ?? [];
  const counts = countValues(column, values);
  let best = values.length - 1;
  for (let i = values.length - 1; i >= 0; i--) {
    const tie = counts[i] === counts[best];
    if (counts[i] < counts[best] || (tie && truthOf(values[i]) === true)) best = i;
  }
  return values[best];
}

/**
 * How often each of `values` occurs, in one pass over the column: this runs on the page, on
 * every row, right after a file is read.
 */
export function countValues(column: Column, values: readonly string[]): number[] {
  const counts = values.map(() => 0);
  if (column.kind === 'numeric') {
    const targets = values.map(Number);
    const data = column.values;
    for (let i = 0; i < data.length; i++) {
      const at = targets.indexOf(data[i]);
      if (at >= 0) counts[at]++;
    }
    return counts;
  }
  const byCode = column.levels.map((level) => values.indexOf(level));
  const codes = column.codes;
  for (let i = 0; i < codes.length; i++) {
    const at = codes[i] >= 0 ? byCode[codes[i]] : -1;
    if (at >= 0) counts[at]++;
  }
  return counts;
}

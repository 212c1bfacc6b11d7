import { lineOfRow, type Dataset } from './dataset';

/**
 * Why the columns a model would learn from cannot be used, as a message naming the column
 * (and file line) to fix; null when they can. Two cases: no column is left besides the label
 * (all excluded or empty), or a column holds ±Infinity, which turns standardised inputs into
 * NaN. Missing values (blank, NA, NaN) are fine: the preprocessing imputes them.
 */
export function explainFeatureProblem(dataset: Dataset, labelColumn: string, excluded: readonly string[]): string | null {
  const features = dataset.columns.filter((c) => c.name !== labelColumn && !excluded.includes(c.name));
  if (!features.some((c) => c.missing < dataset.rowCount)) {
    const why = excluded.length > 0 ? 'is left out under Columns or empty' : 'is empty';
    return `No usable feature column: every column besides the label "${labelColumn}" ${why}. Tick at least one column under Columns, or switch to scores mode if the file holds model scores.`;
  }
  for (const column of features) {
    if (column.kind !== 'numeric' || column.infinite === 0) continue;
    const count = column.infinite === 1 ? 'an infinite value' : `${column.infinite} infinite values`;
    const first = column.infinite > 1 ? ', the first' : '';
    const value = column.values[column.firstInfiniteRow];
    return `The column "${column.name}" has ${count} (${value} on line ${lineOfRow(dataset, column.firstInfiniteRow)}${first}). Cutoff cannot learn from infinite numbers: fix the file, or untick "${column.name}" under Columns to leave it out.`;
  }
  return null;
}

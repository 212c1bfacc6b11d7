import { findColumn, type Dataset } from './dataset';
import type { LabelVector } from './label';

/**
 * The cases an aggregated file stands for: with a count or weight column each labelled row
 * counts as its weight, so `score,label,count` rows are summarised as the cases they count.
 * null when no weight column is chosen or it is not numeric.
 */
export function weightedCases(dataset: Dataset, labels: LabelVector, weightColumn: string | null): { cases: number; positives: number } | null {
  if (weightColumn === null) return null;
  const column = findColumn(dataset, weightColumn);
  if (!column || column.kind !== 'numeric') return null;
  let cases = 0;
  let positives = 0;
  for (let i = 0; i < labels.rows.length; i++) {
    const w = column.values[labels.rows[i]];
    if (!(w >= 0) || w === Infinity) continue;
    cases += w;
    if (labels.labels[i] === 1) positives += w;
  }
  return { cases, positives };
}

import type { Dataset, NumericColumn } from './dataset';
import { DataError } from './errors';

export interface FeatureMatrix {
  /** Row-major rows × names.length; NaN marks a missing value. */
  values: Float32Array;
  names: string[];
  /** Columns left out because they are not numeric, for a visible note. */
  droppedColumns: string[];
}

/**
 * Gathers the numeric columns other than the label (and excluded ones) for the given rows.
 * Text columns are left out for now and named, so the user sees what the model did not get.
 */
export function featureMatrix(
  dataset: Dataset,
  rows: Uint32Array,
  labelColumn: string,
  excluded: readonly string[] = [],
): FeatureMatrix {
  const candidates = dataset.columns.filter((c) => c.name !== labelColumn && !excluded.includes(c.name));
  const numeric = candidates.filter((c): c is NumericColumn => c.kind === 'numeric');
  const droppedColumns = candidates.filter((c) => c.kind !== 'numeric').map((c) => c.name);
  if (numeric.length === 0) {
    throw new DataError(
      `No numeric feature column to train on besides the label "${labelColumn}". Cutoff can train on numeric columns only for now; switch to scores mode if the file holds model scores.`,
    );
  }
  const d = numeric.length;
  const values = new Float32Array(rows.length * d);
  for (let j = 0; j < d; j++) {
    const column = numeric[j].values;
    for (let i = 0; i < rows.length; i++) values[i * d + j] = column[rows[i]];
  }
  return { values, names: numeric.map((c) => c.name), droppedColumns };
}

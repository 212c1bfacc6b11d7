/**
 * The columns a model may learn from: every column but the label. Encoding (imputation,
 * standardisation, one-hot) is fitted later, in the train worker, on the training rows only.
 */
import type { Dataset } from './dataset';
import { DataError } from './errors';
import type { RawColumn } from './preprocess';

/**
 * The dataset's columns other than the label (and `excluded`), as the preprocessing reads
 * them. No values are copied: the arrays are the dataset's own.
 */
export function featureColumns(dataset: Dataset, labelColumn: string, excluded: readonly string[] = []): RawColumn[] {
  const columns: RawColumn[] = [];
  for (const c of dataset.columns) {
    if (c.name === labelColumn || excluded.includes(c.name)) continue;
    columns.push(
      c.kind === 'numeric'
        ? { kind: 'numeric', name: c.name, values: c.values, ...(c.dateForm ? { dateForm: c.dateForm } : {}) }
        : { kind: 'categorical', name: c.name, codes: c.codes, levels: c.levels },
    );
  }
  if (columns.length === 0) {
    throw new DataError(`There is no column to train on besides the label "${labelColumn}". Add feature columns, or switch to scores mode if the file holds model scores.`);
  }
  return columns;
}

import { describe, expect, it } from 'vitest';
import { findColumn } from '../../../src/data/dataset';
import { featureColumns } from '../../../src/data/features';
import { idColumnOf, isIndexLikeName, rowIds } from '../../../src/data/row-ids';
import { datasetOf } from './helpers';

/** n rows of a sorted file, as `df.to_csv()` writes it: the index under a blank header. */
function pandasCsv(n: number, header = ''): string {
  let text = `${header},x,label\n`;
  for (let i = 0; i < n; i++) text += `${i},${(i * 37) % 11},${i < n / 2 ? 'no' : 'yes'}\n`;
  return text;
}

describe('row-id columns', () => {
  it("marks pandas' blank-headed index 0…n−1, names it visibly, and says so", async () => {
    const d = await datasetOf(pandasCsv(30));
    expect(d.columns.map((c) => c.name)).toEqual(['column_1', 'x', 'label']);
    expect(d.rowIdColumns).toEqual(['column_1']);
    expect(d.notes).toContain('Column 1 has no name in the header: it is shown as "column_1".');
    expect(d.notes.some((n) => n.startsWith('"column_1" numbers the rows'))).toBe(true);
  });

  it('knows index-like names, and 1…n or any increasing run of integers', async () => {
    for (const name of ['Unnamed: 0', 'index', 'id', 'ID', 'row', 'rownum', 'customer_id']) {
      expect(isIndexLikeName(name), name).toBe(true);
    }
    expect(isIndexLikeName('width')).toBe(false);
    expect((await datasetOf('id,x,label\n1,5,a\n2,6,b\n3,7,a\n')).rowIdColumns).toEqual(['id']);
    expect((await datasetOf('row,x,label\n10,5,a\n20,6,b\n35,7,a\n')).rowIdColumns).toEqual(['row']);
  });

  it('leaves a column alone when its name or values are not a row number', async () => {
    // Increasing integers under a real name: a feature that happens to be sorted.
    expect((await datasetOf('age,x,label\n1,5,a\n2,6,b\n3,7,a\n')).rowIdColumns).toEqual([]);
    // An id that repeats, goes down, has a gap in its values, or is not whole.
    for (const ids of [
      [1, 1, 2],
      [3, 2, 1],
      [1.5, 2, 3],
    ]) {
      const d = await datasetOf(`id,label\n${ids.map((id, i) => `${id},${i % 2}`).join('\n')}\n`);
      expect(d.rowIdColumns, ids.join()).toEqual([]);
    }
    expect((await datasetOf('id,label\n1,a\n,b\n3,a\n')).rowIdColumns).toEqual([]);
  });

  it('keeps repeated header names as separate columns and says so', async () => {
    const d = await datasetOf('a,a,label\n1,2,x\n3,4,y\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'a (2)', 'label']);
    expect(findColumn(d, 'a (2)')?.kind === 'numeric' && Array.from((findColumn(d, 'a (2)') as { values: Float64Array }).values)).toEqual([2, 4]);
    expect(d.notes).toContain('The header names "a" 2 times: the columns are kept apart as "a", "a (2)".');
  });

  it('is left out of the model only when excluded, as the page does by default', async () => {
    const d = await datasetOf(pandasCsv(30));
    expect(featureColumns(d, 'label', d.rowIdColumns).map((c) => c.name)).toEqual(['x']);
    expect(featureColumns(d, 'label').map((c) => c.name)).toEqual(['column_1', 'x']);
  });

  it('gives exported rows the values of the row-id column, as the file numbered them', async () => {
    const d = await datasetOf(pandasCsv(30));
    expect(rowIds(d, [0, 29])).toEqual(['0', '29']);
    expect(rowIds(await datasetOf('x,label\n1,a\n2,b\n'), [1])).toEqual(['2']);
  });

  it('takes a unique text or integer id column (patient_id) as the rows’ ids, and not a repeated one', async () => {
    const d = await datasetOf('age,patient_id,label\n40,P-7,a\n50,P-3,b\n60,P-9,a\n');
    expect(idColumnOf(d)?.name).toBe('patient_id');
    expect(rowIds(d, [2, 0])).toEqual(['P-9', 'P-7']);
    expect(idColumnOf(await datasetOf('visit_id,label\n7,a\n3,b\n9,a\n'))?.name).toBe('visit_id');
    expect(idColumnOf(await datasetOf('site_id,label\nA,a\nA,b\n'))).toBeNull();
    expect(idColumnOf(await datasetOf('case_id,label\n1.5,a\n2.5,b\n'))).toBeNull();
    expect(rowIds(await datasetOf('site_id,label\nA,a\nA,b\n'), [1])).toEqual(['2']);
  });
});

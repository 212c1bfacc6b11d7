import { describe, expect, it } from 'vitest';
import { explainFeatureProblem } from '../../../src/data/feature-checks';
import { datasetOf } from './helpers';

describe('explainFeatureProblem', () => {
  it('is null while one column besides the label has values', async () => {
    const d = await datasetOf('a,city,label\n1,x,yes\n2,y,no\n');
    expect(explainFeatureProblem(d, 'label', [])).toBeNull();
    expect(explainFeatureProblem(d, 'label', ['a'])).toBeNull();
  });

  it('explains excluded and empty columns', async () => {
    const d = await datasetOf('a,empty,label\n1,,yes\n2,,no\n');
    expect(explainFeatureProblem(d, 'label', ['a'])).toMatch(/No usable feature column: every column besides the label "label" is left out under Columns or empty/);
    const e = await datasetOf('empty,label\n,yes\nNA,no\n');
    expect(explainFeatureProblem(e, 'label', [])).toMatch(/besides the label "label" is empty\./);
  });

  it('names the column, the value and the line of the first infinite number', async () => {
    const d = await datasetOf('a,b,label\n1,2,yes\n\n3,-inf,no\n4,Infinity,no\n');
    expect(explainFeatureProblem(d, 'label', [])).toBe(
      'The column "b" has 2 infinite values (-Infinity on line 4, the first). Cutoff cannot learn from infinite numbers: fix the file, or untick "b" under Columns to leave it out.',
    );
    expect(explainFeatureProblem(d, 'label', ['b'])).toBeNull();
  });

  it('lets missing values through: they are imputed', async () => {
    const d = await datasetOf('a,label\nNaN,yes\n1,no\n');
    expect(explainFeatureProblem(d, 'label', [])).toBeNull();
  });
});

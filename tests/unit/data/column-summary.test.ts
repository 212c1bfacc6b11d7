import { describe, expect, it } from 'vitest';
import { describeDistinct, isBooleanLike, summarizeColumn } from '../../../src/data/column-summary';
import { datasetOf } from './helpers';

describe('column summaries', () => {
  it('types numeric, boolean-like, categorical, mostly empty and empty columns', async () => {
    const d = await datasetOf('x,flag,yn,bin,city,sparse,none\n1,yes,Y,1,Paris,,\n2,no,N,0,Rome,,\n3,YES,y,1,Oslo,4,\n2,no,n,0,NA,,\n');
    const summaries = d.columns.map((c) => summarizeColumn(c, d.rowCount));
    // yes, no, YES and Y, N, y, n are merged spellings of two values (label-spellings.ts).
    expect(summaries.map((s) => s.type)).toEqual(['numeric', 'boolean', 'boolean', 'boolean', 'categorical', 'numeric', 'empty']);
    expect(summaries[0]).toEqual({ name: 'x', type: 'numeric', missingShare: 0, mostlyEmpty: false, distinct: 3, infinite: 0 });
    expect(summaries[4].missingShare).toBe(0.25);
    expect(summaries[5].mostlyEmpty).toBe(true);
    expect(summaries[6].missingShare).toBe(1);
  });

  it('recognises yes/no spellings as boolean-like, case and order aside', async () => {
    const d = await datasetOf('a,b,c,d,e\nTrue,N,t,no,1\nFalse,Y,f,yes,2\n');
    expect(d.columns.map(isBooleanLike)).toEqual([true, true, true, true, false]);
  });

  it('counts infinite values and writes capped distinct counts', async () => {
    const d = await datasetOf('x,y\n1,inf\n2,3\n');
    expect(summarizeColumn(d.columns[1], d.rowCount).infinite).toBe(1);
    expect(describeDistinct(null)).toBe('> 1000');
    expect(describeDistinct(7)).toBe('7');
  });
});

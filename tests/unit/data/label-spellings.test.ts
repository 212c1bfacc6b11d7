import { describe, expect, it } from 'vitest';
import { findColumn } from '../../../src/data/dataset';
import { suggestLabel } from '../../../src/data/label-suggestion';
import { datasetOf } from './helpers';

describe('label spellings', () => {
  it('merges the six hand-typed spellings of yes and no, and says so', async () => {
    const cells = ['Yes', 'yes', ' YES', 'yes ', 'No', 'no ', 'No', 'no'];
    const d = await datasetOf(`x,label\n${cells.map((c, i) => `${i},${c}`).join('\n')}\n`);
    const label = findColumn(d, 'label');
    expect(label?.kind === 'categorical' && label.levels).toEqual(['yes', 'no']);
    expect(label?.kind === 'categorical' && Array.from(label.codes)).toEqual([0, 0, 0, 0, 1, 1, 1, 1]);
    expect(d.notes).toContain('label: "Yes", "yes", "YES" read as "yes"; "No", "no" read as "no" (spaces around values ignored).');
    expect(suggestLabel(d)?.column).toBe('label');
  });

  it('leaves three real values, and spellings of a single value, as they are', async () => {
    const three = await datasetOf('x,label\n1,a\n2,B\n3,b\n4,c\n');
    expect(findColumn(three, 'label')).toMatchObject({ levels: ['a', 'B', 'b', 'c'] });
    const one = await datasetOf('x,label\n1,Yes\n2,yes\n');
    expect(findColumn(one, 'label')).toMatchObject({ levels: ['Yes', 'yes'] });
  });

  it('trims the text cells of feature columns too', async () => {
    const d = await datasetOf('city,label\n Oslo,a\nOslo ,b\nRome,a\n');
    expect(findColumn(d, 'city')).toMatchObject({ levels: ['Oslo', 'Rome'] });
  });
});

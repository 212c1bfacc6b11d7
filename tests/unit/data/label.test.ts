import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/data/build-dataset';
import { findColumn } from '../../../src/data/dataset';
import { encodeLabels, explainNoLabel, suggestLabel } from '../../../src/data/label';
import { parseCsv } from '../../../src/data/parse-csv';

const opts = { fileName: 'test.csv', sha256: '0'.repeat(64) };

describe('label suggestion and encoding', () => {
  it('suggests the two-valued column with its rarer value as positive', async () => {
    const d = buildDataset(await parseCsv('x,sick,group\n1,no,a\n2,yes,b\n3,no,c\n4,no,a\n'), opts);
    expect(suggestLabel(d)).toEqual({ column: 'sick', positive: 'yes' });
  });

  it('suggests a 0/1 numeric column and encodes it', async () => {
    const d = buildDataset(await parseCsv('x,y\n0.5,1\n0.2,0\n0.1,0\n'), opts);
    expect(suggestLabel(d)).toEqual({ column: 'y', positive: '1' });
    const vector = encodeLabels(findColumn(d, 'y')!, '1');
    expect(Array.from(vector.labels)).toEqual([1, 0, 0]);
  });

  it('returns null when no column has two values', async () => {
    const d = buildDataset(await parseCsv('x,y\n1,a\n2,b\n3,c\n'), opts);
    expect(suggestLabel(d)).toBeNull();
  });

  it('drops rows with a missing label and counts them', async () => {
    const d = buildDataset(await parseCsv('x,y\n1,a\n2,b\n3,NA\n4,a\n'), opts);
    const vector = encodeLabels(findColumn(d, 'y')!, 'b');
    expect(vector.dropped).toBe(1);
    expect(Array.from(vector.rows)).toEqual([0, 1, 3]);
    expect(vector.positives).toBe(1);
  });

  it('treats the other values as negative when there are three or more', async () => {
    const d = buildDataset(await parseCsv('x,y\n1,a\n2,b\n3,c\n'), opts);
    expect(Array.from(encodeLabels(findColumn(d, 'y')!, 'c').labels)).toEqual([0, 0, 1]);
  });

  it('refuses a label with one class', async () => {
    const d = buildDataset(await parseCsv('x,y\n1,a\n2,a\n'), opts);
    expect(() => encodeLabels(findColumn(d, 'y')!, 'a')).toThrow(/only one class/);
  });
});

describe('explainNoLabel', () => {
  it('names a label column with a single class', async () => {
    const d = buildDataset(await parseCsv('a,b,label\n1,2,yes\n3,4,yes\n'), opts);
    expect(explainNoLabel(d)).toMatch(/"label" has only one class: every row is "yes"/);
  });
  it('asks the user to choose otherwise', async () => {
    const d = buildDataset(await parseCsv('a,b\n1,x\n2,y\n3,z\n'), opts);
    expect(explainNoLabel(d)).toMatch(/exactly two values/);
  });
});

describe('positive class on a tie', () => {
  it('prefers the value that reads as positive', async () => {
    const d = buildDataset(await parseCsv('x,y\n1,0\n2,1\n'), opts);
    expect(suggestLabel(d)).toEqual({ column: 'y', positive: '1' });
    const e = buildDataset(await parseCsv('x,outcome\n1,yes\n2,no\n'), opts);
    expect(suggestLabel(e)).toEqual({ column: 'outcome', positive: 'yes' });
  });
});

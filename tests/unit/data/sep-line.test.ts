import { describe, expect, it } from 'vitest';
import { findColumn } from '../../../src/data/dataset';
import { readSepLine } from '../../../src/data/sep-line';
import { datasetOf } from './helpers';

describe("Excel's sep= first line", () => {
  it('names the delimiter and its length', () => {
    expect(readSepLine('sep=;\r\na;b')).toEqual({ delimiter: ';', length: 7 });
    expect(readSepLine('SEP=|\na|b')).toEqual({ delimiter: '|', length: 6 });
    expect(readSepLine('sep=\t\n')).toEqual({ delimiter: '\t', length: 6 });
    expect(readSepLine('separator,b\n')).toBeNull();
    expect(readSepLine('a,b\nsep=;\n')).toBeNull();
  });

  it('sets the delimiter, is skipped, keeps line numbers true, and is said', async () => {
    const d = await datasetOf('sep=;\r\nx;label\r\n1,5;yes\r\n2,5;no\r\n');
    expect(d.delimiter).toBe(';');
    expect(d.columns.map((c) => c.name)).toEqual(['x', 'label']);
    const x = findColumn(d, 'x');
    expect(x?.kind === 'numeric' && Array.from(x.values)).toEqual([1.5, 2.5]);
    expect(Array.from(d.lineOf)).toEqual([3, 4]);
    expect(d.notes).toContain('The first line "sep=;" (written by Excel) set the delimiter and was skipped.');
  });

  it('wins over the delimiter guess, so a comma inside cells does not split them', async () => {
    const d = await datasetOf('sep=;\na,b;label\n1,2;yes\n3,4;no\n5,6;no\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a,b', 'label']);
  });

  it('gives way to a delimiter the user chose', async () => {
    const d = await datasetOf('sep=;\na,b\n1,2\n3,4\n', { delimiter: ',' });
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b']);
    expect(d.rowCount).toBe(2);
  });
});

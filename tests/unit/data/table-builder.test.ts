import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DataError } from '../../../src/data/errors';
import { TableBuilder } from '../../../src/data/table-builder';
import { datasetOf } from './helpers';

describe('TableBuilder, through readCsvFile', () => {
  it('reads a headed CSV into typed columns', async () => {
    const d = await datasetOf('age,city,label\n30,Paris,yes\n41,NA,no\n,Rome,no\n');
    expect(d.hasHeader).toBe(true);
    expect(d.rowCount).toBe(3);
    const [age, city, label] = d.columns;
    expect(age.kind).toBe('numeric');
    if (age.kind === 'numeric') {
      expect(Array.from(age.values.slice(0, 2))).toEqual([30, 41]);
      expect(Number.isNaN(age.values[2])).toBe(true);
      expect(age.missing).toBe(1);
    }
    expect(city.kind === 'categorical' && city.missing).toBe(1);
    expect(label.kind === 'categorical' && label.levels).toEqual(['yes', 'no']);
    expect(Array.from(d.lineOf)).toEqual([2, 3, 4]);
  });

  it('detects a headerless file, names its columns, and takes the user’s word over the guess', async () => {
    const text = "0.1,2.5,'-1'\n0.3,1.5,'1'\n0.2,2.0,'-1'\n";
    const d = await datasetOf(text);
    expect(d.hasHeader).toBe(false);
    expect(d.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(d.rowCount).toBe(3);
    expect(d.notes[0]).toMatch(/No header row/);
    const forced = await datasetOf('a,b\nc,d\ne,f\n', { hasHeader: false });
    expect(forced.rowCount).toBe(3);
    expect((await datasetOf('x,y\n1,2\n', { hasHeader: true })).columns.map((c) => c.name)).toEqual(['x', 'y']);
  });

  it('reads the shipped demo with its header', async () => {
    const d = await datasetOf(readFileSync('public/demo/mammography.csv'));
    expect(d.rowCount).toBe(11183);
    expect(d.columns).toHaveLength(7);
    expect(d.columns[6].name).toBe('calcification');
  });

  it('strips a BOM and handles CRLF, quotes, semicolons and decimal commas', async () => {
    const d = await datasetOf('\uFEFFa;b;"c d"\r\n1,5;"x;y";yes\r\n2;z;no\r\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b', 'c d']);
    expect(d.delimiter).toBe(';');
    expect(d.decimalComma).toBe(true);
    const [a, b] = d.columns;
    expect(a.kind === 'numeric' && Array.from(a.values)).toEqual([1.5, 2]);
    expect(b.kind === 'categorical' && b.levels).toEqual(['x;y', 'z']);
  });

  it('keeps __proto__, constructor and toString as ordinary column names', async () => {
    const d = await datasetOf('__proto__,constructor,toString\n1,2,a\n3,4,b\n');
    expect(d.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString']);
    expect(d.columns[2].kind === 'categorical' && d.columns[2].levels).toEqual(['a', 'b']);
  });

  it('refuses an empty file, a blank file, a header-only file and a single column', async () => {
    await expect(datasetOf('')).rejects.toThrow(DataError);
    await expect(datasetOf('\n \n,,\n')).rejects.toThrow(/empty/);
    await expect(datasetOf('a,b,c\n')).rejects.toThrow(/header row but no data rows/);
    await expect(datasetOf('x\n1\n2\n')).rejects.toThrow(/single column/);
  });

  it('names the true file lines of ragged rows and offers to skip them', async () => {
    const text = 'a,b,label\n1,"two\nlines",yes\n3,no\n5,6,no\n\n7,8,9,no\n10,11,yes\n';
    const error = await datasetOf(text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toMatch(/2 rows do not have 3 fields like the header \(lines 4, 7\)/);
    expect((error as DataError).remedy).toEqual({ kind: 'skip-ragged-rows', count: 2 });
    const skipped = await datasetOf(text, { skipRagged: true });
    expect(skipped.rowCount).toBe(3);
    expect(Array.from(skipped.lineOf)).toEqual([2, 5, 8]);
    expect(skipped.notes).toContain('2 ragged rows skipped (lines 4, 7).');
    expect(skipped.notes).toContain('1 blank line skipped.');
  });

  it('lists five ragged lines and counts the rest, hinting at the delimiter when most rows differ', async () => {
    const text = 'a,b\n' + Array.from({ length: 9 }, (_, i) => (i === 0 ? '1,2' : '1,2,3')).join('\n');
    await expect(datasetOf(text)).rejects.toThrow(/lines 3, 4, 5, 6, 7 and 3 more\)\. Most rows differ: check the delimiter\./);
  });

  it('refuses a table larger than the cell limit while reading', () => {
    const table = new TableBuilder({ fileName: 'big.csv', totalBytes: 1000, maxCells: 10 });
    const rows = Array.from({ length: 8 }, (_, i) => [String(i), String(i)]);
    const batch = { rows, lines: Uint32Array.from(rows, (_, i) => i + 1), dialect: { delimiter: ',', linebreak: '\n' as const }, bytesRead: 32 };
    expect(() => {
      table.add(batch);
      table.finish('0'.repeat(64));
    }).toThrow(/more than 10 cells/);
  });
});

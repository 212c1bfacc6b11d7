import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildDataset } from '../../../src/data/build-dataset';
import { DataError } from '../../../src/data/errors';
import { parseCsv } from '../../../src/data/parse-csv';

const opts = { fileName: 'test.csv', sha256: '0'.repeat(64) };

async function datasetOf(text: string) {
  return buildDataset(await parseCsv(text), opts);
}

describe('buildDataset', () => {
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
    expect(city.kind).toBe('categorical');
    if (city.kind === 'categorical') expect(city.missing).toBe(1);
    expect(label.kind === 'categorical' && label.levels).toEqual(['yes', 'no']);
  });

  it('detects a headerless file and names its columns', async () => {
    const d = await datasetOf("0.1,2.5,'-1'\n0.3,1.5,'1'\n0.2,2.0,'-1'\n");
    expect(d.hasHeader).toBe(false);
    expect(d.columns.map((c) => c.name)).toEqual(['column_1', 'column_2', 'column_3']);
    expect(d.rowCount).toBe(3);
  });

  it('reads the shipped demo with its header', () => {
    const text = readFileSync('public/demo/mammography.csv', 'utf8');
    return parseCsv(text).then((rows) => {
      const d = buildDataset(rows, opts);
      expect(d.rowCount).toBe(11183);
      expect(d.columns).toHaveLength(7);
      expect(d.columns[6].name).toBe('calcification');
    });
  });

  it('strips a BOM and handles CRLF, quotes and semicolons', async () => {
    const d = await datasetOf('\uFEFFa;b;"c d"\r\n1;"x;y";yes\r\n2;z;no\r\n');
    expect(d.columns.map((c) => c.name)).toEqual(['a', 'b', 'c d']);
    const b = d.columns[1];
    expect(b.kind === 'categorical' && b.levels).toEqual(['x;y', 'z']);
  });

  it('keeps __proto__ and constructor as ordinary column names', async () => {
    const d = await datasetOf('__proto__,constructor,toString\n1,2,a\n3,4,b\n');
    expect(d.columns.map((c) => c.name)).toEqual(['__proto__', 'constructor', 'toString']);
  });

  it('refuses an empty file, a header-only file and a single column', async () => {
    await expect(datasetOf('')).rejects.toThrow(DataError);
    await expect(datasetOf('a,b,c\n')).rejects.toThrow(/header row but no data rows/);
    await expect(datasetOf('x\n1\n2\n')).rejects.toThrow(/single column/);
  });

  it('names the lines of ragged rows', async () => {
    await expect(datasetOf('a,b\n1,2\n3\n4,5\n6,7,8\n')).rejects.toThrow(/lines 3, 5/);
  });
});
